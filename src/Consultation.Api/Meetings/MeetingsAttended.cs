using Consultation.Infrastructure.Security;

namespace Consultation.Meetings;

/// <summary>A meeting a stakeholder took part in, with how it was registered.</summary>
public sealed record AttendedMeeting(
    string Meeting,
    string Process,
    string Title,
    MeetingKind Kind,
    DateOnly StartsOn,
    DateOnly EndsOn,
    MeetingStatus Status,
    ParticipantRole Role,
    string? DelegationHead);

/// <summary>
/// The meetings a stakeholder was registered for as a participant (cancelled meetings left out), by date, answered by
/// the database from the inline <see cref="MeetingDetails"/> documents. For the stakeholder profile.
/// </summary>
public sealed class MeetingsAttended(IQuerySession session, ProcessScope scope)
{
    /// <summary>The meetings <paramref name="stakeholder"/> registered for, optionally only in <paramref name="process"/>.</summary>
    public IQueryable<MeetingDetails> By(string stakeholder, string? process = null) =>
        Registered(stakeholder, process).Where(x => x.Status != MeetingStatus.Cancelled);

    /// <summary>The meetings <paramref name="stakeholder"/> is registered for, cancelled ones included.</summary>
    private IQueryable<MeetingDetails> Registered(string stakeholder, string? process)
    {
        var meetings = session.Query<MeetingDetails>().Where(x => x.Participants.Any(p => p.Stakeholder == stakeholder));
        if (!scope.IsEverything)
        {
            var mine = scope.Keys;
            meetings = meetings.Where(x => x.Process.IsOneOf(mine));
        }

        return process is null ? meetings : meetings.Where(x => x.Process == process);
    }

    /// <summary>Every meeting <paramref name="stakeholder"/> attended, by date.</summary>
    public async Task<IReadOnlyList<AttendedMeeting>> ListAsync(string stakeholder, CancellationToken cancellationToken) =>
        ToAttended(stakeholder, await Rows(MeetingsOfProcess.InCalendarOrder(By(stakeholder))).ToListAsync(cancellationToken));

    public async Task<Page<AttendedMeeting>> PageAsync(string stakeholder, string? process, int page, int pageSize, CancellationToken cancellationToken)
    {
        var meetings = By(stakeholder, process);
        var total = await meetings.CountAsync(cancellationToken);
        var rows = await Rows(MeetingsOfProcess.InCalendarOrder(meetings).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return new Page<AttendedMeeting>(ToAttended(stakeholder, rows), page, pageSize, total);
    }

    /// <summary>
    /// The meetings as they stood at <paramref name="at"/>: each meeting the stakeholder is registered for now, replayed up
    /// to then, kept when it was registered by then and not yet cancelled. Registrations are never withdrawn, so no meeting
    /// attended then is missing from those registered now; a stakeholder attends tens of meetings, not thousands.
    /// </summary>
    public async Task<Page<AttendedMeeting>> PageAsOfAsync(
        string stakeholder, string? process, DateTimeOffset at, int page, int pageSize, CancellationToken cancellationToken)
    {
        var keys = await Registered(stakeholder, process).Select(x => x.Id).ToListAsync(cancellationToken);
        var then = new List<MeetingDetails>(keys.Count);
        foreach (var key in keys)
        {
            if (await session.Events.AggregateStreamAsync<MeetingDetails>(key, timestamp: at, token: cancellationToken) is { } meeting
                && meeting.Status != MeetingStatus.Cancelled
                && meeting.Participants.Any(p => p.Stakeholder == stakeholder))
            {
                then.Add(meeting);
            }
        }

        var rows = MeetingsOfProcess.InCalendarOrder(then.AsQueryable()).Skip((page - 1) * pageSize).Take(pageSize).Select(ToRow);
        return new Page<AttendedMeeting>(ToAttended(stakeholder, rows), page, pageSize, then.Count);
    }

    private static IQueryable<AttendanceRow> Rows(IQueryable<MeetingDetails> meetings) => meetings.Select(ToRow);

    private static readonly System.Linq.Expressions.Expression<Func<MeetingDetails, AttendanceRow>> ToRow = x => new AttendanceRow
        {
            Id = x.Id,
            Process = x.Process,
            Title = x.Title,
            Kind = x.Kind,
            StartsOn = x.StartsOn,
            EndsOn = x.EndsOn,
            Status = x.Status,
            Participants = x.Participants,
        };

    private static List<AttendedMeeting> ToAttended(string stakeholder, IEnumerable<AttendanceRow> rows) =>
    [
        .. rows.Select(r => (Row: r, Participant: r.Participants.First(p => p.Stakeholder == stakeholder)))
            .Select(x => new AttendedMeeting(
                x.Row.Id, x.Row.Process, x.Row.Title, x.Row.Kind, x.Row.StartsOn, x.Row.EndsOn, x.Row.Status, x.Participant.Role, x.Participant.DelegationHead)),
    ];

    private sealed record AttendanceRow
    {
        public required string Id { get; init; }

        public required string Process { get; init; }

        public required string Title { get; init; }

        public MeetingKind Kind { get; init; }

        public DateOnly StartsOn { get; init; }

        public DateOnly EndsOn { get; init; }

        public MeetingStatus Status { get; init; }

        public IReadOnlyList<ParticipantDetails> Participants { get; init; } = [];
    }
}
