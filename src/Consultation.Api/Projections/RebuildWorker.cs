namespace Consultation.Projections;

/// <summary>Runs the queued rebuilds in the background, one after the other, so the request that asked answers at once (202).</summary>
public sealed class RebuildWorker(RebuildQueue queue, IServiceProvider services, ILogger<RebuildWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var run in queue.Reader.ReadAllAsync(stoppingToken))
        {
            logger.LogInformation("Rebuild {RebuildId} of {Projections} requested by {User} starts", run.Id, string.Join(", ", run.Projections.Select(p => p.Name)), run.Requester.UserName);
            try
            {
                var status = await RebuildExecution.RunAsync(services, run, ProjectionsRebuilt.ViaApi, pauseDaemon: true, onProgress: null, stoppingToken);
                logger.LogInformation("Rebuild {RebuildId} {State} up to sequence {Head}{Error}", run.Id, status.State, status.HeadSequence, status.Error is null ? string.Empty : ": " + status.Error);
            }
            catch (Exception e)
            {
                logger.LogError(e, "Rebuild {RebuildId} could not be recorded", run.Id);
            }
        }
    }
}
