using Consultation.Processes;

namespace Consultation.Convergence.Measuring.Thresholds;

/// <summary>
/// Every change of a process's convergence settings (thresholds, groupings, basis): the process must exist and not be
/// concluded; the settings stream must be at the version the client read (0 before anything was set), else 412.
/// </summary>
public static class ConvergenceSettingsStream
{
    /// <summary>The process, or 404; refused (409) once it is concluded, saying that <paramref name="what"/> can no longer change.</summary>
    public static ProcessDetails RequireOpen(ProcessDetails? process, string key, string what)
    {
        if (process is null)
        {
            throw new StreamNotFound("Process", key);
        }

        return process.Status == ProcessStatus.Concluded
            ? throw new DomainRuleViolation($"Process '{process.Id}' was concluded on {process.ConcludedOn:yyyy-MM-dd}; its {what} can no longer change.")
            : process;
    }

    /// <summary>Appends what <paramref name="decide"/> answers for the current settings, if the stream is at <paramref name="expectedVersion"/>.</summary>
    public static async Task<StreamWritten> AppendAsync(
        IDocumentSession session, string process, long expectedVersion, Func<ConvergenceSettings, object> decide, CancellationToken cancellationToken)
    {
        var key = ConvergenceSettings.KeyFor(process);
        var stream = await session.Events.FetchForWriting<ConvergenceSettings>(key, cancellationToken);
        var version = stream.CurrentVersion ?? 0;
        if (version != expectedVersion)
        {
            throw new StaleVersion("Convergence settings", key, expectedVersion, version);
        }

        stream.AppendOne(decide(stream.Aggregate ?? ConvergenceSettings.Defaults(process)));
        await session.SaveOrRefuseAsync(() => new StaleVersion("Convergence settings", key, expectedVersion, version + 1), cancellationToken);
        return new StreamWritten(key, version + 1);
    }
}
