using Consultation.Infrastructure.Batching;
using Consultation.Infrastructure.Security;
using System.Text.Json.Serialization;
using Consultation.Infrastructure.Health;
using Consultation.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;

namespace Consultation.Infrastructure.Http;

public static class HttpSetup
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static IServiceCollection AddConsultationHttp(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new StorableTextJsonConverter());
            o.SerializerOptions.Converters.Add(new RecordDateJsonConverter());
            o.SerializerOptions.Converters.Add(new MomentJsonConverter());
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxRequestBodyBytes);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                context.ProblemDetails.Detail ??= "Send the body as JSON with 'Content-Type: application/json'.";
            }

            var correlation = context.HttpContext.RequestServices.GetService<RequestContext>();
            if (correlation is not null)
            {
                context.ProblemDetails.Extensions["correlationId"] = correlation.CorrelationId;
            }
        });
        services.AddSingleton<JsonBodyErrors>();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddProblemMapping<BatchItemsRefused>(BatchItemsRefused.ToProblem);
        services.AddConsultationOpenApi();
        services.AddConsultationHealthChecks();
        return services;
    }

    public static WebApplication UseConsultationHttp(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            // A declared length over the limit is refused before reading; Kestrel enforces the limit on chunked bodies.
            // An endpoint taking files declares its own limit (IRequestSizeLimitMetadata).
            var maxBytes = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? MaxRequestBodyBytes;
            if (http.Request.ContentLength > maxBytes)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = "Request body too large", Detail = $"The body may be at most {maxBytes} bytes; this one is {http.Request.ContentLength}." },
                });
                return;
            }

            var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (limit is { IsReadOnly: false })
            {
                limit.MaxRequestBodySize = maxBytes;
            }

            await next(http);
        });
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodyCharsetDoor>();
        app.UseMiddleware<StorableTextDoor>();
        app.UseConsultationSecurity();
        return app;
    }

    /// <summary>The service's own endpoints (OpenAPI, its reference, health), then the modules' (<paramref name="modules"/>).</summary>
    public static WebApplication MapConsultationEndpoints(this WebApplication app, Action<WebApplication> modules)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(o => o.WithTitle("Consultation Tracker API")).AllowAnonymous();
        app.MapConsultationHealth();
        modules(app);
        app.Services.GetService<Security.CommandAccess>()?.ReadFrom(((IEndpointRouteBuilder)app).DataSources);
        return app;
    }
}
