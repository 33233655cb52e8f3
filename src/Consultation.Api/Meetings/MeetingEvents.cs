namespace Consultation.Meetings;

/// <summary>Where a meeting takes place: a city and, optionally, the country's ISO 3166-1 alpha-3 code.</summary>
public sealed record Venue(string City, string? Country);

/// <summary>A meeting of a process was put in the calendar. <see cref="Key"/> is the stream key <c>{process}/{meeting}</c>.</summary>
[StartsStreamOf("meeting")]
public sealed record MeetingScheduled(
    string Key,
    string ProcessKey,
    string Meeting,
    MeetingKind Kind,
    string Title,
    Venue Venue,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<string> Chairs);

/// <summary>The meeting moves to new dates and/or a new venue, for a reason; the previous ones stay in the history.</summary>
public sealed record MeetingRescheduled(
    string Key,
    DateOnly PreviousStartsOn,
    DateOnly PreviousEndsOn,
    Venue PreviousVenue,
    DateOnly StartsOn,
    DateOnly EndsOn,
    Venue Venue,
    string Reason);

/// <summary>The meeting will not take place. Nothing is recorded on it afterwards.</summary>
public sealed record MeetingCancelled(string Key, string Reason, DateTimeOffset CancelledAt);

/// <summary>The meeting was opened; statements, findings and recommendations can be recorded from now on.</summary>
public sealed record MeetingOpened(string Key, DateTimeOffset OpenedAt);

/// <summary>A stakeholder's delegation was registered as a participant (once per meeting).</summary>
public sealed record ParticipantRegistered(string Key, string Stakeholder, string? DelegationHead, ParticipantRole Role, bool Late);

/// <summary>
/// A participant took the floor, possibly on behalf of a group, on the issues listed; <see cref="Summary"/> is in the
/// secretariat's words. <see cref="SaidOn"/> is when it was said (valid time); <see cref="Late"/> marks an entry made after closing.
/// </summary>
public sealed record StatementRecorded(
    string Key,
    string Statement,
    string ProcessKey,
    string Speaker,
    string? OnBehalfOf,
    IReadOnlyList<string> Issues,
    string Summary,
    string Language,
    string? DocumentReference,
    DateOnly SaidOn,
    bool Late);

/// <summary>A figure brought to the meeting (e.g. a migration statistic) with its source.</summary>
public sealed record FigureRecorded(string Key, string Finding, string Summary, decimal Value, string Unit, string Source, bool Late);

/// <summary>A practice brought to the meeting (e.g. a country's scheme), with the stakeholder that presented it.</summary>
public sealed record PracticeRecorded(string Key, string Finding, string Summary, string PresentedBy, bool Late);

/// <summary>A perspective brought to the meeting (e.g. first responders' experience), and whose it is.</summary>
public sealed record PerspectiveRecorded(string Key, string Finding, string Summary, string Whose, bool Late);

/// <summary>A fact stated at the meeting as known, without a figure; <see cref="Source"/> where it is known from, when said.</summary>
public sealed record FactRecorded(string Key, string Finding, string Summary, string? Source, bool Late);

/// <summary>A recommendation made at the meeting, and where it came from (a panel, an idea lab, a stakeholder…).</summary>
public sealed record RecommendationRecorded(string Key, string Recommendation, string Text, string From, bool Late);

/// <summary>The meeting was closed with the chair's summary, in the secretariat's words. Late entries are measured from <see cref="ClosedAt"/>.</summary>
public sealed record MeetingClosed(string Key, string Summary, DateTimeOffset ClosedAt);

/// <summary>One item of a meeting's agenda, in order; <see cref="Issues"/> are keys of issues of the process it takes up.</summary>
public sealed record AgendaItem(string Title, string? Description, IReadOnlyList<string> Issues);

/// <summary>The meeting's first agenda was set (when it was scheduled, or later); the items in order.</summary>
public sealed record AgendaSet(string Key, IReadOnlyList<AgendaItem> Items);

/// <summary>The agenda was amended, before the meeting closed, for a reason; <see cref="Items"/> is the whole agenda as amended.</summary>
public sealed record AgendaAmended(string Key, IReadOnlyList<AgendaItem> Items, string Reason);

/// <summary>What a statement says: who spoke, for whom, on which issues, in the secretariat's words, in what language, on what day.</summary>
public sealed record StatementContent(
    string Speaker,
    string? OnBehalfOf,
    IReadOnlyList<string> Issues,
    string Summary,
    string Language,
    string? DocumentReference,
    DateOnly SaidOn);

/// <summary>How a statement was recorded was wrong (a recording mistake, not what was said changing); <see cref="Content"/> is the whole corrected statement.</summary>
public sealed record StatementCorrected(string Key, string Statement, StatementContent Content, string Reason);

/// <summary>A statement was withdrawn from the record, for a reason; it stays in the history, marked withdrawn.</summary>
public sealed record StatementWithdrawn(string Key, string Statement, string Reason);

/// <summary>
/// The stakeholder hosting the meeting (usually the government of the country it is held in) was named; a later naming
/// changes the host, for a reason, and the earlier one stays in the history.
/// </summary>
public sealed record MeetingHostNamed(string Key, string Stakeholder, string? Reason);
