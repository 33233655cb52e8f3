using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// Makes request schemas say what the validators say (<see cref="RequestFieldRules"/>). The binder itself requires nothing
/// (a missing field binds as null), so a field is required exactly when a validator refuses it missing or null; a required
/// field is not nullable; an optional one may be sent as null, which means the same as leaving it out. Text that must name
/// an enum member lists the names; a maximum length is stated.
/// </summary>
public sealed class OpenApiValidatedSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Properties is not { Count: > 0 } properties
            || context.ApplicationServices.GetRequiredService<RequestFieldRules>().For(context.JsonTypeInfo.Type) is not { } rules)
        {
            return Task.CompletedTask;
        }

        schema.Required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, property) in properties.ToList())
        {
            var rule = rules.GetValueOrDefault(name, FieldRule.None);
            if (rule.Required)
            {
                schema.Required.Add(name);
                properties[name] = NotNull(property);
            }

            if (properties[name] is OpenApiSchema field)
            {
                if (rule.AllowedNames is { } names)
                {
                    field.Enum = [.. names.Select(n => (JsonNode)JsonValue.Create(n)), .. NullIfAllowed(field)];
                }

                if (rule.MaxLength is { } max && field.Type?.HasFlag(JsonSchemaType.String) == true)
                {
                    field.MaxLength = max;
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The schema without null: <c>["null","string"]</c> becomes <c>"string"</c>, <c>oneOf [null, X]</c> becomes X.</summary>
    private static IOpenApiSchema NotNull(IOpenApiSchema property)
    {
        if (property is not OpenApiSchema schema)
        {
            return property;
        }

        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        {
            schema.Type = type & ~JsonSchemaType.Null;
        }

        if (schema.OneOf is { Count: 2 } either && either.Count(IsNull) == 1)
        {
            return either.Single(s => !IsNull(s));
        }

        return schema;
    }

    private static bool IsNull(IOpenApiSchema schema) => schema is OpenApiSchema { Type: JsonSchemaType.Null };

    private static IEnumerable<JsonNode> NullIfAllowed(OpenApiSchema field) =>
        field.Type?.HasFlag(JsonSchemaType.Null) == true ? [null!] : [];
}
