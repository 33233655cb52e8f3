using Consultation.Meetings;

namespace Consultation.Processes.Reading;

/// <summary>
/// A process with its meetings in calendar order, each placed in the phase it fell in, as of a moment: what the process
/// page shows of it, and the part of <see cref="GetProcessOverview"/> that counts nothing.
/// </summary>
public static class GetProcessSchedule
{
    public sealed record Query(string Key, string? AsOf = null) : IQuery<Schedule>;

    public sealed record OverviewMeeting(MeetingSummary Meeting, string? Phase);

    public sealed record Schedule(ProcessDetails Process, IReadOnlyList<OverviewMeeting> Meetings);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(x => x.AsOf).AsOfTimestamp();
    }

    public sealed class Handler(IMediator mediator, IQuerySession session) : IQueryHandler<Query, Schedule>
    {
        public async ValueTask<Schedule> Handle(Query query, CancellationToken cancellationToken)
        {
            var process = await mediator.Send(new GetProcess.Query(query.Key, query.AsOf), cancellationToken);
            var meetings = TimeAxes.ParseTimestamp(query.AsOf) is { } at
                ? await MeetingsAsOfAsync(query.Key, at, cancellationToken)
                : await new MeetingsOfProcess(session).ByDateAsync(query.Key, cancellationToken);
            return new Schedule(process, [.. meetings.Select(m => new OverviewMeeting(m, PhaseOf(process, m.StartsOn)))]);
        }

        /// <summary>The meetings as they stood at <paramref name="at"/>: each meeting stream replayed up to then (a process holds tens, not thousands).</summary>
        private async Task<IReadOnlyList<MeetingSummary>> MeetingsAsOfAsync(string process, DateTimeOffset at, CancellationToken cancellationToken)
        {
            var keys = await new MeetingsOfProcess(session).Of(process).Select(m => m.Id).ToListAsync(cancellationToken);
            var then = new List<MeetingDetails>(keys.Count);
            foreach (var key in keys)
            {
                if (await session.Events.AggregateStreamAsync<MeetingDetails>(key, timestamp: at, token: cancellationToken) is { } meeting)
                {
                    then.Add(meeting);
                }
            }

            return [.. MeetingsOfProcess.InCalendarOrder(then.AsQueryable()).Select(MeetingsOfProcess.Summary)];
        }

        private static string? PhaseOf(ProcessDetails process, DateOnly day) =>
            process.Phases.LastOrDefault(p => p.StartedOn <= day && (p.EndedOn is null || day <= p.EndedOn))?.Key;
    }
}
