using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// Query parameters bound from a record (<c>[AsParameters] Query query</c>) say what its validator says: the enum names a
/// text filter accepts, required when the validator refuses it missing, its maximum length, and the form it takes (a date's
/// pattern, and in words in its description).
/// </summary>
public sealed class OpenApiQueryParameterRules : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var endpoint in OpenApiEndpointOperation.In(document, context))
        {
            if (endpoint.Metadata.OfType<MethodInfo>().FirstOrDefault() is not { } handler)
            {
                continue;
            }

            var rules = FieldRules.Of(ValidatedTypes(handler).SelectMany(type =>
                context.ApplicationServices.GetServices(typeof(IValidator<>).MakeGenericType(type)).OfType<IValidator>()));
            foreach (var parameter in (endpoint.Operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query))
            {
                if (parameter.Name is null || !rules.TryGetValue(parameter.Name, out var rule))
                {
                    continue;
                }

                parameter.Required |= rule.Required;
                if (parameter.Schema is OpenApiSchema schema)
                {
                    if (rule.AllowedNames is { } names)
                    {
                        schema.Enum = [.. names.Select(n => (JsonNode)JsonValue.Create(n))];
                    }

                    if (rule.MaxLength is { } max && schema.Type?.HasFlag(JsonSchemaType.String) == true)
                    {
                        schema.MaxLength = max;
                    }

                    if (rule.Format is { } format)
                    {
                        schema.Type = JsonSchemaType.String;
                        schema.Pattern = format.Pattern;
                        parameter.Description = string.IsNullOrEmpty(parameter.Description) ? format.Description : $"{parameter.Description} {format.Description}";
                    }
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The records bound with <c>[AsParameters]</c>, and the types the handler's slice validates (the <c>Query</c> it builds from single parameters).</summary>
    private static IEnumerable<Type> ValidatedTypes(MethodInfo handler)
    {
        var slice = handler.DeclaringType;
        while (slice is not null && slice.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
        {
            slice = slice.DeclaringType;
        }

        return handler.GetParameters()
            .Where(p => p.GetCustomAttribute<AsParametersAttribute>() is not null)
            .Select(p => p.ParameterType)
            .Concat((slice?.GetNestedTypes() ?? []).Select(ValidatedTypeOf).OfType<Type>())
            .Distinct();
    }

    private static Type? ValidatedTypeOf(Type candidate)
    {
        for (var type = candidate.BaseType; type is not null && type != typeof(object); type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AbstractValidator<>) && !candidate.IsAbstract)
            {
                return type.GetGenericArguments()[0];
            }
        }

        return null;
    }
}
