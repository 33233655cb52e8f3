using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Consultation.Infrastructure.Http;

/// <summary>An operation of the document beside the endpoint it describes (its metadata, route and request type).</summary>
public sealed partial record OpenApiEndpointOperation(string Path, HttpMethod Method, OpenApiOperation Operation, ApiDescription Description)
{
    public IList<object> Metadata => Description.ActionDescriptor.EndpointMetadata;

    public bool Has<TMetadata>() => Metadata.OfType<TMetadata>().Any();

    /// <summary>Every operation of <paramref name="document"/> with the API description it was made from.</summary>
    public static IEnumerable<OpenApiEndpointOperation> In(OpenApiDocument document, OpenApiDocumentTransformerContext context)
    {
        foreach (var description in context.DescriptionGroups.SelectMany(g => g.Items))
        {
            // The description keeps route constraints and catch-all stars ({id:guid}, {**key}); the document's paths do not.
            var path = "/" + RouteParameter().Replace((description.RelativePath ?? string.Empty).TrimStart('/'), "{${name}}");
            if (description.HttpMethod is not { } method
                || document.Paths.TryGetValue(path, out var item) is false
                || item.Operations is null
                || !item.Operations.TryGetValue(new HttpMethod(method), out var operation))
            {
                continue;
            }

            yield return new OpenApiEndpointOperation(path, new HttpMethod(method), operation, description);
        }
    }

    [GeneratedRegex(@"\{\**(?<name>[^}:=?]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
