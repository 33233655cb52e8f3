namespace Consultation.Synthetic;

public enum SyntheticStreamKind
{
    Stakeholder,
    Process,
    Meeting,
    Position,
    Area,
}

/// <summary>One stream of a synthetic consultation: its key and its events, in order.</summary>
public sealed record SyntheticStream(string Key, SyntheticStreamKind Kind, IReadOnlyList<object> Events);

/// <summary>
/// What the builder aimed at for an issue, what the convergence measure says of the generated positions, and the effective
/// positions it measured (today: own, inherited, and blocs' own).
/// </summary>
public sealed record SyntheticIssue(string Issue, string? Theme, bool Retired, ConvergenceLevel Target, IssueMeasure Expected, IReadOnlyList<MeasuredPosition> Effective);

/// <summary>
/// A synthetic consultation, ready to write. <see cref="Registry"/> holds the fictional stakeholders' own streams
/// (registration and group memberships): they depend only on the stakeholder count, never on the seed, so several
/// synthetic processes share one fictional registry. <see cref="Appended"/> are events appended to those stakeholder
/// streams for this process (accreditations). <see cref="Streams"/> are the process's new streams (process, meetings,
/// positions, areas).
/// </summary>
public sealed record SyntheticScenario(
    SyntheticOptions Options,
    IReadOnlyList<SyntheticStream> Registry,
    IReadOnlyList<SyntheticStream> Appended,
    IReadOnlyList<SyntheticStream> Streams,
    IReadOnlyList<SyntheticIssue> Issues)
{
    public string Process => Options.ProcessKey;

    /// <summary>The planted opinion group of each voice (<c>planted-1</c> …), by stakeholder key; empty when none were planted.</summary>
    public IReadOnlyDictionary<string, string> PlantedOpinionGroups { get; init; } = new Dictionary<string, string>();

    public long EventCount => Registry.Sum(s => (long)s.Events.Count) + Appended.Sum(s => (long)s.Events.Count) + Streams.Sum(s => (long)s.Events.Count);

    /// <summary>Every event in writing order (registry, appended, streams), with its stream key.</summary>
    public IEnumerable<(string Stream, object Event)> AllEvents() =>
        Registry.Concat(Appended).Concat(Streams).SelectMany(s => s.Events.Select(e => (s.Key, e)));
}
