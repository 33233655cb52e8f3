using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// Finishes <see cref="OpenApiValidatedSchemas"/> for nested objects: the generator wraps a nullable object property as
/// <c>oneOf [null, $ref]</c> after the schema transformers ran, so a required one (e.g. a meeting's venue) would still
/// admit null. In the schemas request bodies reach, a required property is the referenced schema alone.
/// </summary>
public sealed class OpenApiRequiredNotNull : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null)
        {
            return Task.CompletedTask;
        }

        var bodies = document.Paths.Values
            .SelectMany(p => (IEnumerable<OpenApiOperation>?)p.Operations?.Values ?? [])
            .SelectMany(o => (IEnumerable<OpenApiMediaType>?)o.RequestBody?.Content?.Values ?? [])
            .Select(m => m.Schema)
            .OfType<IOpenApiSchema>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<IOpenApiSchema>(bodies);
        while (pending.TryDequeue(out var schema))
        {
            if (schema is OpenApiSchemaReference { Reference.Id: { } id })
            {
                if (seen.Add(id) && schemas.TryGetValue(id, out var target))
                {
                    pending.Enqueue(target);
                }

                continue;
            }

            if (schema is not OpenApiSchema inline)
            {
                continue;
            }

            foreach (var (name, property) in inline.Properties?.ToList() ?? [])
            {
                if (inline.Required?.Contains(name) == true && property is OpenApiSchema { OneOf: { Count: 2 } either }
                    && either.Count(s => s is OpenApiSchema { Type: JsonSchemaType.Null }) == 1)
                {
                    inline.Properties![name] = either.Single(s => s is not OpenApiSchema { Type: JsonSchemaType.Null });
                }
            }

            foreach (var child in Children(inline))
            {
                pending.Enqueue(child);
            }
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<IOpenApiSchema> Children(OpenApiSchema schema) =>
        (schema.Properties?.Values ?? Enumerable.Empty<IOpenApiSchema>())
            .Concat(schema.OneOf ?? [])
            .Concat(schema.AnyOf ?? [])
            .Concat(schema.AllOf ?? [])
            .Concat(schema.Items is { } items ? [items] : []);
}
