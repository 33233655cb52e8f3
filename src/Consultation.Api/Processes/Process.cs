using System.Collections.Immutable;

namespace Consultation.Processes;

/// <summary>Write model of a process stream: what its rules need to decide.</summary>
public sealed record Process(
    string Id,
    DateOnly StartsOn,
    DateOnly? ConcludedOn,
    ImmutableList<Process.PhaseState> Phases,
    ImmutableDictionary<string, Process.FacilitatorState> CoFacilitators,
    ImmutableDictionary<string, Process.IssueState> Issues)
{
    public sealed record PhaseState(string Key, DateOnly StartedOn, DateOnly? EndedOn);

    public sealed record FacilitatorState(string Key, DateOnly AppointedOn, DateOnly? ReleasedOn);

    public sealed record IssueState(string Key, string Title, string Description, bool Retired);

    public bool IsConcluded => ConcludedOn is not null;

    public PhaseState? OpenPhase => Phases.LastOrDefault(p => p.EndedOn is null);

    /// <summary>The last day anything in the process is dated: its start or a phase boundary.</summary>
    public DateOnly LatestDate => Phases.Aggregate(StartsOn, (latest, p) => Max(latest, Max(p.StartedOn, p.EndedOn ?? p.StartedOn)));

    public static Process Create(ProcessLaunched e) =>
        new(e.Key, e.StartsOn, null, [], ImmutableDictionary<string, FacilitatorState>.Empty, ImmutableDictionary<string, IssueState>.Empty);

    public Process Apply(PhaseStarted e) => this with { Phases = Phases.Add(new PhaseState(e.Phase, e.StartedOn, null)) };

    public Process Apply(PhaseEnded e) =>
        this with { Phases = Phases.Select(p => p.Key == e.Phase ? p with { EndedOn = e.EndedOn } : p).ToImmutableList() };

    public Process Apply(CoFacilitatorAppointed e) =>
        this with { CoFacilitators = CoFacilitators.SetItem(e.Facilitator, new FacilitatorState(e.Facilitator, e.AppointedOn, null)) };

    public Process Apply(CoFacilitatorReleased e) =>
        this with { CoFacilitators = CoFacilitators.SetItem(e.Facilitator, CoFacilitators[e.Facilitator] with { ReleasedOn = e.ReleasedOn }) };

    public Process Apply(IssueTabled e) =>
        this with { Issues = Issues.SetItem(e.Issue, new IssueState(e.Issue, e.Title, e.Description, false)) };

    public Process Apply(IssueRetitled e) => this with { Issues = Issues.SetItem(e.Issue, Issues[e.Issue] with { Title = e.Title }) };

    public Process Apply(IssueRedescribed e) =>
        this with { Issues = Issues.SetItem(e.Issue, Issues[e.Issue] with { Description = e.Description }) };

    public Process Apply(IssueRetired e) => this with { Issues = Issues.SetItem(e.Issue, Issues[e.Issue] with { Retired = true }) };

    public Process Apply(ProcessConcluded e) => this with { ConcludedOn = e.ConcludedOn };

    /// <summary>Phases announced for later (<see cref="PhasePlanned"/>), by key.</summary>
    public ImmutableHashSet<string> PlannedPhases { get; init; } = [];

    public int DivergencesNoted { get; init; }

    public Process Apply(PhasePlanned e) => this with { PlannedPhases = PlannedPhases.Add(e.Phase) };

    /// <summary>Leadership roles a source was noted as naming, with the names it gave.</summary>
    public ImmutableHashSet<string> LeadershipNoted { get; init; } = [];

    public Process Apply(ProcessLeadershipNoted e) => this with { LeadershipNoted = LeadershipNoted.Add(NoteOf(e.Role, e.Names)) };

    /// <summary>A leadership note as compared for duplicates: the role and the names, case and order aside.</summary>
    public static string NoteOf(string role, IEnumerable<string> names) =>
        string.Join('\n', [role.ToUpperInvariant(), .. names.Select(n => n.ToUpperInvariant()).Order(StringComparer.Ordinal)]);

    public Process Apply(ProcessDivergenceNoted e) => this with { DivergencesNoted = DivergencesNoted + 1 };

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
