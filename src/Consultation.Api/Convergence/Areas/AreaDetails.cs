using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Consultation.Convergence.Areas;

/// <summary>Read model of one area of convergence — status and its history, linked issues, divergences, confirmations — kept inline with its stream.</summary>
public sealed record AreaDetails : IVersioned
{
    /// <summary>The stream key: <c>{process}/area:{area}</c>.</summary>
    public required string Id { get; init; }

    public required string Process { get; init; }

    /// <summary>The area's own slug within the process.</summary>
    public required string Area { get; init; }

    public required string Title { get; init; }

    /// <summary>The claim, in the facilitator's words.</summary>
    public required string Description { get; init; }

    public AreaStatus Status { get; init; }

    /// <summary>The meeting (slug within the process) it was identified at, and the day.</summary>
    public required string IdentifiedAt { get; init; }

    public DateOnly IdentifiedOn { get; init; }

    /// <summary>The issues the area covers now, in the order they were linked.</summary>
    public IReadOnlyList<string> Issues { get; init; } = [];

    /// <summary>Every status the area has been in, oldest first, with the day and meeting (where there was one).</summary>
    public IReadOnlyList<AreaStatusChange> StatusHistory { get; init; } = [];

    /// <summary>Every link and unlink of an issue after identification, oldest first.</summary>
    public IReadOnlyList<AreaIssueChange> IssueChanges { get; init; } = [];

    /// <summary>Where views still diverge within the area (ids d1, d2…).</summary>
    public IReadOnlyList<DivergenceDetails> Divergences { get; init; } = [];

    /// <summary>The draft texts the area was confirmed in.</summary>
    public IReadOnlyList<ConfirmationDetails> Confirmations { get; init; } = [];

    public DateOnly? DissolvedOn { get; init; }

    public string? DissolutionReason { get; init; }

    /// <summary>The stream version; also the ETag to send back in If-Match.</summary>
    public long Version { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public DateTimeOffset LastChangedAt { get; init; }

    public DivergenceDetails? Divergence(string id) => Divergences.FirstOrDefault(d => d.Id == id);
}

/// <summary>One step of the lifecycle: the status entered, the day, the meeting (for identification and affirmation), a note or reason.</summary>
public sealed record AreaStatusChange(AreaStatus Status, DateOnly On, string? Meeting, string? Note, DateTimeOffset RecordedAt);

public enum AreaIssueChangeKind
{
    Linked,
    Unlinked,
}

public sealed record AreaIssueChange(AreaIssueChangeKind Kind, string Issue, string? Reason, DateTimeOffset RecordedAt);

/// <summary>A divergence noted within an area: what, on which issues, among which stakeholders.</summary>
public sealed record DivergenceDetails(
    string Id,
    string Text,
    IReadOnlyList<string> Issues,
    IReadOnlyList<string> Stakeholders,
    DateOnly NotedOn,
    DateTimeOffset RecordedAt);

public sealed record ConfirmationDetails(string DocumentReference, string Paragraph, DateOnly ConfirmedOn, DateTimeOffset RecordedAt);

public sealed partial class AreaDetailsProjection : SingleStreamProjection<AreaDetails, string>
{
    public AreaDetails Create(IEvent<AreaIdentified> e) => new()
    {
        Id = e.Data.Key,
        Process = e.Data.ProcessKey,
        Area = e.Data.Area,
        Title = e.Data.Title,
        Description = e.Data.Description,
        Status = AreaStatus.Identified,
        IdentifiedAt = e.Data.Meeting,
        IdentifiedOn = e.Data.IdentifiedOn,
        Issues = e.Data.Issues,
        StatusHistory = [new AreaStatusChange(AreaStatus.Identified, e.Data.IdentifiedOn, e.Data.Meeting, null, e.RecordedAt())],
        Version = e.Version,
        RecordedAt = e.RecordedAt(),
        LastChangedAt = e.RecordedAt(),
    };

    public AreaDetails Apply(IEvent<AreaAffirmed> e, AreaDetails current) =>
        Enter(e, current, new AreaStatusChange(AreaStatus.Affirmed, e.Data.AffirmedOn, e.Data.Meeting, e.Data.Note, e.RecordedAt()));

    public AreaDetails Apply(IEvent<IssueLinkedToArea> e, AreaDetails current) =>
        Touch(e, current) with
        {
            Issues = [.. current.Issues, e.Data.Issue],
            IssueChanges = [.. current.IssueChanges, new AreaIssueChange(AreaIssueChangeKind.Linked, e.Data.Issue, e.Data.Reason, e.RecordedAt())],
        };

    public AreaDetails Apply(IEvent<IssueUnlinkedFromArea> e, AreaDetails current) =>
        Touch(e, current) with
        {
            Issues = [.. current.Issues.Where(i => i != e.Data.Issue)],
            IssueChanges = [.. current.IssueChanges, new AreaIssueChange(AreaIssueChangeKind.Unlinked, e.Data.Issue, e.Data.Reason, e.RecordedAt())],
        };

    public AreaDetails Apply(IEvent<DivergenceNoted> e, AreaDetails current) =>
        Touch(e, current) with
        {
            Divergences =
            [
                .. current.Divergences,
                new DivergenceDetails(e.Data.Divergence, e.Data.Text, e.Data.Issues, e.Data.Stakeholders, e.Data.NotedOn, e.RecordedAt()),
            ],
        };

    public AreaDetails Apply(IEvent<AreaConfirmedInText> e, AreaDetails current) =>
        Enter(e, current, new AreaStatusChange(AreaStatus.ConfirmedInText, e.Data.ConfirmedOn, null, $"{e.Data.DocumentReference}, paragraph {e.Data.Paragraph}", e.RecordedAt())) with
        {
            Confirmations = [.. current.Confirmations, new ConfirmationDetails(e.Data.DocumentReference, e.Data.Paragraph, e.Data.ConfirmedOn, e.RecordedAt())],
        };

    public AreaDetails Apply(IEvent<AreaDissolved> e, AreaDetails current) =>
        Enter(e, current, new AreaStatusChange(AreaStatus.Dissolved, e.Data.DissolvedOn, null, e.Data.Reason, e.RecordedAt())) with
        {
            DissolvedOn = e.Data.DissolvedOn,
            DissolutionReason = e.Data.Reason,
        };

    private static AreaDetails Enter(IEvent e, AreaDetails current, AreaStatusChange change) =>
        Touch(e, current) with { Status = change.Status, StatusHistory = [.. current.StatusHistory, change] };

    private static AreaDetails Touch(IEvent e, AreaDetails current) =>
        current with { Version = e.Version, LastChangedAt = e.RecordedAt() };
}
