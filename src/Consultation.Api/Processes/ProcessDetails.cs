using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Consultation.Processes;

public enum ProcessStatus
{
    Active,
    Concluded,
}

public enum IssueStatus
{
    Open,
    Retired,
}

/// <summary>Read model of one process — phases, co-facilitators and issues — kept inline with its stream.</summary>
public sealed record ProcessDetails : Consultation.Infrastructure.Http.IVersioned
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string MandateReference { get; init; }

    public DateOnly StartsOn { get; init; }

    public DateOnly? PlannedEndOn { get; init; }

    public ProcessStatus Status { get; init; }

    public DateOnly? ConcludedOn { get; init; }

    public string? Outcome { get; init; }

    public IReadOnlyList<PhaseDetails> Phases { get; init; } = [];

    public IReadOnlyList<CoFacilitatorDetails> CoFacilitators { get; init; } = [];

    public IReadOnlyList<IssueDetails> Issues { get; init; } = [];

    /// <summary>Phases announced but not started; a phase leaves this list when it starts.</summary>
    public IReadOnlyList<PlannedPhaseDetails> PlannedPhases { get; init; } = [];

    /// <summary>Divergences noted for the process as a whole (those within an area are on the area).</summary>
    public IReadOnlyList<ProcessDivergenceDetails> Divergences { get; init; } = [];

    /// <summary>Who leads the process as sources say it, when they name a role rather than appointments (see <see cref="CoFacilitators"/>).</summary>
    public IReadOnlyList<LeadershipDetails> Leadership { get; init; } = [];

    /// <summary>The stream version; also the ETag to send back in If-Match.</summary>
    public long Version { get; init; }

    public DateTimeOffset LaunchedAt { get; init; }

    public DateTimeOffset LastChangedAt { get; init; }

    /// <summary>
    /// The issue with <paramref name="key"/>, found by a lookup built once per list of issues (a dashboard asks for each
    /// of hundreds); kept beside the list, not in the record, so that equality and copies are unchanged.
    /// </summary>
    public IssueDetails? Issue(string key) =>
        IssuesByKey.GetValue(Issues, issues =>
        {
            var byKey = new Dictionary<string, IssueDetails>(issues.Count, StringComparer.Ordinal);
            foreach (var issue in issues)
            {
                byKey.TryAdd(issue.Key, issue);
            }

            return byKey;
        }).GetValueOrDefault(key);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<IssueDetails>, Dictionary<string, IssueDetails>> IssuesByKey = new();
}

public sealed record PlannedPhaseDetails(string Key, string Title, int? ExpectedYear, DateOnly AnnouncedOn);

public sealed record LeadershipDetails(string Role, IReadOnlyList<string> Names, DateOnly NotedOn);

public sealed record ProcessDivergenceDetails(string Id, string Text, IReadOnlyList<string> Issues, DateOnly NotedOn);

public sealed record PhaseDetails(string Key, string Title, DateOnly StartedOn, DateOnly? EndedOn);

public sealed record CoFacilitatorDetails(string Key, string Name, string? Representing, DateOnly AppointedOn, DateOnly? ReleasedOn, string? ReleaseReason);

public sealed record IssueDetails(
    string Key,
    string Title,
    string Description,
    string? Theme,
    string? ParentIssue,
    IssueStatus Status,
    string? RetirementReason,
    DateTimeOffset TabledAt,
    DateTimeOffset LastChangedAt);

public sealed partial class ProcessDetailsProjection : SingleStreamProjection<ProcessDetails, string>
{
    public ProcessDetails Create(IEvent<ProcessLaunched> e) => new()
    {
        Id = e.Data.Key,
        Title = e.Data.Title,
        MandateReference = e.Data.MandateReference,
        StartsOn = e.Data.StartsOn,
        PlannedEndOn = e.Data.PlannedEndOn,
        Status = ProcessStatus.Active,
        Version = e.Version,
        LaunchedAt = e.RecordedAt(),
        LastChangedAt = e.RecordedAt(),
    };

    public ProcessDetails Apply(IEvent<PhaseStarted> e, ProcessDetails current) =>
        Touch(e, current) with
        {
            Phases = [.. current.Phases, new PhaseDetails(e.Data.Phase, e.Data.Title, e.Data.StartedOn, null)],
            PlannedPhases = [.. current.PlannedPhases.Where(p => p.Key != e.Data.Phase)],
        };

    public ProcessDetails Apply(IEvent<PhasePlanned> e, ProcessDetails current) =>
        Touch(e, current) with { PlannedPhases = [.. current.PlannedPhases, new PlannedPhaseDetails(e.Data.Phase, e.Data.Title, e.Data.ExpectedYear, e.Data.AnnouncedOn)] };

    public ProcessDetails Apply(IEvent<ProcessLeadershipNoted> e, ProcessDetails current) =>
        Touch(e, current) with { Leadership = [.. current.Leadership, new LeadershipDetails(e.Data.Role, e.Data.Names, e.Data.NotedOn)] };

    public ProcessDetails Apply(IEvent<ProcessDivergenceNoted> e, ProcessDetails current) =>
        Touch(e, current) with { Divergences = [.. current.Divergences, new ProcessDivergenceDetails(e.Data.Divergence, e.Data.Text, e.Data.Issues, e.Data.NotedOn)] };

    public ProcessDetails Apply(IEvent<PhaseEnded> e, ProcessDetails current) =>
        Touch(e, current) with { Phases = [.. current.Phases.Select(p => p.Key == e.Data.Phase ? p with { EndedOn = e.Data.EndedOn } : p)] };

    public ProcessDetails Apply(IEvent<CoFacilitatorAppointed> e, ProcessDetails current) =>
        Touch(e, current) with
        {
            CoFacilitators =
            [
                .. current.CoFacilitators.Where(f => f.Key != e.Data.Facilitator),
                new CoFacilitatorDetails(e.Data.Facilitator, e.Data.Name, e.Data.Representing, e.Data.AppointedOn, null, null),
            ],
        };

    public ProcessDetails Apply(IEvent<CoFacilitatorReleased> e, ProcessDetails current) =>
        Touch(e, current) with
        {
            CoFacilitators =
            [
                .. current.CoFacilitators.Select(f => f.Key == e.Data.Facilitator ? f with { ReleasedOn = e.Data.ReleasedOn, ReleaseReason = e.Data.Reason } : f),
            ],
        };

    public ProcessDetails Apply(IEvent<IssueTabled> e, ProcessDetails current) =>
        Touch(e, current) with
        {
            Issues =
            [
                .. current.Issues,
                new IssueDetails(e.Data.Issue, e.Data.Title, e.Data.Description, e.Data.Theme, e.Data.ParentIssue, IssueStatus.Open, null, e.RecordedAt(), e.RecordedAt()),
            ],
        };

    public ProcessDetails Apply(IEvent<IssueRetitled> e, ProcessDetails current) =>
        ChangeIssue(e, current, e.Data.Issue, i => i with { Title = e.Data.Title });

    public ProcessDetails Apply(IEvent<IssueRedescribed> e, ProcessDetails current) =>
        ChangeIssue(e, current, e.Data.Issue, i => i with { Description = e.Data.Description });

    public ProcessDetails Apply(IEvent<IssueRetired> e, ProcessDetails current) =>
        ChangeIssue(e, current, e.Data.Issue, i => i with { Status = IssueStatus.Retired, RetirementReason = e.Data.Reason });

    public ProcessDetails Apply(IEvent<ProcessConcluded> e, ProcessDetails current) =>
        Touch(e, current) with { Status = ProcessStatus.Concluded, ConcludedOn = e.Data.ConcludedOn, Outcome = e.Data.Outcome };

    private static ProcessDetails ChangeIssue(IEvent e, ProcessDetails current, string issue, Func<IssueDetails, IssueDetails> change) =>
        Touch(e, current) with
        {
            Issues = [.. current.Issues.Select(i => i.Key == issue ? change(i) with { LastChangedAt = e.RecordedAt() } : i)],
        };

    private static ProcessDetails Touch(IEvent e, ProcessDetails current) =>
        current with { Version = e.Version, LastChangedAt = e.RecordedAt() };
}
