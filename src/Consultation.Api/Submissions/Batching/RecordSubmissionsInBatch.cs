using Consultation.Infrastructure.Batching;
using Consultation.Infrastructure.Idempotency;
using Consultation.Processes;
using Consultation.Stakeholders;
using Consultation.Submissions.Reading;
using Consultation.Submissions.Recording;
using JasperFx.Events;

namespace Consultation.Submissions.Batching;

/// <summary>
/// Record many written submissions to one process at once — the answers to an online survey, a consultation's letters.
/// </summary>
/// <remarks>
/// As the positions' batch: every item is checked first and every problem reported by the item's index — malformed input
/// (the rules of one submission, <see cref="RecordSubmission.Validator"/>) 400 with <c>errors["items[3].from"]</c>; broken
/// record rules (unknown sender, group or issue, a day outside the process, a key already taken or repeated in the batch)
/// 422 with <c>errors["items[3]"]</c>; an unknown process 404 and a concluded one 409 for the whole batch. All or nothing:
/// one transaction across all the new streams. With <c>Idempotency-Key</c>, a repeated batch replays the answer and writes nothing.
/// </remarks>
public static class RecordSubmissionsInBatch
{
    public const int MaxItems = 1000;

    public sealed record Request(IReadOnlyList<RecordSubmission.Request?>? Items);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => this.AddBatchRules(x => x.Items, MaxItems, "submissions to record", new RecordSubmission.Validator());
    }

    public sealed record Command(string Process, Request Request) : ICommand<Written>, IFromRequest<Request>
    {
        /// <summary>Each item as recording one submission to the process (the validator refuses a missing list or item).</summary>
        public IReadOnlyList<RecordSubmission.Command> Items => [.. Request.Items!.Select(item => item!.For(Process))];
    }

    /// <summary>A submission the batch wrote: its item index, stream key, version (its ETag) and address.</summary>
    public sealed record WrittenSubmission(int Index, string Key, long Version, string Location);

    public sealed record Written(string Process, IReadOnlyList<WrittenSubmission> Submissions);

    /// <summary>
    /// The batch's decision, pure: each item through <see cref="RecordSubmission.Decide"/> (<paramref name="existing"/>: the keys
    /// already recorded), plus the batch's own rule (a key once per batch). All refusals are gathered, by index.
    /// </summary>
    public static IReadOnlyList<SubmissionRecorded> Decide(
        IReadOnlyList<RecordSubmission.Command> items,
        ProcessDetails process,
        IReadOnlyDictionary<string, StakeholderDetails> stakeholders,
        IReadOnlySet<string> existing,
        DateTimeOffset now)
    {
        SubmissionRules.RequireActive(process, "be recorded");
        var refusals = new BatchRefusals();
        var firstIndex = new Dictionary<string, int>();
        var decided = new List<SubmissionRecorded>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!firstIndex.TryAdd(item.StreamKey, i))
            {
                refusals.Refuse(i, $"The submission '{item.StreamKey}' is already recorded by items[{firstIndex[item.StreamKey]}]; a batch records each submission once.");
                continue;
            }

            if (existing.Contains(item.StreamKey))
            {
                refusals.Refuse(i, RecordSubmission.AlreadyRecorded(item.StreamKey).Message);
                continue;
            }

            if (refusals.Decide(i, () => RecordSubmission.Decide(
                    null,
                    process,
                    stakeholders.GetValueOrDefault(item.From),
                    item.OnBehalfOf is { } group ? stakeholders.GetValueOrDefault(group) : null,
                    item,
                    now)) is { } recorded)
            {
                decided.Add(recorded);
            }
        }

        refusals.ThrowIfAny(items.Count, "recorded");
        return decided;
    }

    public sealed class Handler(IDocumentSession session, TimeProvider time) : ICommandHandler<Command, Written>
    {
        public async ValueTask<Written> Handle(Command command, CancellationToken cancellationToken)
        {
            var items = command.Items;
            var keys = items.Select(i => i.StreamKey).Distinct().ToArray();
            var batch = session.CreateBatchQuery();
            var process = batch.Load<ProcessDetails>(command.Process);
            var stakeholders = batch.LoadMany<StakeholderDetails>().ByIdList(
                items.SelectMany(i => new[] { i.From, i.OnBehalfOf }).OfType<string>().Distinct().ToList());
            var existing = batch.Query<SubmissionDetails>().Where(x => x.Id.IsOneOf(keys)).Select(x => x.Id).ToList();
            await batch.Execute(cancellationToken);

            var recorded = Decide(
                items,
                await process ?? throw new StreamNotFound("Process", command.Process),
                (await stakeholders).ToDictionary(s => s.Id),
                (await existing).ToHashSet(StringComparer.Ordinal),
                time.GetUtcNow());
            var written = new List<WrittenSubmission>(recorded.Count);
            for (var i = 0; i < recorded.Count; i++)
            {
                var e = recorded[i];
                session.Events.StartStream<Submission>(e.Key, e);
                written.Add(new WrittenSubmission(i, e.Key, 1, $"/processes/{e.Process}/submissions/{e.Submission}"));
            }

            await session.SaveBatchAsync(cancellationToken);

            return new Written(command.Process, written);
        }
    }

    /// <summary>An idempotent retry whose original answer was never recorded: the batch's submissions as they stand now.</summary>
    public static async ValueTask<object?> ReadBack(EndpointFilterInvocationContext context)
    {
        var http = context.HttpContext;
        var process = (string)http.Request.RouteValues["key"]!;
        var keys = context.Arguments.OfType<Request>().Single().Items!.Select(i => i!.For(process).StreamKey).ToList();
        var submissions = (await http.RequestServices.GetRequiredService<IQuerySession>().LoadManyAsync<SubmissionDetails>(http.RequestAborted, keys))
            .ToDictionary(s => s.Id);
        return TypedResults.Created(
            (string?)null,
            new Written(process, [.. keys.Select((key, i) => new WrittenSubmission(i, key, submissions[key].Version, GetSubmission.Route(submissions[key])))]));
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/processes/{key}/submissions/batch", async (string key, Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created((string?)null, await mediator.Send(new Command(key, request), ct)))
            .WithName("RecordSubmissionsInBatch")
            .WithIdempotency(ReadBack)
            .WithSummary("Record many written submissions at once (all or nothing)")
            .WithDescription($"Up to {MaxItems} items, each like recording one submission (e.g. the answers to an online survey). Every item is checked first; "
                + "errors are reported per item index (400 for malformed input, 422 for broken rules). Either every submission is written, in one transaction, or none. "
                + "Send an Idempotency-Key to make a retry safe: a repeated batch answers as the first and writes nothing.")
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

