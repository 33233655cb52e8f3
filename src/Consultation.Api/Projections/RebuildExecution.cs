using Consultation.Infrastructure.Pipeline;

namespace Consultation.Projections;

/// <summary>Runs one rebuild to its end and records it on <c>audit:rebuilds</c> as the requester: the worker's and the command line's shared path.</summary>
public static class RebuildExecution
{
    /// <remarks>
    /// <paramref name="pauseDaemon"/>: in the service the hosted async daemon would keep writing the async projections the
    /// rebuild tears down, so it is paused for the duration (async projections lag meanwhile and catch up after). The command
    /// line has no hosted daemon.
    /// </remarks>
    public static async Task<RebuildStatus> RunAsync(
        IServiceProvider services,
        RebuildRun run,
        string via,
        bool pauseDaemon,
        Action<ProjectionRebuildProgress>? onProgress,
        CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var coordinator = pauseDaemon ? services.GetService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>() : null;
        run.Start();
        long head = 0;
        string? error = null;
        try
        {
            if (coordinator is not null)
            {
                await coordinator.PauseAsync();
            }

            try
            {
                head = await ProjectionRebuilder.RebuildAsync(store, run.Projections, onProgress, cancellationToken);
            }
            finally
            {
                // Not when the service is stopping: resuming would start the daemon again behind the host's back.
                if (coordinator is not null && !cancellationToken.IsCancellationRequested)
                {
                    await coordinator.ResumeAsync();
                }
            }
        }
        catch (Exception e)
        {
            error = e is OperationCanceledException ? "The rebuild was cancelled (the service stopped)." : e.Message;
        }

        var final = run.Finish(head, error);
        try
        {
            await RecordAsync(services, run.Requester, ProjectionsRebuilt.From(final, via));
        }
        finally
        {
            run.Close();
        }

        return final;
    }

    private static async Task RecordAsync(IServiceProvider services, Requester requester, ProjectionsRebuilt rebuilt)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<RequestContext>();
        context.UserName = requester.UserName;
        context.DisplayName = requester.DisplayName;
        context.Role = requester.Role;
        context.CorrelationId = requester.CorrelationId;
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RecordRebuild.Command(rebuilt), CancellationToken.None);
    }
}
