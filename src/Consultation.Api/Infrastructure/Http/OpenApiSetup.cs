using Microsoft.AspNetCore.OpenApi;

namespace Consultation.Infrastructure.Http;

public static class OpenApiSetup
{
    public static IServiceCollection AddConsultationOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            // Slices nest Command/Request/Query types; name schemas after the use case (RegisterStakeholderCommand).
            options.CreateSchemaReferenceId = type =>
                OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id && type.Type.IsNested && type.Type.DeclaringType is { } slice
                    ? slice.Name + id
                    : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Consultation Tracker API";
                document.Info.Description =
                    "Records a multilateral stakeholder consultation as events: processes, meetings, stakeholders, positions and areas of convergence. "
                    + "Errors are RFC 9457 problem details; updates take If-Match with the ETag you read.";
                return Task.CompletedTask;
            });
        });
}
