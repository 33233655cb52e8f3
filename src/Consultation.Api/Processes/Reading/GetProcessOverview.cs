using Consultation.Infrastructure.EventStore;
using Consultation.Meetings;
using Consultation.Positions;
using Marten;
using Mediator;

namespace Consultation.Processes.Reading;

/// <summary>
/// What a secretariat or facilitator sees first: the process with its phases, co-facilitators and
/// issues (with how many standing own positions each has), and its meetings in calendar order,
/// each placed in the phase it fell in.
/// </summary>
public static class GetProcessOverview
{
    public sealed record Query(string Key) : IQuery<ProcessOverview>;

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
            var process = await mediator.Send(new GetProcess.Query(query.Key), cancellationToken);
            var meetings = await new MeetingsOfProcess(session).ByDateAsync(query.Key, cancellationToken);
            var positionIssues = await session.Query<PositionDetails>()
                .Where(p => p.Process == query.Key && p.Status == PositionStatus.Standing)
                .Select(p => p.Issue)
                .ToListAsync(cancellationToken);
            var counts = positionIssues.CountBy(issue => issue).ToDictionary(x => x.Key, x => x.Value);
            return new ProcessOverview(
                process,
                process.Phases.LastOrDefault(p => p.EndedOn is null),
                process.Issues.Count(i => i.Status == IssueStatus.Open),
                process.Issues.Count(i => i.Status == IssueStatus.Retired),
                [.. process.CoFacilitators.Where(f => f.ReleasedOn is null)],
                [.. meetings.Select(m => new OverviewMeeting(m, PhaseOf(process, m.StartsOn)))],
                process.Issues.ToDictionary(i => i.Key, i => counts.GetValueOrDefault(i.Key)));
        }

        private static string? PhaseOf(ProcessDetails process, DateOnly day) =>
            process.Phases.LastOrDefault(p => p.StartedOn <= day && (p.EndedOn is null || day <= p.EndedOn))?.Key;
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/processes/{key}/overview", async (string key, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var overview = await mediator.Send(new Query(key), ct);
                http.Response.Headers.ETag = ETags.For(overview.Process.Version);
                return TypedResults.Ok(overview);
            })
            .WithName("GetProcessOverview")
            .WithSummary("Process overview: phases, co-facilitators, issues and meetings by date")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
