using System.Globalization;
using System.Text.Json;
using Consultation.Projections;
using Consultation.Infrastructure.Commands;
using Consultation.Infrastructure.Pipeline;

namespace Consultation.Audit.Cli;

/// <summary>
/// <c>audit rebuild</c>: rebuilds every projection in this process, progress on standard error, the summary on standard
/// output (text, or <c>--json</c>), recorded on <c>audit:rebuilds</c> as <c>cli:{OS user}</c>. Exit 0 when every projection
/// was rebuilt, 1 when one failed. Run it while the service is stopped, or use the service's endpoint: the service's
/// async daemon is not paused from here.
/// </summary>
public static class AuditRebuildCli
{
    public static async Task<int> RunAsync(AuditCliContext context)
    {
        var store = context.Services.GetRequiredService<IDocumentStore>();
        var projections = ProjectionCatalog.All(store).Select(p => p.Name).ToList();
        var requester = new Requester($"cli:{Environment.UserName}", $"{Environment.UserName} (command line)", "operator", RequestContext.NewCorrelationId());
        var run = new RebuildRun(Guid.NewGuid(), projections, requester, TimeProvider.System);

        await context.Error.WriteLineAsync($"Rebuilding {projections.Count} projections from the events: {string.Join(", ", projections)}");
        var printer = new ProgressPrinter(context.Error, projections, "rebuild");
        var status = await RebuildExecution.RunAsync(context.Services, run, ProjectionsRebuilt.ViaCommandLine, pauseDaemon: false, printer.OnProgress, CancellationToken.None);

        if (context.Input.JsonFlag)
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(status, CliJson.Options));
        }
        else
        {
            await WriteSummaryAsync(context.Out, status);
        }

        return status.State == RebuildState.Succeeded ? CommandExitCodes.Ok : CommandExitCodes.Mismatch;
    }

    private static async Task WriteSummaryAsync(TextWriter output, RebuildStatus status)
    {
        var seconds = ((status.FinishedAt ?? status.RequestedAt) - (status.StartedAt ?? status.RequestedAt)).TotalSeconds;
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Rebuild {status.Id} {status.State.ToString().ToLowerInvariant()}: {status.Projections.Count} projections up to sequence {status.HeadSequence} in {seconds:0.000}s."));
        foreach (var projection in status.Projections)
        {
            await output.WriteLineAsync("  " + projection.Describe());
        }

        if (status.Error is { } error)
        {
            await output.WriteLineAsync(error);
        }

        await output.WriteLineAsync($"Recorded on '{RecordRebuild.StreamKey}'.");
    }
}
