using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// Gives a successful response its media types when the endpoint declares them without a .NET type
/// (<c>.Produces(200, contentType: "text/csv")</c> for a body written as a stream): the generator drops those, which
/// leaves a client no way to know what it receives. The body is documented as text in each declared media type.
/// </summary>
public sealed class OpenApiResponseContent : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var endpoint in OpenApiEndpointOperation.In(document, context))
        {
            var streamed = endpoint.Metadata.OfType<IProducesResponseTypeMetadata>()
                .Where(m => m.StatusCode < 400 && (m.Type is null || m.Type == typeof(void)) && m.ContentTypes.Any());
            foreach (var declared in streamed)
            {
                endpoint.Operation.Responses ??= [];
                var code = declared.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!endpoint.Operation.Responses.TryGetValue(code, out var existing))
                {
                    existing = new OpenApiResponse { Description = "OK" };
                    endpoint.Operation.Responses[code] = existing;
                }

                if (existing is OpenApiResponse response)
                {
                    response.Content ??= new Dictionary<string, OpenApiMediaType>();
                    foreach (var mediaType in declared.ContentTypes)
                    {
                        response.Content.TryAdd(mediaType, new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
                    }
                }
            }
        }

        return Task.CompletedTask;
    }
}
