using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Consultation.Infrastructure.Http;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    private const string BearerScheme = "Bearer";

    public static IServiceCollection AddConsultationOpenApi(this IServiceCollection services) =>
        services.AddSingleton<RequestFieldRules>().AddOpenApi(DocumentName, options =>
        {
            // Slices nest Command/Request/Query types; name schemas after the use case (RegisterStakeholderRequest).
            options.CreateSchemaReferenceId = type =>
                OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } id && type.Type.IsNested && type.Type.DeclaringType is { } slice
                    ? slice.Name + id
                    : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Consultation Tracker API";
                document.Info.Description =
                    "Records a multilateral stakeholder consultation as events: processes, meetings, stakeholders, positions and areas of convergence. "
                    + "Errors are RFC 9457 problem details; updates take If-Match with the ETag you read. "
                    + "Every endpoint except health and this document needs a bearer token (JWT) naming the user's roles and processes.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A token from the configured OpenID Connect provider, or locally from `dotnet run -- token`.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];

                // The generated server URL is the request's own scheme and Host header: whoever sends a forged Host would be
                // served a document (and a reference page) pointing clients at their host. A path relative to the document is enough;
                // written outside a request (the openapi command) there is no host to name at all.
                foreach (var server in document.Servers ?? [])
                {
                    server.Url = Uri.TryCreate(server.Url, UriKind.Absolute, out var url) ? url.AbsolutePath : server.Url;
                }

                if (document.Servers is not { Count: > 0 })
                {
                    document.Servers = [new OpenApiServer { Url = "/" }];
                }

                return Task.CompletedTask;
            });
            options.AddSchemaTransformer<OpenApiValidatedSchemas>();
            options.AddDocumentTransformer<OpenApiRequiredNotNull>();
            options.AddDocumentTransformer<OpenApiPathParameters>();
            options.AddDocumentTransformer<OpenApiQueryParameterNames>();
            options.AddDocumentTransformer<OpenApiQueryParameterRules>();
            options.AddDocumentTransformer<OpenApiResponseContent>();
            options.AddDocumentTransformer<OpenApiProblemResponses>();
            options.AddDocumentTransformer<OpenApiRequestExamples>();
            options.AddDocumentTransformer<OpenApiTagDescriptions>();
        });
}
