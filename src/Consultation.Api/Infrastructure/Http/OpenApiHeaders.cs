using Microsoft.OpenApi;

namespace Consultation.Infrastructure.Http;

/// <summary>Describes request headers the endpoints read by hand (If-Match, Idempotency-Key) in the OpenAPI document.</summary>
public static class OpenApiHeaders
{
    public static TBuilder WithRequestHeader<TBuilder>(this TBuilder builder, string name, string description, bool required)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Header,
                Required = required,
                Description = description,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            return Task.CompletedTask;
        });
}
