using Consultation.Infrastructure.Resilience;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Consultation.Infrastructure.Health;

/// <summary>
/// Ready when the async projection daemon runs and no projection shard is paused or stopped by an error. A paused shard is
/// named with the sequence it stopped at and the event it could not apply, so the operator knows where to look
/// (details: <c>GET /admin/projections/failures</c>). With several nodes (<c>DaemonMode.HotCold</c>) each node answers for
/// the shards it runs, named in the description ("Runs here: …"); a node running none stands by and is ready: another node
/// holds them, and this one takes them over when that node goes.
/// </summary>
public sealed class ProjectionDaemonHealthCheck(IProjectionCoordinator coordinator, IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var daemon = coordinator.DaemonForMainDatabase();
            var hotCold = EventStore.DaemonDistribution.ModeFrom(configuration) == JasperFx.Events.Daemon.DaemonMode.HotCold;
            if (!daemon.IsRunning && hotCold)
            {
                return Task.FromResult(HealthCheckResult.Healthy("Standing by: another node runs the async projections."));
            }

            if (!daemon.IsRunning)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("The async projection daemon is not running."));
            }

            var paused = ProjectionFailures.Paused(daemon);
            if (paused.Count > 0 || daemon.HasAnyPaused())
            {
                var which = paused.Count == 0 ? "An async projection is paused." : string.Join(" ", paused.Select(p => p.Describe()));
                return Task.FromResult(HealthCheckResult.Unhealthy(
                    $"Async projections are not being updated. {which} See GET /admin/projections/failures."));
            }

            var here = string.Join(", ", daemon.CurrentAgents().Select(a => a.Name.Identity).Order(StringComparer.Ordinal));
            return Task.FromResult(HealthCheckResult.Healthy($"The async projection daemon is running. Runs here: {here}."));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The async projection daemon could not be inspected.", e));
        }
    }
}
