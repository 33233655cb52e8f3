using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// Names query parameters as clients send them and the service reports them in validation errors: camelCase.
/// Parameters bound from a record with <c>[AsParameters]</c> are otherwise documented under the property's name (PascalCase);
/// binding is case-insensitive, so the camelCase name is the one that works and reads like the rest of the API.
/// </summary>
public sealed class OpenApiQueryParameterNames : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in document.Paths.Values.SelectMany(p => (IEnumerable<OpenApiOperation>?)p.Operations?.Values ?? []).SelectMany(o => o.Parameters ?? []))
        {
            if (parameter is OpenApiParameter { In: ParameterLocation.Query, Name: { Length: > 0 } name } query && char.IsUpper(name[0]))
            {
                query.Name = JsonNamingPolicy.CamelCase.ConvertName(name);
            }
        }

        return Task.CompletedTask;
    }
}
