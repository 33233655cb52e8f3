using Consultation.Positions.Views;
using Consultation.Meetings;
using Consultation.Positions;

namespace Consultation.Processes.Reading;

/// <summary>
/// What a secretariat or facilitator sees first: the process with its phases, co-facilitators and
/// issues (with how many standing own positions each has), and its meetings in calendar order,
/// each placed in the phase it fell in.
/// </summary>
public static class GetProcessOverview
{
    public sealed record Query(string Key, string? AsOf = null) : IQuery<ProcessOverview>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(x => x.AsOf).AsOfTimestamp();
    }

    public sealed record ProcessOverview(
        ProcessDetails Process,
        PhaseDetails? CurrentPhase,
        int OpenIssues,
        int RetiredIssues,
        IReadOnlyList<CoFacilitatorDetails> ActiveCoFacilitators,
        IReadOnlyList<OverviewMeeting> Meetings,
        IReadOnlyDictionary<string, int> StandingPositionsByIssue);

    public sealed record OverviewMeeting(MeetingSummary Meeting, string? Phase);

    public sealed class Handler(IMediator mediator, IQuerySession session) : IQueryHandler<Query, ProcessOverview>
    {
        public async ValueTask<ProcessOverview> Handle(Query query, CancellationToken cancellationToken)
        {
            var process = await mediator.Send(new GetProcess.Query(query.Key, query.AsOf), cancellationToken);
            var asOf = TimeAxes.ParseTimestamp(query.AsOf);
            var meetings = asOf is { } at
                ? await MeetingsAsOfAsync(query.Key, at, cancellationToken)
                : await new MeetingsOfProcess(session).ByDateAsync(query.Key, cancellationToken);
            var counts = await StandingCounts.ByIssueAsync(session, query.Key, asOf, cancellationToken);
            return new ProcessOverview(
                process,
                process.Phases.LastOrDefault(p => p.EndedOn is null),
                process.Issues.Count(i => i.Status == IssueStatus.Open),
                process.Issues.Count(i => i.Status == IssueStatus.Retired),
                [.. process.CoFacilitators.Where(f => f.ReleasedOn is null)],
                [.. meetings.Select(m => new OverviewMeeting(m, PhaseOf(process, m.StartsOn)))],
                process.Issues.ToDictionary(i => i.Key, i => counts.GetValueOrDefault(i.Key)));
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

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/processes/{key}/overview", async (string key, string? asOf, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var overview = await mediator.Send(new Query(key, asOf), ct);
                DetailsAsOf.SetETag(http, overview.Process.Version, asOf);
                return TypedResults.Ok(overview);
            })
            .WithName("GetProcessOverview")
            .WithSummary("Process overview: phases, co-facilitators, issues and meetings by date")
            .WithDescription(DetailsAsOf.AsOfDescription)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
