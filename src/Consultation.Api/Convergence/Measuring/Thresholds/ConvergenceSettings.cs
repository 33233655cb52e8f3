using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Consultation.Convergence.Measuring.Thresholds;

/// <summary>A process set the thresholds its convergence levels are judged by (replacing the previous ones, or the defaults).</summary>
public sealed record ConvergenceThresholdsSet(string Process, ConvergenceThresholds Thresholds, string? Reason);

/// <summary>
/// The convergence thresholds of one process, on a small stream of its own keyed <see cref="KeyFor"/>; kept inline.
/// A process that never set any uses <see cref="ConvergenceThresholds.Default"/> (version 0, <see cref="IsDefault"/>).
/// </summary>
public sealed record ConvergenceSettings : IVersioned
{
    /// <summary>The stream key, <c>{process}:convergence-settings</c> (a ':' no process, meeting or position key contains).</summary>
    public required string Id { get; init; }

    public required string Process { get; init; }

    public required ConvergenceThresholds Thresholds { get; init; }

    /// <summary>True when the process never set thresholds and the defaults apply.</summary>
    public bool IsDefault { get; init; }

    public string? Reason { get; init; }

    /// <summary>The stream version (0 when never set); also the ETag to send back in If-Match.</summary>
    public long Version { get; init; }

    public DateTimeOffset? LastChangedAt { get; init; }

    public static string KeyFor(string process) => $"{process}:convergence-settings";

    public static ConvergenceSettings Defaults(string process) => new()
    {
        Id = KeyFor(process),
        Process = process,
        Thresholds = ConvergenceThresholds.Default,
        IsDefault = true,
    };
}

public sealed partial class ConvergenceSettingsProjection : SingleStreamProjection<ConvergenceSettings, string>
{
    public ConvergenceSettings Create(IEvent<ConvergenceThresholdsSet> e) => Apply(e, ConvergenceSettings.Defaults(e.Data.Process));

    public ConvergenceSettings Apply(IEvent<ConvergenceThresholdsSet> e, ConvergenceSettings current) =>
        current with
        {
            Thresholds = e.Data.Thresholds,
            IsDefault = false,
            Reason = e.Data.Reason,
            Version = e.Version,
            LastChangedAt = e.RecordedAt(),
        };
}
