using Consultation.Processes;

namespace Consultation.Submissions.Listing;

/// <summary>The written submissions of a process by the day received, filtered by stakeholder (sender or group written for) and issue.</summary>
public static class ListSubmissions
{
    public sealed record Query(string Process, string? Stakeholder, string? Issue, int Page, int PageSize) : IQuery<Page<SubmissionDetails>>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.Stakeholder!).Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule).When(x => x.Stakeholder is not null);
            RuleFor(x => x.Issue!).Slug().When(x => x.Issue is not null);
            RuleFor(x => x.Page).PageNumber();
            RuleFor(x => x.PageSize).InclusiveBetween(1, Page<SubmissionDetails>.MaxSize);
        }
    }

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, Page<SubmissionDetails>>
    {
        public async ValueTask<Page<SubmissionDetails>> Handle(Query query, CancellationToken cancellationToken)
        {
            var process = await session.LoadAsync<ProcessDetails>(query.Process, cancellationToken) ?? throw new StreamNotFound("Process", query.Process);
            var processKey = process.Id;
            var submissions = session.Query<SubmissionDetails>().Where(x => x.Process == processKey);
            if (query.Stakeholder is { } stakeholder)
            {
                submissions = submissions.Where(x => x.From == stakeholder || x.OnBehalfOf == stakeholder);
            }

            if (query.Issue is { } issue)
            {
                submissions = submissions.Where(x => x.Issues.Contains(issue));
            }

            var total = await submissions.CountAsync(cancellationToken);
            var items = await submissions.OrderBy(x => x.ReceivedOn).ThenBy(x => x.Id)
                .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
            return new Page<SubmissionDetails>([.. items], query.Page, query.PageSize, total);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{key}/submissions",
                async (string key, string? stakeholder, string? issue, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new Query(key, stakeholder, issue, page ?? 1, pageSize ?? Page<SubmissionDetails>.DefaultSize), ct)))
            .WithName("ListSubmissions")
            .WithSummary("List the written submissions of a process by the day received")
            .WithDescription("Filters: stakeholder (the sender, or the group it wrote on behalf of), issue (an issue key the submission addresses). "
                + "Withdrawn submissions are listed, marked withdrawn. Paged: page (from 1), pageSize (1-200, default 50).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
