using Consultation.Infrastructure.Batching;
using Consultation.Infrastructure.Idempotency;
using Consultation.Meetings;
using Consultation.Positions.Reading;
using Consultation.Positions.Stating;
using Consultation.Processes;
using Consultation.Stakeholders;
using Consultation.Submissions;
using JasperFx.Events;

namespace Consultation.Positions.Batching;

/// <summary>
/// State many positions of one process at once, as the secretariat does after a meeting or a written consultation.
/// </summary>
/// <remarks>
/// <para>Every item is checked first and every problem is reported, keyed by the item's index:</para>
/// <list type="bullet">
/// <item>Malformed input (the rules of stating one position, <see cref="Item.Validator"/>): 400 with <c>errors["items[3].stance"]</c>.
/// More than <see cref="MaxItems"/> items, or none: 400 with <c>errors["items"]</c>.</item>
/// <item>Broken record rules (unknown issue, stakeholder, meeting or submission, retired issue, date outside the meeting,
/// a position already standing, the same position twice in the batch), decided by <see cref="StatePosition.Decide"/>
/// for each item: 422 with <c>errors["items[3]"]</c>. 422 rather than 404/409 because one answer gathers
/// problems of several kinds. An unknown process is 404 and a concluded one 409, for the whole batch.</item>
/// </list>
/// <para><b>All or nothing</b>: the events of all items are saved with one <c>SaveChangesAsync</c>, one transaction
/// across all position streams. If any item is refused, or another writer changes one of the streams between
/// reading and saving (409), nothing of the batch is written.</para>
/// </remarks>
public static class StatePositionsInBatch
{
    public const int MaxItems = 500;

    /// <summary>One position to state; the fields of <see cref="StatePosition.Request"/> plus the issue.</summary>
    public sealed record Item : StatePosition.Input
    {
        public string? Issue { get; init; }

        public StatePosition.Command For(string process) => new(process, Issue!, this);

        /// <summary>The rules of stating one position (<see cref="StatePosition.AddStatingRules{T}"/>), and the issue first.</summary>
        public sealed class Validator : AbstractValidator<Item>
        {
            public Validator()
            {
                RuleFor(x => x.Issue).NotEmpty().Slug();
                this.AddStatingRules();
            }
        }
    }

    public sealed record Request(IReadOnlyList<Item?>? Items);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => this.AddBatchRules(x => x.Items, MaxItems, "positions to state", new Item.Validator());
    }

    public sealed record Command(string Process, Request Request) : ICommand<Written>, IFromRequest<Request>
    {
        /// <summary>Each item as stating one position of the process (the validator refuses a missing list or item).</summary>
        public IReadOnlyList<StatePosition.Command> Items => [.. Request.Items!.Select(item => item!.For(Process))];
    }

    public sealed class PathValidator : AbstractValidator<Command>
    {
        public PathValidator() => RuleFor(x => x.Process).NotEmpty().Slug();
    }

    /// <summary>A position the batch wrote: its item index, stream key, version (its ETag) and address.</summary>
    public sealed record WrittenPosition(int Index, string Key, long Version, string Location);

    public sealed record Written(string Process, IReadOnlyList<WrittenPosition> Positions);

    /// <summary>
    /// The batch's decision, pure: each item through <see cref="StatePosition.Decide"/> with its facts,
    /// plus the batch's own rule (a position once per batch). All refusals are gathered, by index.
    /// </summary>
    public static IReadOnlyList<PositionStated> Decide(
        IReadOnlyList<StatePosition.Command> items,
        IReadOnlyDictionary<string, Position> current,
        Func<StatePosition.Command, PositionFacts> factsFor)
    {
        var refusals = new BatchRefusals();
        var firstIndex = new Dictionary<string, int>();
        var decided = new List<PositionStated>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (!firstIndex.TryAdd(item.PositionKey, i))
            {
                refusals.Refuse(i, $"The position '{item.PositionKey}' is already stated by items[{firstIndex[item.PositionKey]}]; a batch states each position once.");
                continue;
            }

            if (refusals.Decide(i, () => StatePosition.Decide(current.GetValueOrDefault(item.PositionKey), item, factsFor(item))) is { } stated)
            {
                decided.Add(stated);
            }
        }

        refusals.ThrowIfAny(items.Count, "stated");
        return decided;
    }

    public sealed class Handler(IDocumentSession session, TimeProvider time) : ICommandHandler<Command, Written>
    {
        public async ValueTask<Written> Handle(Command command, CancellationToken cancellationToken)
        {
            var process = command.Process;
            var items = command.Items;
            var facts = await BatchFacts.LoadAsync(session, process, items, cancellationToken) with { Now = time.GetUtcNow() };
            new PositionFacts(facts.ProcessFacts, null, null, null).RequireProcess(process);

            // Streams that exist (withdrawn positions may be stated again) are fetched for writing, so a concurrent change fails the save.
            var streams = new Dictionary<string, IEventStream<PositionDetails>>();
            if (facts.ExistingPositions.Count > 0)
            {
                foreach (var stream in await session.Events.FetchManyForWriting<PositionDetails>(facts.ExistingPositions, cancellationToken))
                {
                    streams[stream.Key!] = stream;
                }
            }

            var current = streams.Where(s => s.Value.Aggregate is not null).ToDictionary(s => s.Key, s => Position.From(s.Value.Aggregate!));
            var stated = Decide(items, current, facts.For);

            var written = new List<WrittenPosition>(stated.Count);
            for (var i = 0; i < stated.Count; i++)
            {
                var e = stated[i];
                long version = 1;
                if (streams.TryGetValue(e.Key, out var stream))
                {
                    stream.AppendOne(e);
                    version = (stream.StartingVersion ?? 0) + 1;
                }
                else
                {
                    session.Events.StartStream<Position>(e.Key, e);
                }

                written.Add(new WrittenPosition(i, e.Key, version, $"/processes/{e.Process}/issues/{e.Issue}/positions/{e.Stakeholder}"));
            }

            await session.SaveBatchAsync(cancellationToken);

            return new Written(process, written);
        }
    }

    /// <summary>
    /// What the batch's rules need, loaded in one round trip. Of the meetings only their dates, status and process travel
    /// (a meeting's document carries every statement said there); the cited statements are looked up as their own records,
    /// and of the positions only the keys of those that exist.
    /// </summary>
    private sealed record BatchFacts(
        ProcessDetails? Process,
        IReadOnlyDictionary<string, StakeholderDetails> Stakeholders,
        IReadOnlyDictionary<string, SourceMeeting> Meetings,
        IReadOnlyDictionary<string, SourceSubmission> Submissions,
        IReadOnlyList<string> ExistingPositions)
    {
        /// <summary>The process as the rules take it, built once for the whole batch.</summary>
        public ProcessFacts? ProcessFacts { get; } = Process is null ? null : ProcessFacts.From(Process);

        /// <summary>When the batch is being recorded.</summary>
        public DateTimeOffset? Now { get; init; }

        public PositionFacts For(StatePosition.Command item) => new(
            ProcessFacts,
            Stakeholders.GetValueOrDefault(item.Owner),
            item.Speaker is { } speaker ? Stakeholders.GetValueOrDefault(speaker) : null,
            item.Meeting is { } meeting ? Meetings.GetValueOrDefault($"{Process?.Id}/{meeting}") : null)
        {
            Now = Now,
            Submission = item.Submission is { } submission ? Submissions.GetValueOrDefault(Consultation.Submissions.Submission.KeyOf(Process?.Id ?? string.Empty, submission)) : null,
        };

        public static async Task<BatchFacts> LoadAsync(IQuerySession session, string process, IReadOnlyList<StatePosition.Command> items, CancellationToken cancellationToken)
        {
            var meetingKeys = items.Select(i => i.Meeting is { } meeting ? $"{process}/{meeting}" : null).OfType<string>().Distinct().ToArray();
            var submissionKeys = items.Select(i => i.Submission is { } submission ? Consultation.Submissions.Submission.KeyOf(process, submission) : null).OfType<string>().Distinct().ToList();
            var positionKeys = items.Select(i => i.PositionKey).Distinct().ToArray();
            var batch = session.CreateBatchQuery();
            var processDetails = batch.Load<ProcessDetails>(process);
            var stakeholders = batch.LoadMany<StakeholderDetails>().ByIdList(
                items.SelectMany(i => new[] { i.Stakeholder, i.OnBehalfOf }).OfType<string>().Distinct().ToList());
            var meetings = PositionFactsLoader.EnlistMeetings(batch, session.DocumentStore, meetingKeys);
            var cited = batch.LoadMany<StatementRecord>().ByIdList(
                items.Select(i => i is { Statement: { } statement, Meeting: { } meeting } ? StatementRecord.IdOf($"{process}/{meeting}", statement) : null).OfType<string>().Distinct().ToList());
            var submissions = batch.LoadMany<SubmissionDetails>().ByIdList(submissionKeys);
            var positions = batch.Query<PositionDetails>().Where(x => x.Id.IsOneOf(positionKeys)).Select(x => x.Id).ToList();
            await batch.Execute(cancellationToken);

            var statements = (await cited).ToLookup(s => s.Meeting);
            return new BatchFacts(
                await processDetails,
                (await stakeholders).ToDictionary(s => s.Id),
                (await meetings).ToDictionary(
                    m => m.Id,
                    m => new SourceMeeting(m.Id, m.Process, m.StartsOn, m.EndsOn, m.Status == MeetingStatus.Cancelled, statements[m.Id].Select(x => x.Statement).ToHashSet())
                    {
                        Participants = m.Participants.ToHashSet(StringComparer.Ordinal),
                        Withdrawn = statements[m.Id].Where(x => x.Withdrawn).Select(x => x.Statement).ToHashSet(),
                    }),
                (await submissions).ToDictionary(s => s.Id, SourceSubmission.Of),
                [.. await positions]);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/processes/{process}/positions/batch", async (string process, Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created((string?)null, await mediator.Send(new Command(process, request), ct)))
            .WithName("StatePositionsInBatch")
            .WithIdempotency(PositionReadBack.Batch)
            .WithSummary("State many positions at once (all or nothing)")
            .WithDescription($"Up to {MaxItems} items, each like stating one position plus its issue. Every item is checked first; errors are reported per item index (400 for malformed input, 422 for broken rules). Either every position is written, in one transaction, or none.")
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}

