using Consultation.Meetings;
using Consultation.Processes;
using Consultation.Stakeholders;

namespace Consultation.Tests.Meetings.Specifications;

/// <summary>Events and cross-stream facts for the meeting decider tests: the 2017 stocktaking meeting in Puerto Vallarta.</summary>
public static class MeetingFacts
{
    public const string Key = "gcm/stocktaking-2017";

    public static readonly DateOnly StartsOn = new(2017, 12, 4);
    public static readonly DateOnly EndsOn = new(2017, 12, 6);
    public static readonly Venue PuertoVallarta = new("Puerto Vallarta", "MEX");

    /// <summary>Opened on the morning of the first day.</summary>
    public static readonly DateTimeOffset OpenedAt = new(2017, 12, 4, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Closed in the evening of the last day.</summary>
    public static readonly DateTimeOffset ClosedAt = new(2017, 12, 6, 18, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Grace = TimeSpan.FromDays(14);

    public static readonly MeetingScheduled Scheduled =
        new(Key, "gcm", "stocktaking-2017", MeetingKind.StocktakingMeeting, "Stocktaking meeting", PuertoVallarta, StartsOn, EndsOn, ["Juan José Gómez Camacho", "Jürg Lauber"]);

    public static readonly MeetingOpened Opened = new(Key, OpenedAt);

    public static readonly MeetingClosed Closed = new(Key, "Broad support for a comprehensive compact.", ClosedAt);

    public static readonly MeetingCancelled Cancelled = new(Key, "Hurricane warning", OpenedAt);

    public static ParticipantRegistered Participant(string stakeholder, ParticipantRole role = ParticipantRole.Speaker) =>
        new(Key, stakeholder, null, role, false);

    /// <summary>While the meeting is under way (the second day), with the default grace period.</summary>
    public static RecordingWindow During => new(new DateTimeOffset(2017, 12, 5, 11, 0, 0, TimeSpan.Zero), Grace);

    public static RecordingWindow At(DateTimeOffset now) => new(now, Grace);

    public static readonly Specification<Meeting> NoStream = Specification.Given<Meeting>();

    public static Specification<Meeting> Given(params object[] events) => Specification.Given<Meeting>(events);

    /// <summary>The GCM process as its read model stands: launched 6 April 2017, with open and retired issues.</summary>
    public static ProcessDetails Process(DateOnly? concludedOn = null) => new()
    {
        Id = "gcm",
        Title = "Global Compact for Safe, Orderly and Regular Migration",
        MandateReference = "A/RES/71/280",
        StartsOn = new DateOnly(2017, 4, 6),
        Status = concludedOn is null ? ProcessStatus.Active : ProcessStatus.Concluded,
        ConcludedOn = concludedOn,
        Issues =
        [
            Issue("regular-pathways", IssueStatus.Open),
            Issue("drivers", IssueStatus.Open),
            Issue("old-wording", IssueStatus.Retired),
        ],
    };

    public static StakeholderDetails Stakeholder(string key, StakeholderKind kind) => new() { Id = key, Kind = kind, Name = key };

    private static IssueDetails Issue(string key, IssueStatus status) =>
        new(key, key, $"About {key}", null, null, status, status == IssueStatus.Retired ? "merged" : null, DateTimeOffset.MinValue, DateTimeOffset.MinValue);
}
