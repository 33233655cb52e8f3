using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Consultation.Infrastructure.Health;

public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    private const string HealthTag = "Liveness and readiness for a load balancer or orchestrator; no token needed.";

    /// <summary>A check that has not answered by then counts as unhealthy, so readiness answers promptly while the database hangs.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddConsultationHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<DatabaseHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<ProjectionDaemonHealthCheck>("projection-daemon", tags: [ReadyTag], timeout: CheckTimeout);
        return services;
    }

    /// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: database, schema and daemon are fine.</summary>
    public static void MapConsultationHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteJson })
            .WithTag("Health", HealthTag)
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteJson })
            .WithTag("Health", HealthTag)
            .AllowAnonymous();
    }

    private static Task WriteJson(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
