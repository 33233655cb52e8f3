using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Consultation.Infrastructure.Health;

/// <summary>Ready when PostgreSQL answers and the event store schema matches the configuration.</summary>
public sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var session = store.QuerySession();
            await session.QueryAsync<int>("select 1", cancellationToken);
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The database is not reachable.", e);
        }

        try
        {
            await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync(cancellationToken);
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The database schema is not applied (run 'db-apply').", e);
        }

        return HealthCheckResult.Healthy("The database is reachable and its schema is applied.");
    }
}
