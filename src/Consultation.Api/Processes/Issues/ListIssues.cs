using Consultation.Processes.Reading;

namespace Consultation.Processes.Issues;

/// <summary>The issues of a process in the order they were tabled, filtered by theme, status, parent or text.</summary>
public static class ListIssues
{
    public sealed record Query(string Process, string? Theme, string? Status, string? Parent, string? Search, int Page, int PageSize)
        : IQuery<Page<IssueDetails>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Status).OneOf<Query, IssueStatus>();
            RuleFor(x => x.Theme).MaximumLength(TextRules.TitleMaxLength);
            RuleFor(x => x.Search).MaximumLength(100);
            RuleFor(x => x.Page).PageNumber();
            RuleFor(x => x.PageSize).InclusiveBetween(1, Page<IssueDetails>.MaxSize);
        }
    }

    public sealed class Handler(IMediator mediator) : IQueryHandler<Query, Page<IssueDetails>>
    {
        public async ValueTask<Page<IssueDetails>> Handle(Query query, CancellationToken cancellationToken)
        {
            var process = await mediator.Send(new GetProcess.Query(query.Process), cancellationToken);
            var status = TextRules.ParseOptionalEnum<IssueStatus>(query.Status);
            var search = query.Search?.Trim();
            var matching = process.Issues
                .Where(i => query.Theme is null || string.Equals(i.Theme, query.Theme, StringComparison.OrdinalIgnoreCase))
                .Where(i => status is null || i.Status == status)
                .Where(i => query.Parent is null || i.ParentIssue == query.Parent)
                .Where(i => string.IsNullOrEmpty(search)
                    || i.Title.Contains(search, StringComparison.OrdinalIgnoreCase)
                    || i.Description.Contains(search, StringComparison.OrdinalIgnoreCase)
                    || i.Key.Contains(search, StringComparison.OrdinalIgnoreCase))
                .ToList();
            return new Page<IssueDetails>(
                [.. matching.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)], query.Page, query.PageSize, matching.Count);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{key}/issues",
                async (string key, string? theme, string? status, string? parent, string? search, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(key, theme, status, parent, search, page ?? 1, pageSize ?? Page<IssueDetails>.DefaultSize), ct)))
            .WithName("ListIssues")
            .WithSummary("List the issues of a process")
            .WithDescription("Filters: theme, status (Open/Retired), parent (issue key), search (key, title, description). Paged; in tabling order.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
