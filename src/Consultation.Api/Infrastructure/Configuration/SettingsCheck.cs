using Consultation.Meetings;

namespace Consultation.Infrastructure.Configuration;

/// <summary>
/// Refuses to start with settings that would otherwise fail later, on a user's request
/// (as a 500): the service says what is wrong at start-up instead.
/// </summary>
public sealed class SettingsCheck(IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RecordingWindow.GraceFrom(configuration);
        _ = Database.ConsultationDatabase.SchemaFrom(configuration);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
