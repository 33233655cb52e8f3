namespace Consultation.Projections;

/// <summary>
/// Projections were rebuilt from the events (recorded on <c>audit:rebuilds</c>; who asked is in the event metadata):
/// which ones, up to which head sequence, how long it took, and whether it worked — via the API or the command line.
/// </summary>
public sealed record ProjectionsRebuilt(
    Guid RebuildId,
    IReadOnlyList<ProjectionRebuildOutcome> Projections,
    long HeadSequence,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    double DurationSeconds,
    string Outcome,
    string? Error,
    string Via)
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string ViaApi = "api";
    public const string ViaCommandLine = "cli";

    public static ProjectionsRebuilt From(RebuildStatus status, string via)
    {
        var started = status.StartedAt ?? status.RequestedAt;
        var finished = status.FinishedAt ?? started;
        return new ProjectionsRebuilt(
            status.Id,
            status.Projections.Select(p => new ProjectionRebuildOutcome(p.Name, Lower(p.State), p.Sequence, p.ElapsedSeconds, p.Error)).ToList(),
            status.HeadSequence,
            started,
            finished,
            Math.Round((finished - started).TotalSeconds, 3),
            status.State == RebuildState.Succeeded ? Succeeded : Failed,
            status.Error,
            via);
    }

    private static string Lower(RebuildState state) => state.ToString().ToLowerInvariant();
}

/// <summary>One projection of a recorded rebuild.</summary>
public sealed record ProjectionRebuildOutcome(string Name, string Outcome, long Sequence, double Seconds, string? Error);
