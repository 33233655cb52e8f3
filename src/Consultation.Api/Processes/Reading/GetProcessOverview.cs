using Consultation.Positions.Views;
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
        IReadOnlyList<GetProcessSchedule.OverviewMeeting> Meetings,
        IReadOnlyDictionary<string, int> StandingPositionsByIssue);


    public sealed class Handler(IMediator mediator, IQuerySession session) : IQueryHandler<Query, ProcessOverview>
    {
        public async ValueTask<ProcessOverview> Handle(Query query, CancellationToken cancellationToken)
        {
            var schedule = await mediator.Send(new GetProcessSchedule.Query(query.Key, query.AsOf), cancellationToken);
            var process = schedule.Process;
            var counts = await StandingCounts.ByIssueAsync(session, query.Key, TimeAxes.ParseTimestamp(query.AsOf), cancellationToken);
            return new ProcessOverview(
                process,
                process.Phases.LastOrDefault(p => p.EndedOn is null),
                process.Issues.Count(i => i.Status == IssueStatus.Open),
                process.Issues.Count(i => i.Status == IssueStatus.Retired),
                [.. process.CoFacilitators.Where(f => f.ReleasedOn is null)],
                schedule.Meetings,
                process.Issues.ToDictionary(i => i.Key, i => counts.GetValueOrDefault(i.Key)));
        }
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
