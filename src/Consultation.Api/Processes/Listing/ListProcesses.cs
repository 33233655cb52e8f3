using Consultation.Infrastructure.Pipeline;
using Marten.Pagination;

namespace Consultation.Processes.Listing;

/// <summary>Processes, optionally only active or concluded ones, most recently started first.</summary>
public static class ListProcesses
{
    public sealed record Query(string? Status, int Page, int PageSize) : IQuery<Page<ProcessSummary>>;

    public sealed record ProcessSummary(string Id, string Title, string MandateReference, DateOnly StartsOn, DateOnly? PlannedEndOn, ProcessStatus Status, long Version);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Status).OneOf<Query, ProcessStatus>();
            RuleFor(x => x.Page).PageNumber();
            RuleFor(x => x.PageSize).InclusiveBetween(1, Page<ProcessSummary>.MaxSize);
        }
    }

    public sealed class Handler(IQuerySession session, RequestContext context) : IQueryHandler<Query, Page<ProcessSummary>>
    {
        public async ValueTask<Page<ProcessSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            IQueryable<ProcessDetails> processes = session.Query<ProcessDetails>();
            if (!context.Processes.IsEverything)
            {
                var mine = context.Processes.Keys;
                processes = processes.Where(x => x.Id.IsOneOf(mine));
            }

            if (TextRules.ParseOptionalEnum<ProcessStatus>(query.Status) is { } status)
            {
                processes = processes.Where(x => x.Status == status);
            }

            var page = await processes.OrderByDescending(x => x.StartsOn).ThenBy(x => x.Id).ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<ProcessSummary>(
                [.. page.Select(p => new ProcessSummary(p.Id, p.Title, p.MandateReference, p.StartsOn, p.PlannedEndOn, p.Status, p.Version))],
                query.Page,
                query.PageSize,
                page.TotalItemCount);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/processes", async (string? status, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(status, page ?? 1, pageSize ?? Page<ProcessSummary>.DefaultSize), ct)))
            .WithName("ListProcesses")
            .WithSummary("List processes")
            .ProducesValidationProblem();
}
