using Consultation.Convergence.Measuring.Grouping;
using FluentValidation.Results;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Consultation.Convergence.Measuring.Thresholds;

/// <summary>A process set the thresholds its convergence levels are judged by (replacing the previous ones, or the defaults).</summary>
public sealed record ConvergenceThresholdsSet(string Process, ConvergenceThresholds Thresholds, string? Reason);

/// <summary>
/// How one process's convergence is measured, on a small stream of its own keyed <see cref="KeyFor"/>; kept inline: the
/// thresholds (a process that never set any uses <see cref="ConvergenceThresholds.Default"/>, <see cref="IsDefault"/>), the
/// groupings it defined and the grouping basis it chose (regional groups until it chooses). Version 0 until anything is set.
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

    /// <summary>The name of the grouping basis measures use unless a read asks for another (<see cref="GroupingBasis.RegionalGroupsName"/> until chosen).</summary>
    public string Basis { get; init; } = GroupingBasis.RegionalGroupsName;

    public string? BasisReason { get; init; }

    /// <summary>The groupings the process defined, by name, each as last defined (the built-in ones are not listed).</summary>
    public IReadOnlyList<GroupingBasis> Groupings { get; init; } = [];

    /// <summary>The stream version (0 when never set); also the ETag to send back in If-Match.</summary>
    public long Version { get; init; }

    public DateTimeOffset? LastChangedAt { get; init; }

    public static string KeyFor(string process) => $"{process}:convergence-settings";

    /// <summary>
    /// The basis named <paramref name="asked"/> (the chosen one when null): a built-in one or one the process defined;
    /// a name the process does not know is refused as a bad <c>grouping</c> parameter, naming the known ones.
    /// </summary>
    public GroupingBasis BasisNamed(string? asked)
    {
        var name = asked ?? Basis;
        return GroupingBasis.BuiltIn.Concat(Groupings).FirstOrDefault(g => g.Name == name)
            ?? throw new ValidationException([new ValidationFailure("grouping",
                $"Process '{Process}' has no grouping '{name}'; it has: {string.Join(", ", GroupingBasis.BuiltIn.Concat(Groupings).Select(g => g.Name))}.")]);
    }

    /// <summary>The thresholds, and the basis named <paramref name="grouping"/> (the chosen one when null; see <see cref="BasisNamed"/>).</summary>
    public MeasureRules RulesFor(string? grouping) => new(Thresholds, BasisNamed(grouping));

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

    public ConvergenceSettings Create(IEvent<GroupingDefined> e) => Apply(e, ConvergenceSettings.Defaults(e.Data.Process));

    public ConvergenceSettings Create(IEvent<GroupingBasisChosen> e) => Apply(e, ConvergenceSettings.Defaults(e.Data.Process));

    public ConvergenceSettings Apply(IEvent<GroupingDefined> e, ConvergenceSettings current) =>
        current with
        {
            Groupings = current.Groupings.Any(g => g.Name == e.Data.Grouping.Name)
                ? [.. current.Groupings.Select(g => g.Name == e.Data.Grouping.Name ? e.Data.Grouping : g)]
                : [.. current.Groupings, e.Data.Grouping],
            Version = e.Version,
            LastChangedAt = e.RecordedAt(),
        };

    public ConvergenceSettings Apply(IEvent<GroupingBasisChosen> e, ConvergenceSettings current) =>
        current with
        {
            Basis = e.Data.Basis,
            BasisReason = e.Data.Reason,
            Version = e.Version,
            LastChangedAt = e.RecordedAt(),
        };

    /// <summary>The settings as of a moment: the stream's events recorded by then, oldest first, folded by these methods onto <paramref name="state"/> (null when none).</summary>
    public ConvergenceSettings? Fold(IEnumerable<IEvent> events, ConvergenceSettings? state = null)
    {
        foreach (var e in events)
        {
            state = e switch
            {
                IEvent<ConvergenceThresholdsSet> x => state is null ? Create(x) : Apply(x, state),
                IEvent<GroupingDefined> x => state is null ? Create(x) : Apply(x, state),
                IEvent<GroupingBasisChosen> x => state is null ? Create(x) : Apply(x, state),
                _ => state,
            };
        }

        return state;
    }

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
