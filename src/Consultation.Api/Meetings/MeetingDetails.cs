using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Consultation.Meetings;

/// <summary>The record of one meeting — participants, statements, findings, recommendations, outcome — kept inline with its stream.</summary>
public sealed record MeetingDetails : IVersioned
{
    /// <summary>The stream key: <c>{process}/{meeting}</c>.</summary>
    public required string Id { get; init; }

    public required string Process { get; init; }

    /// <summary>The meeting's own slug within the process.</summary>
    public required string Meeting { get; init; }

    public MeetingKind Kind { get; init; }

    public required string Title { get; init; }

    public required Venue Venue { get; init; }

    public DateOnly StartsOn { get; init; }

    public DateOnly EndsOn { get; init; }

    public IReadOnlyList<string> Chairs { get; init; } = [];

    /// <summary>The stakeholder hosting the meeting, when one has been named.</summary>
    public string? Host { get; init; }

    /// <summary>Every naming of the host, in order, with the reason for each change.</summary>
    public IReadOnlyList<HostNamingDetails> HostHistory { get; init; } = [];

    public MeetingStatus Status { get; init; }

    /// <summary>The agenda as it stands (items numbered from 1); empty when none was set.</summary>
    public IReadOnlyList<AgendaItemDetails> Agenda { get; init; } = [];

    /// <summary>Every setting and amendment of the agenda, oldest first, each with the whole agenda it left and why.</summary>
    public IReadOnlyList<AgendaChangeDetails> AgendaHistory { get; init; } = [];

    public IReadOnlyList<ParticipantDetails> Participants { get; init; } = [];

    public IReadOnlyList<StatementDetails> Statements { get; init; } = [];

    public IReadOnlyList<FindingDetails> Findings { get; init; } = [];

    public IReadOnlyList<RecommendationDetails> Recommendations { get; init; } = [];

    public int ParticipantCount { get; init; }

    public int StatementCount { get; init; }

    /// <summary>The chair's summary, in the secretariat's words, once the meeting closed.</summary>
    public string? Summary { get; init; }

    public DateTimeOffset? OpenedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }

    public string? CancellationReason { get; init; }

    /// <summary>Earlier dates and venues, with the reason each changed.</summary>
    public IReadOnlyList<ReschedulingDetails> Reschedulings { get; init; } = [];

    /// <summary>The stream version; also the ETag to send back in If-Match.</summary>
    public long Version { get; init; }

    public DateTimeOffset ScheduledAt { get; init; }

    public DateTimeOffset LastChangedAt { get; init; }

    public StatementDetails? Statement(string id) => Statements.FirstOrDefault(s => s.Id == id);
}

public sealed record HostNamingDetails(string Stakeholder, string? Reason, DateTimeOffset RecordedAt);

public sealed record ParticipantDetails(string Stakeholder, string? DelegationHead, ParticipantRole Role, bool Late, DateTimeOffset RegisteredAt);

public sealed record StatementDetails(
    string Id,
    string Speaker,
    string? OnBehalfOf,
    IReadOnlyList<string> Issues,
    string Summary,
    string Language,
    string? DocumentReference,
    DateOnly SaidOn,
    bool Late,
    DateTimeOffset RecordedAt)
{
    /// <summary>Withdrawn from the record (it stays here, with its history); the reason is the last entry of <see cref="History"/>.</summary>
    public bool Withdrawn { get; init; }

    /// <summary>How the statement was recorded, corrected and withdrawn, oldest first.</summary>
    public IReadOnlyList<StatementChangeDetails> History { get; init; } = [];
}

public enum StatementChange
{
    Recorded,
    Corrected,
    Withdrawn,
}

/// <summary>One change of a statement: its content after it (none for a withdrawal), the reason (none for the recording), when.</summary>
public sealed record StatementChangeDetails(StatementChange Change, StatementContent? Content, string? Reason, DateTimeOffset RecordedAt);

public sealed record AgendaItemDetails(int Number, string Title, string? Description, IReadOnlyList<string> Issues)
{
    public static IReadOnlyList<AgendaItemDetails> Numbered(IReadOnlyList<AgendaItem> items) =>
        [.. items.Select((item, i) => new AgendaItemDetails(i + 1, item.Title, item.Description, item.Issues))];
}

public enum AgendaChange
{
    Set,
    Amended,
}

public sealed record AgendaChangeDetails(AgendaChange Change, IReadOnlyList<AgendaItemDetails> Items, string? Reason, DateTimeOffset RecordedAt);

/// <summary>A figure (<see cref="Value"/>, <see cref="Unit"/>, <see cref="Source"/>), practice (<see cref="PresentedBy"/>) or perspective (<see cref="Whose"/>).</summary>
public sealed record FindingDetails(
    string Id,
    FindingKind Kind,
    string Summary,
    decimal? Value,
    string? Unit,
    string? Source,
    string? PresentedBy,
    string? Whose,
    bool Late,
    DateTimeOffset RecordedAt);

public sealed record RecommendationDetails(string Id, string Text, string From, bool Late, DateTimeOffset RecordedAt);

public sealed record ReschedulingDetails(DateOnly PreviousStartsOn, DateOnly PreviousEndsOn, Venue PreviousVenue, string Reason, DateTimeOffset RescheduledAt);

public sealed partial class MeetingDetailsProjection : SingleStreamProjection<MeetingDetails, string>
{
    public MeetingDetails Create(IEvent<MeetingScheduled> e) => new()
    {
        Id = e.Data.Key,
        Process = e.Data.ProcessKey,
        Meeting = e.Data.Meeting,
        Kind = e.Data.Kind,
        Title = e.Data.Title,
        Venue = e.Data.Venue,
        StartsOn = e.Data.StartsOn,
        EndsOn = e.Data.EndsOn,
        Chairs = e.Data.Chairs,
        Status = MeetingStatus.Scheduled,
        Version = e.Version,
        ScheduledAt = e.RecordedAt(),
        LastChangedAt = e.RecordedAt(),
    };

    public MeetingDetails Apply(IEvent<MeetingRescheduled> e, MeetingDetails current) =>
        Touch(e, current) with
        {
            StartsOn = e.Data.StartsOn,
            EndsOn = e.Data.EndsOn,
            Venue = e.Data.Venue,
            Reschedulings =
            [
                .. current.Reschedulings,
                new ReschedulingDetails(e.Data.PreviousStartsOn, e.Data.PreviousEndsOn, e.Data.PreviousVenue, e.Data.Reason, e.RecordedAt()),
            ],
        };

    public MeetingDetails Apply(IEvent<MeetingCancelled> e, MeetingDetails current) =>
        Touch(e, current) with { Status = MeetingStatus.Cancelled, CancelledAt = e.Data.CancelledAt, CancellationReason = e.Data.Reason };

    public MeetingDetails Apply(IEvent<MeetingOpened> e, MeetingDetails current) =>
        Touch(e, current) with { Status = MeetingStatus.Open, OpenedAt = e.Data.OpenedAt };

    public MeetingDetails Apply(IEvent<ParticipantRegistered> e, MeetingDetails current) =>
        Touch(e, current) with
        {
            Participants = [.. current.Participants, new ParticipantDetails(e.Data.Stakeholder, e.Data.DelegationHead, e.Data.Role, e.Data.Late, e.RecordedAt())],
            ParticipantCount = current.ParticipantCount + 1,
        };

    public MeetingDetails Apply(IEvent<StatementRecorded> e, MeetingDetails current) =>
        Touch(e, current) with
        {
            Statements =
            [
                .. current.Statements,
                new StatementDetails(
                    e.Data.Statement,
                    e.Data.Speaker,
                    e.Data.OnBehalfOf,
                    e.Data.Issues,
                    e.Data.Summary,
                    e.Data.Language,
                    e.Data.DocumentReference,
                    e.Data.SaidOn,
                    e.Data.Late,
                    e.RecordedAt())
                {
                    History = [new StatementChangeDetails(StatementChange.Recorded, StatementContentOf(e.Data), null, e.RecordedAt())],
                },
            ],
            StatementCount = current.StatementCount + 1,
        };

    public MeetingDetails Apply(IEvent<StatementCorrected> e, MeetingDetails current) =>
        ChangeStatement(e, current, e.Data.Statement, s => s with
        {
            Speaker = e.Data.Content.Speaker,
            OnBehalfOf = e.Data.Content.OnBehalfOf,
            Issues = e.Data.Content.Issues,
            Summary = e.Data.Content.Summary,
            Language = e.Data.Content.Language,
            DocumentReference = e.Data.Content.DocumentReference,
            SaidOn = e.Data.Content.SaidOn,
            History = [.. s.History, new StatementChangeDetails(StatementChange.Corrected, e.Data.Content, e.Data.Reason, e.RecordedAt())],
        });

    public MeetingDetails Apply(IEvent<StatementWithdrawn> e, MeetingDetails current) =>
        ChangeStatement(e, current, e.Data.Statement, s => s with
        {
            Withdrawn = true,
            History = [.. s.History, new StatementChangeDetails(StatementChange.Withdrawn, null, e.Data.Reason, e.RecordedAt())],
        });

    public MeetingDetails Apply(IEvent<MeetingHostNamed> e, MeetingDetails current) =>
        Touch(e, current) with
        {
            Host = e.Data.Stakeholder,
            HostHistory = [.. current.HostHistory, new HostNamingDetails(e.Data.Stakeholder, e.Data.Reason, e.RecordedAt())],
        };

    public MeetingDetails Apply(IEvent<AgendaSet> e, MeetingDetails current) =>
        Touch(e, current) with
        {
            Agenda = AgendaItemDetails.Numbered(e.Data.Items),
            AgendaHistory = [.. current.AgendaHistory, new AgendaChangeDetails(AgendaChange.Set, AgendaItemDetails.Numbered(e.Data.Items), null, e.RecordedAt())],
        };

    public MeetingDetails Apply(IEvent<AgendaAmended> e, MeetingDetails current) =>
        Touch(e, current) with
        {
            Agenda = AgendaItemDetails.Numbered(e.Data.Items),
            AgendaHistory = [.. current.AgendaHistory, new AgendaChangeDetails(AgendaChange.Amended, AgendaItemDetails.Numbered(e.Data.Items), e.Data.Reason, e.RecordedAt())],
        };

    private static StatementContent StatementContentOf(StatementRecorded e) =>
        new(e.Speaker, e.OnBehalfOf, e.Issues, e.Summary, e.Language, e.DocumentReference, e.SaidOn);

    private static MeetingDetails ChangeStatement(IEvent e, MeetingDetails current, string statement, Func<StatementDetails, StatementDetails> change) =>
        Touch(e, current) with { Statements = [.. current.Statements.Select(s => s.Id == statement ? change(s) : s)] };

    public MeetingDetails Apply(IEvent<FigureRecorded> e, MeetingDetails current) =>
        AddFinding(e, current, new FindingDetails(
            e.Data.Finding, FindingKind.Figure, e.Data.Summary, e.Data.Value, e.Data.Unit, e.Data.Source, null, null, e.Data.Late, e.RecordedAt()));

    public MeetingDetails Apply(IEvent<PracticeRecorded> e, MeetingDetails current) =>
        AddFinding(e, current, new FindingDetails(
            e.Data.Finding, FindingKind.Practice, e.Data.Summary, null, null, null, e.Data.PresentedBy, null, e.Data.Late, e.RecordedAt()));

    public MeetingDetails Apply(IEvent<PerspectiveRecorded> e, MeetingDetails current) =>
        AddFinding(e, current, new FindingDetails(
            e.Data.Finding, FindingKind.Perspective, e.Data.Summary, null, null, null, null, e.Data.Whose, e.Data.Late, e.RecordedAt()));

    public MeetingDetails Apply(IEvent<FactRecorded> e, MeetingDetails current) =>
        AddFinding(e, current, new FindingDetails(
            e.Data.Finding, FindingKind.Fact, e.Data.Summary, null, null, e.Data.Source, null, null, e.Data.Late, e.RecordedAt()));

    public MeetingDetails Apply(IEvent<RecommendationRecorded> e, MeetingDetails current) =>
        Touch(e, current) with
        {
            Recommendations = [.. current.Recommendations, new RecommendationDetails(e.Data.Recommendation, e.Data.Text, e.Data.From, e.Data.Late, e.RecordedAt())],
        };

    public MeetingDetails Apply(IEvent<MeetingClosed> e, MeetingDetails current) =>
        Touch(e, current) with { Status = MeetingStatus.Closed, Summary = e.Data.Summary, ClosedAt = e.Data.ClosedAt };

    private static MeetingDetails AddFinding(IEvent e, MeetingDetails current, FindingDetails finding) =>
        Touch(e, current) with { Findings = [.. current.Findings, finding] };

    private static MeetingDetails Touch(IEvent e, MeetingDetails current) =>
        current with { Version = e.Version, LastChangedAt = e.RecordedAt() };
}
