using Consultation.Infrastructure.Batching;
using Consultation.Infrastructure.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consultation.Processes.Issues;

/// <summary>
/// Table many issues of one process at once, all or nothing: each item is the body of tabling one issue
/// (<see cref="TableIssue.Request"/>), checked by its validator and decided by <see cref="TableIssue.Decide"/> on the process
/// as the earlier items left it (an item may name as its parent an issue tabled by an earlier item).
/// </summary>
/// <remarks>
/// <para>All the issues go to the process's one stream, appended together and saved in one transaction. Malformed items
/// answer 400 (<c>errors["items[3].title"]</c>), items breaking the record's rules 422 (<c>errors["items[3]"]</c>), every
/// problem at once; an unknown process is 404 and a concluded one 409, for the whole batch.</para>
/// <para><c>If-Match</c> is optional: with it, the process must be at that version (412); without it, the batch works on the
/// version it reads, and should the process change before the save, Marten refuses it and nothing is written (409).</para>
/// </remarks>
public static class TableIssuesInBatch
{
    public const int MaxItems = 500;

    public sealed record Request(IReadOnlyList<TableIssue.Request?>? Items);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => this.AddBatchRules(x => x.Items, MaxItems, "issues to table", new TableIssue.Validator());
    }

    /// <param name="Process">The process (route).</param>
    /// <param name="ExpectedVersion">The process's version from an optional If-Match.</param>
    /// <param name="Request">The body.</param>
    public sealed record Command(string Process, long? ExpectedVersion, Request Request) : ICommand<Written>, IFromRequest<Request>
    {
        /// <summary>The items (the validator refuses a missing list or item).</summary>
        public IReadOnlyList<TableIssue.Request> Items => [.. (Request.Items ?? []).OfType<TableIssue.Request>()];
    }

    public sealed class PathValidator : AbstractValidator<Command>
    {
        public PathValidator() => RuleFor(x => x.Process).NotEmpty().Slug();
    }

    /// <summary>An issue the batch tabled: its item index, key and address.</summary>
    public sealed record WrittenIssue(int Index, string Issue, string Location);

    /// <summary>What the batch wrote: the process's version after it (its ETag) and the issues.</summary>
    public sealed record Written(string Process, long Version, IReadOnlyList<WrittenIssue> Issues);

    /// <summary>The batch's decision, pure: each item by <see cref="TableIssue.Decide"/>, on the process as the earlier items left it.</summary>
    public static IReadOnlyList<IssueTabled> Decide(Process process, IReadOnlyList<TableIssue.Request> items)
    {
        process.EnsureActive();
        var refusals = new BatchRefusals();
        var tabled = new List<IssueTabled>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            // A batch carries no If-Match per item: the command's expected version is not read by the decision.
            var command = new TableIssue.Command(process.Id, 0, items[i]);
            foreach (var e in refusals.Decide(i, () => TableIssue.Decide(process, command)) ?? [])
            {
                var issue = (IssueTabled)e;
                process = process.Apply(issue);
                tabled.Add(issue);
            }
        }

        refusals.ThrowIfAny(items.Count, "tabled");
        return tabled;
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, Written>
    {
        public async ValueTask<Written> Handle(Command command, CancellationToken cancellationToken)
        {
            var key = command.Process;
            var stream = await session.Events.FetchForWriting<Process>(key, cancellationToken);
            var version = stream.CurrentVersion ?? 0;
            if (stream.Aggregate is null)
            {
                throw new StreamNotFound("Process", key);
            }

            if (command.ExpectedVersion is { } expected && expected != version)
            {
                throw new StaleVersion("Process", key, expected, version);
            }

            var tabled = Decide(stream.Aggregate, command.Items);
            stream.AppendMany([.. tabled]);
            var answer = new Written(
                key,
                version + tabled.Count,
                [.. tabled.Select((e, i) => new WrittenIssue(i, e.Issue, $"/processes/{Uri.EscapeDataString(key)}/issues/{Uri.EscapeDataString(e.Issue)}"))]);
            await session.SaveBatchAsync(answer, cancellationToken);
            return answer;
        }
    }

    /// <summary>200 with what the batch tabled and the process's ETag after it (also a retry's answer when the first was never recorded).</summary>
    private static Ok<Written> Answer(Written written, HttpContext http)
    {
        http.Response.Headers.ETag = ETags.For(written.Version);
        return TypedResults.Ok(written);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/processes/{key}/issues/batch", async (string key, Request request, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var written = await mediator.Send(new Command(key, IfMatch.OptionalVersion(http), request), ct);
                return Answer(written, http);
            })
            .WithName("TableIssuesInBatch")
            .WithIdempotency(BatchAnswers.Recorded<Written>(Answer))
            .WithRequestHeader(
                "If-Match",
                "Optional: the process's ETag you read; a stale one answers 412. Without it the batch works on the version it reads, and a change to the process before the save refuses the whole batch (409).",
                required: false)
            .WithSummary("Table many issues at once (all or nothing)")
            .WithDescription($"Up to {MaxItems} items, each the body of tabling one issue, decided in order (an issue tabled by an earlier item may be a later one's parent). "
                + "Errors are reported per item index: 400 malformed, 422 breaking the record's rules. Every issue is appended to the process in one transaction, or none. "
                + "Answers the process's new version as the ETag.")
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
