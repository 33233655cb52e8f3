using Consultation.Infrastructure.Pipeline;
using Marten.Pagination;

namespace Consultation.Stakeholders.Listing;

/// <summary>
/// Who belonged to a group or bloc on a date (default: today), in pages ordered by key. Any registered
/// stakeholder can be asked (one that cannot have members lists nobody); an unregistered key is not found.
/// </summary>
public static class ListGroupMembers
{
    public sealed record Query(string Group, string? On, int Page, int PageSize) : IQuery<Page<StakeholderDetails>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.On).IsoDate();
            RuleFor(x => x.Page).PageNumber();
            RuleFor(x => x.PageSize).InclusiveBetween(1, Page<StakeholderDetails>.MaxSize);
        }
    }

    public sealed class Handler(IQuerySession session, TimeProvider time, RequestContext context) : IQueryHandler<Query, Page<StakeholderDetails>>
    {
        public async ValueTask<Page<StakeholderDetails>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (await session.LoadAsync<StakeholderDetails>(query.Group, cancellationToken) is null)
            {
                throw new StreamNotFound("Group", query.Group);
            }

            var on = IsoDates.ParseOptional(query.On) ?? time.Today();
            var page = await new GroupMembers(session).On(query.Group, on)
                .OrderBy(x => x.Id)
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<StakeholderDetails>([.. page.Select(s => s.VisibleTo(context.Processes))], query.Page, query.PageSize, page.TotalItemCount);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/stakeholders/{group}/members", async (string group, string? on, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(group, on, page ?? 1, pageSize ?? Page<StakeholderDetails>.DefaultSize), ct)))
            .WithName("ListGroupMembers")
            .WithSummary("List the members of a group on a date")
            .WithDescription("on: a date (default: today, UTC); a stakeholder is a member from the day it joined until the day before it left. "
                + "Paged: page (from 1), pageSize (1-200, default 50).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
