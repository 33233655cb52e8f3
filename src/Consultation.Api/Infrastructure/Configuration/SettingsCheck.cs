namespace Consultation.Infrastructure.Configuration;

/// <summary>A module's check of its own settings, run by <see cref="SettingsCheck"/> at start-up; throws when a setting is wrong.</summary>
public sealed record SettingsRule(Action<IConfiguration> Check);

/// <summary>
/// Refuses to start with settings that would otherwise fail later, on a user's request
/// (as a 500): the service says what is wrong at start-up instead.
/// </summary>
public sealed class SettingsCheck(IConfiguration configuration, IEnumerable<SettingsRule> moduleRules) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var rule in moduleRules)
        {
            rule.Check(configuration);
        }

        _ = Database.ConsultationDatabase.SchemaFrom(configuration);
        _ = EventStore.DaemonDistribution.ModeFrom(configuration);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
