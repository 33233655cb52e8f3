using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// Declares every parameter of an operation's path template. Endpoints that read route values by hand (the update
/// endpoints of <see cref="UpdateEndpoints"/> hand them to the slice as a <see cref="RouteValueDictionary"/>) bind no
/// route parameter, so the generator leaves them out and a client could not build the URL.
/// </summary>
public sealed partial class OpenApiPathParameters : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (path, item) in document.Paths)
        {
            var names = TemplateParameter().Matches(path).Select(m => m.Groups["name"].Value).ToList();
            foreach (var operation in (IEnumerable<OpenApiOperation>?)item.Operations?.Values ?? [])
            {
                operation.Parameters ??= [];
                foreach (var name in names.Where(n => !operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == n)))
                {
                    operation.Parameters.Insert(
                        operation.Parameters.Count(p => p.In == ParameterLocation.Path),
                        new OpenApiParameter
                        {
                            Name = name,
                            In = ParameterLocation.Path,
                            Required = true,
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                        });
                }
            }
        }

        return Task.CompletedTask;
    }

    [GeneratedRegex(@"\{(?<name>[^}]+)\}")]
    private static partial Regex TemplateParameter();
}
