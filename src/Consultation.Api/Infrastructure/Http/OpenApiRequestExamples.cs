using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Consultation.Infrastructure.Http;

/// <summary>Shows the <see cref="IRequestExamples"/> of the modules as the JSON example of each request body, serialized as the service reads it.</summary>
public sealed class OpenApiRequestExamples : IOpenApiDocumentTransformer
{
    private static readonly Lazy<IReadOnlyDictionary<Type, object>> ByType = new(() =>
        typeof(IRequestExamples).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRequestExamples).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .SelectMany(t => ((IRequestExamples)Activator.CreateInstance(t)!).Examples)
            .ToDictionary(e => e.GetType()));

    /// <summary>Every example, by the request type it illustrates.</summary>
    public static IReadOnlyDictionary<Type, object> Examples => ByType.Value;

    public Task TransformAsync(Microsoft.OpenApi.OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // Fields left out of an example are left out of the JSON, as a client would.
        var json = new JsonSerializerOptions(context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        foreach (var endpoint in OpenApiEndpointOperation.In(document, context))
        {
            if (endpoint.Metadata.OfType<IAcceptsMetadata>().FirstOrDefault()?.RequestType is not { } type
                || !Examples.TryGetValue(Nullable.GetUnderlyingType(type) ?? type, out var example)
                || endpoint.Operation.RequestBody?.Content is not { } content)
            {
                continue;
            }

            foreach (var media in content.Where(c => c.Key.Contains("json", StringComparison.OrdinalIgnoreCase)).Select(c => c.Value))
            {
                media.Example = JsonSerializer.SerializeToNode(example, example.GetType(), json);
            }
        }

        return Task.CompletedTask;
    }
}
