using Consultation.Infrastructure.Errors;
using Consultation.Infrastructure.Http;
using Consultation.Infrastructure.Validation;
using Consultation.Processes;
using FluentValidation;
using Marten;
using Mediator;

namespace Consultation.Convergence.Areas.Listing;

/// <summary>The areas of convergence of a process in the order identified, filtered by status and by an issue they cover.</summary>
public static class ListAreas
{
    public sealed record Query(string Process, string? Status, string? Issue, int Page, int PageSize) : IQuery<Page<AreaSummary>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Status).OneOf<Query, AreaStatus>();
            RuleFor(x => x.Issue!).Slug().When(x => x.Issue is not null);
            RuleFor(x => x.Page).PageNumber();
            RuleFor(x => x.PageSize).InclusiveBetween(1, Page<AreaSummary>.MaxSize);
        }
    }

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, Page<AreaSummary>>
    {
        public async ValueTask<Page<AreaSummary>> Handle(Query query, CancellationToken cancellationToken)
        {
            var process = await session.LoadAsync<ProcessDetails>(query.Process, cancellationToken) ?? throw new StreamNotFound("Process", query.Process);
            var areas = new AreasOfProcess(session).Of(process.Id);
            if (TextRules.ParseOptionalEnum<AreaStatus>(query.Status) is { } status)
            {
                areas = areas.Where(x => x.Status == status);
            }

            if (query.Issue is { } issue)
            {
                _ = process.Issue(issue) ?? throw new StreamNotFound("Issue", $"{process.Id}/{issue}");
                areas = areas.Where(x => x.Issues.Contains(issue));
            }

            return await AreasOfProcess.PageAsync(areas, query.Page, query.PageSize, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{key}/areas",
                async (string key, string? status, string? issue, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(key, status, issue, page ?? 1, pageSize ?? Page<AreaSummary>.DefaultSize), ct)))
            .WithName("ListAreas")
            .WithSummary("List the areas of convergence of a process")
            .WithDescription("In the order identified (day, then key). Filters: status (Identified, Affirmed, ConfirmedInText, Dissolved), "
                + "issue (areas covering that issue now). Paged: page (from 1), pageSize (1-200, default 50).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
