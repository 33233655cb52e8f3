using Consultation.Convergence.Summaries;
using Consultation.Processes;

namespace Consultation.Convergence.Areas.Listing;

/// <summary>
/// The areas of convergence of a process in the order identified, filtered by status and by an issue they cover — now, or
/// on both axes (<see cref="TimeAxes"/>): as the record stood at <c>asOf</c>, and with <c>statedBy</c> as they stood on
/// that day by their own dates (<see cref="ConvergenceSnapshot.HappenedBy"/>); the filters then apply to that state.
/// </summary>
public static class ListAreas
{
    public sealed record Query(string Process, string? Status, string? Issue, int Page, int PageSize, string? AsOf = null, string? StatedBy = null) : IQuery<AreaList>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Status).OneOf<Query, AreaStatus>();
            RuleFor(x => x.Issue!).Slug().When(x => x.Issue is not null);
            RuleFor(x => x.Page).PageNumber();
            RuleFor(x => x.PageSize).InclusiveBetween(1, Page<AreaSummary>.MaxSize);
            RuleFor(x => x.AsOf).AsOfTimestamp();
            RuleFor(x => x.StatedBy).IsoDate();
        }
    }

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, AreaList>
    {
        public async ValueTask<AreaList> Handle(Query query, CancellationToken cancellationToken)
        {
            var process = await session.LoadAsync<ProcessDetails>(query.Process, cancellationToken) ?? throw new StreamNotFound("Process", query.Process);
            var status = TextRules.ParseOptionalEnum<AreaStatus>(query.Status);
            if (query.Issue is { } issue)
            {
                _ = process.Issue(issue) ?? throw new StreamNotFound("Issue", $"{process.Id}/{issue}");
            }

            var axes = TimeAxes.Parse(query.AsOf, query.StatedBy);
            if (axes != TimeAxes.Now)
            {
                var then = await ConvergenceSnapshot.AreasAsync(session, process.Id, axes, null, cancellationToken);
                return AreaList.Of(
                    AreasOfProcess.PageOf(
                        [.. then.Where(x => (status is null || x.Status == status) && (query.Issue is null || x.Issues.Contains(query.Issue)))],
                        query.Page,
                        query.PageSize),
                    axes.AsOf,
                    axes.StatedBy);
            }

            var areas = new AreasOfProcess(session).Of(process.Id);
            if (status is { } wanted)
            {
                areas = areas.Where(x => x.Status == wanted);
            }

            if (query.Issue is { } covered)
            {
                areas = areas.Where(x => x.Issues.Contains(covered));
            }

            return AreaList.Of(await AreasOfProcess.PageAsync(areas, query.Page, query.PageSize, cancellationToken), null, null);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{key}/areas",
                async (string key, string? status, string? issue, int? page, int? pageSize, string? asOf, string? statedBy, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(key, status, issue, page ?? 1, pageSize ?? Page<AreaSummary>.DefaultSize, asOf, statedBy), ct)))
            .WithName("ListAreas")
            .WithSummary("List the areas of convergence of a process")
            .WithDescription("In the order identified (day, then key). Filters: status (Identified, Affirmed, ConfirmedInText, Dissolved), "
                + "issue (areas covering that issue at the moment asked). Paged: page (from 1), pageSize (1-200, default 50). asOf (ISO 8601, recorded "
                + "time): the areas as the record stood then; statedBy (a date): as they stood on that day by their own dates (identified, affirmed, "
                + "divergences noted, confirmed, dissolved; issue links carry no date and apply as recorded). The answer names the moment: asOf and statedBy as asked, null for now.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
