using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Consultation.Infrastructure.Health;

/// <summary>Ready when the async projection daemon runs and no projection shard is paused by an error.</summary>
public sealed class ProjectionDaemonHealthCheck(IProjectionCoordinator coordinator) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var daemon = coordinator.DaemonForMainDatabase();
            var result = !daemon.IsRunning
                ? HealthCheckResult.Unhealthy("The async projection daemon is not running.")
                : daemon.HasAnyPaused()
                    ? HealthCheckResult.Unhealthy("An async projection is paused after an error; summaries are not being updated.")
                    : HealthCheckResult.Healthy("The async projection daemon is running.");
            return Task.FromResult(result);
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The async projection daemon could not be inspected.", e));
        }
    }
}
