using System.Collections.Immutable;

namespace Consultation.Meetings;

/// <summary>Write model of a meeting stream (key <c>{process}/{meeting}</c>): what its rules need to decide.</summary>
public sealed record Meeting(
    string Id,
    string ProcessKey,
    Venue Venue,
    DateOnly StartsOn,
    DateOnly EndsOn,
    MeetingStatus Status)
{
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Registered participants by stakeholder key.</summary>
    public ImmutableDictionary<string, ParticipantRole> Participants { get; init; } = ImmutableDictionary<string, ParticipantRole>.Empty;

    public int Statements { get; init; }

    /// <summary>What each statement says as the record stands (corrections applied), by id.</summary>
    public ImmutableDictionary<string, StatementContent> StatementContents { get; init; } = ImmutableDictionary<string, StatementContent>.Empty;

    public ImmutableHashSet<string> WithdrawnStatements { get; init; } = [];

    /// <summary>The agenda as it stands; null until one is set.</summary>
    public IReadOnlyList<AgendaItem>? Agenda { get; init; }

    /// <summary>The host's stakeholder key; null until one is named.</summary>
    public string? Host { get; init; }

    public int Findings { get; init; }

    public int Recommendations { get; init; }

    /// <summary>The stream key of a meeting: <c>gcm/stocktaking-2017</c>.</summary>
    public static string KeyOf(string process, string meeting) => $"{process}/{meeting}";

    public static Meeting Create(MeetingScheduled e) => new(e.Key, e.ProcessKey, e.Venue, e.StartsOn, e.EndsOn, MeetingStatus.Scheduled);

    public Meeting Apply(MeetingRescheduled e) => this with { StartsOn = e.StartsOn, EndsOn = e.EndsOn, Venue = e.Venue };

    public Meeting Apply(MeetingCancelled e) => this with { Status = MeetingStatus.Cancelled };

    public Meeting Apply(MeetingOpened e) => this with { Status = MeetingStatus.Open };

    public Meeting Apply(ParticipantRegistered e) => this with { Participants = Participants.SetItem(e.Stakeholder, e.Role) };

    public Meeting Apply(StatementRecorded e) => this with
    {
        Statements = Statements + 1,
        StatementContents = StatementContents.SetItem(e.Statement, new StatementContent(e.Speaker, e.OnBehalfOf, e.Issues, e.Summary, e.Language, e.DocumentReference, e.SaidOn)),
    };

    public Meeting Apply(StatementCorrected e) => this with { StatementContents = StatementContents.SetItem(e.Statement, e.Content) };

    public Meeting Apply(StatementWithdrawn e) => this with { WithdrawnStatements = WithdrawnStatements.Add(e.Statement) };

    public Meeting Apply(MeetingHostNamed e) => this with { Host = e.Stakeholder };

    public Meeting Apply(AgendaSet e) => this with { Agenda = e.Items };

    public Meeting Apply(AgendaAmended e) => this with { Agenda = e.Items };

    public Meeting Apply(FigureRecorded e) => this with { Findings = Findings + 1 };

    public Meeting Apply(PracticeRecorded e) => this with { Findings = Findings + 1 };

    public Meeting Apply(PerspectiveRecorded e) => this with { Findings = Findings + 1 };

    public Meeting Apply(FactRecorded e) => this with { Findings = Findings + 1 };

    public Meeting Apply(RecommendationRecorded e) => this with { Recommendations = Recommendations + 1 };

    public Meeting Apply(MeetingClosed e) => this with { Status = MeetingStatus.Closed, ClosedAt = e.ClosedAt };

    /// <summary>Statements are numbered in the order recorded: s1, s2…</summary>
    public string NextStatementId => $"s{Statements + 1}";

    /// <summary>Findings are numbered in the order recorded: f1, f2…</summary>
    public string NextFindingId => $"f{Findings + 1}";

    /// <summary>Recommendations are numbered in the order recorded: r1, r2…</summary>
    public string NextRecommendationId => $"r{Recommendations + 1}";
}
