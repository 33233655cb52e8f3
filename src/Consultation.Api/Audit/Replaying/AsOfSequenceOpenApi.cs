using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Consultation.Audit.Replaying;

/// <summary>Documents <c>asOfSequence</c> on every operation that answers <c>asOf</c> (the middleware adds it to them all).</summary>
public static class AsOfSequenceOpenApi
{
    public const string Description =
        "Global event sequence: answer as the record stood after event N (resolved to the recorded time of the latest event up to N, "
        + "echoed in the Consultation-As-Of-Sequence and Consultation-As-Of headers and in asOf). Not with asOf. 404 beyond the last event; "
        + "422 with nearestBefore/nearestAfter when events around N were recorded at the same moment.";

    public static IServiceCollection AddAsOfSequenceOpenApi(this IServiceCollection services) =>
        services.Configure<OpenApiOptions>("v1", options => options.AddOperationTransformer((operation, context, _) =>
        {
            if (AsOfSupport.Answers(context.Description.ActionDescriptor.EndpointMetadata))
            {
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = AsOfSequenceMiddleware.Parameter,
                    In = ParameterLocation.Query,
                    Required = false,
                    Description = Description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1" },
                });
            }

            return Task.CompletedTask;
        }));
}
