using Consultation.Processes;

namespace Consultation.Convergence.Areas;

/// <summary>Loads what the area slices' rules need from other streams' read models.</summary>
public static class AreaFacts
{
    public static async Task<ProcessDetails> ProcessOfAsync(this IQuerySession session, Area area, CancellationToken cancellationToken) =>
        await session.LoadAsync<ProcessDetails>(area.ProcessKey, cancellationToken) ?? throw new StreamNotFound("Process", area.ProcessKey);
}
