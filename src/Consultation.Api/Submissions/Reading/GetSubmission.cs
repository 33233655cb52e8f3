namespace Consultation.Submissions.Reading;

/// <summary>The record of a written submission: from whom, received when, on which issues, where to find it, and its history.</summary>
public static class GetSubmission
{
    /// <summary><see cref="Key"/> is the stream key, <c>{process}/submission:{submission}</c>.</summary>
    public sealed record Query(string Key, string? AsOf = null) : IQuery<SubmissionDetails>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(x => x.AsOf).AsOfTimestamp();
    }

    public static string Route(SubmissionDetails submission) => $"/processes/{submission.Process}/submissions/{submission.Submission}";

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, SubmissionDetails>
    {
        public async ValueTask<SubmissionDetails> Handle(Query query, CancellationToken cancellationToken) =>
            await DetailsAsOf.LoadAsync<SubmissionDetails>(session, "Submission", query.Key, query.AsOf, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/processes/{key}/submissions/{submission}", async (string key, string submission, string? asOf, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var details = await mediator.Send(new Query(Submission.KeyOf(key, submission), asOf), ct);
                DetailsAsOf.SetETag(http, details.Version, asOf);
                return TypedResults.Ok(details);
            })
            .WithName("GetSubmission")
            .WithSummary("Fetch the record of a written submission")
            .WithDescription(DetailsAsOf.AsOfDescription)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
}
