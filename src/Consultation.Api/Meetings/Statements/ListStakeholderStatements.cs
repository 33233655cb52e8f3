using Consultation.Infrastructure.Pipeline;
using Consultation.Stakeholders;
using Marten.Pagination;
using Microsoft.AspNetCore.Mvc;

namespace Consultation.Meetings.Statements;

/// <summary>
/// What a stakeholder said across meetings: statements it made as speaker (each showing on whose behalf), or made on
/// its behalf as a group, in the order they were said (day, meeting, statement number).
/// </summary>
public static class ListStakeholderStatements
{
    /// <summary>In what capacity the stakeholder appears in the statements listed.</summary>
    public enum Capacity
    {
        /// <summary>It took the floor (possibly on behalf of a group).</summary>
        Speaker,

        /// <summary>Someone spoke on its behalf.</summary>
        Group,

        /// <summary>Either.</summary>
        Any,
    }

    public sealed record Query(string Stakeholder, string? Process, string? As, int Page, int PageSize) : IQuery<Page<StatementRecord>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Process!).Slug().When(x => x.Process is not null);
            RuleFor(x => x.As).OneOf<Query, Capacity>();
            RuleFor(x => x.Page).PageNumber();
            RuleFor(x => x.PageSize).InclusiveBetween(1, Page<StatementRecord>.MaxSize);
        }
    }

    public sealed class Handler(IQuerySession session, RequestContext context) : IQueryHandler<Query, Page<StatementRecord>>
    {
        public async ValueTask<Page<StatementRecord>> Handle(Query query, CancellationToken cancellationToken)
        {
            var key = (await session.LoadAsync<StakeholderDetails>(query.Stakeholder, cancellationToken) ?? throw new StreamNotFound("Stakeholder", query.Stakeholder)).Id;
            IQueryable<StatementRecord> statements = session.Query<StatementRecord>();
            statements = (TextRules.ParseOptionalEnum<Capacity>(query.As) ?? Capacity.Speaker) switch
            {
                Capacity.Speaker => statements.Where(x => x.Speaker == key),
                Capacity.Group => statements.Where(x => x.OnBehalfOf == key),
                _ => statements.Where(x => x.Speaker == key || x.OnBehalfOf == key),
            };
            if (!context.Processes.IsEverything)
            {
                var mine = context.Processes.Keys;
                statements = statements.Where(x => x.Process.IsOneOf(mine));
            }

            if (query.Process is { } process)
            {
                statements = statements.Where(x => x.Process == process);
            }

            var page = await statements.OrderBy(x => x.SaidOn).ThenBy(x => x.Meeting).ThenBy(x => x.Number)
                .ToPagedListAsync(query.Page, query.PageSize, cancellationToken);
            return new Page<StatementRecord>([.. page], query.Page, query.PageSize, page.TotalItemCount);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/stakeholders/{key}/statements",
                async (string key, string? process, [FromQuery(Name = "as")] string? capacity, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(key, process, capacity, page ?? 1, pageSize ?? Page<StatementRecord>.DefaultSize), ct)))
            .WithName("ListStakeholderStatements")
            .WithSummary("List what a stakeholder said across meetings")
            .WithDescription("as: Speaker (default: statements it made, each with onBehalfOf), Group (statements made on its behalf) or Any. "
                + "Filter: process. In the order said (day, meeting, statement). Paged: page (from 1), pageSize (1-200, default 50).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
