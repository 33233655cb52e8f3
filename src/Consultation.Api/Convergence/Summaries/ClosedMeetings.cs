using Consultation.Convergence.Measuring;
using Consultation.Meetings;
using Marten;

namespace Consultation.Convergence.Summaries;

/// <summary>A meeting's close: the moment the timelines and movers measure at.</summary>
public sealed record MeetingClose(string Meeting, string Title, DateOnly StartsOn, DateTimeOffset ClosedAt);

/// <summary>Issues at each level — a bar or stacked area a chart can draw.</summary>
public sealed record LevelCounts(int InsufficientData, int Divergent, int Emerging, int BroadConvergence, int Consensus)
{
    public static LevelCounts Of(IEnumerable<ConvergenceLevel> levels)
    {
        var list = levels.ToList();
        return new(
            list.Count(l => l == ConvergenceLevel.InsufficientData),
            list.Count(l => l == ConvergenceLevel.Divergent),
            list.Count(l => l == ConvergenceLevel.Emerging),
            list.Count(l => l == ConvergenceLevel.BroadConvergence),
            list.Count(l => l == ConvergenceLevel.Consensus));
    }
}

public static class ClosedMeetings
{
    /// <summary>
    /// The meetings of <paramref name="process"/> closed by <paramref name="asOf"/> (all closed ones when null), in calendar
    /// order (start date, end date, key), each with its recorded <see cref="MeetingDetails.ClosedAt"/>. One query.
    /// </summary>
    public static async Task<IReadOnlyList<MeetingClose>> OfAsync(IQuerySession session, string process, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var meetings = await MeetingsOfProcess.InCalendarOrder(session.Query<MeetingDetails>().Where(x => x.Process == process && x.ClosedAt != null))
            .ToListAsync(cancellationToken);
        return
        [
            .. meetings
                .Where(m => asOf is not { } at || m.ClosedAt <= at)
                .Select(m => new MeetingClose(m.Meeting, m.Title, m.StartsOn, m.ClosedAt!.Value)),
        ];
    }
}
