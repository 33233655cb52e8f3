using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Consultation.Infrastructure.Http;

/// <summary>What a group of endpoints (an OpenAPI tag) is for, given where the module maps them (<see cref="TagDescriptions.WithTag"/>).</summary>
public sealed record TagDescription(string Name, string Description);

public static class TagDescriptions
{
    /// <summary>Tags the endpoints and says, once in the document, what the tag's endpoints are for.</summary>
    public static TBuilder WithTag<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithTags(name).WithMetadata(new TagDescription(name, description));
}

/// <summary>Gives each tag of the document the description its endpoints carry.</summary>
public sealed class OpenApiTagDescriptions : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var descriptions = context.DescriptionGroups.SelectMany(g => g.Items)
            .SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<TagDescription>())
            .DistinctBy(t => t.Name)
            .ToDictionary(t => t.Name, t => t.Description);
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && descriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
