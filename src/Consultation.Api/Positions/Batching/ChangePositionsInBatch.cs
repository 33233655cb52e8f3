using System.Text.Json.Serialization;
using Consultation.Infrastructure.Batching;
using Consultation.Infrastructure.Idempotency;
using Consultation.Positions.Correcting;
using Consultation.Positions.Revising;
using Consultation.Positions.Withdrawing;
using Consultation.Positions.Writing;
using Consultation.Processes;
using FluentValidation.Results;
using JasperFx.Events;

namespace Consultation.Positions.Batching;

/// <summary>
/// Revise, correct and withdraw many positions of one process that already stand, at once and all or nothing: the
/// batch of changes beside the batch of statements (<see cref="StatePositionsInBatch"/>).
/// </summary>
/// <remarks>
/// <para>An item is one single change, written as its request: the path parameters of the single endpoint as fields
/// (<c>issue</c>, <c>stakeholder</c>) and its body under exactly one of <c>revise</c> (<see cref="PositionChange"/>),
/// <c>correct</c> (<see cref="PositionCorrection"/>) or <c>withdraw</c> (<see cref="WithdrawPosition.Request"/>), checked by
/// that body's validator and decided by that slice's <c>Decide</c> with the facts its handler reads
/// (<see cref="PositionWriteSession.OpenToUpdateAsync"/>). A batch changes each position once.</para>
/// <para>In place of If-Match an item may carry <c>expectedVersion</c> (the position's ETag as a number): a stale one refuses
/// that item (422, saying the version it is at). Without it the item works on the version the batch reads, and should any
/// position change before the save, the whole batch is refused (409). Malformed items answer 400
/// (<c>errors["items[3].revise.stance"]</c>), refused items 422 (<c>errors["items[3]"]</c>), all at once; an unknown process
/// is 404 for the whole batch. Everything is saved in one transaction, or nothing.</para>
/// <para>Cost: every position and the facts of the source it cites are read in one batched round trip
/// (<see cref="PositionWriteSession.OpenManyToUpdateAsync"/>), and a second one reads the facts of the corrections that keep
/// their recorded source, if any; the save is one.</para>
/// </remarks>
public static class ChangePositionsInBatch
{
    public const int MaxItems = 500;

    /// <summary>One change of a standing position: the single endpoint's path parameters as fields and its body under the change's name.</summary>
    public sealed record Item
    {
        public string? Issue { get; init; }

        public string? Stakeholder { get; init; }

        /// <summary>The position's version the client read (its ETag, as a number); left out, the version the batch reads.</summary>
        public long? ExpectedVersion { get; init; }

        public PositionChange? Revise { get; init; }

        public PositionCorrection? Correct { get; init; }

        public WithdrawPosition.Request? Withdraw { get; init; }

        /// <summary>The change's name as the item spells it; null when the item holds none or several.</summary>
        [JsonIgnore]
        public string? Change =>
            new (string Name, object? Body)[] { ("revise", Revise), ("correct", Correct), ("withdraw", Withdraw) }
                .Where(c => c.Body is not null).Select(c => c.Name).ToList() is [var only] ? only : null;

        public string KeyIn(string process) => Position.KeyFor(process, Issue!, Stakeholder!);

        /// <summary>The rules of the single change's body and path, and one change per item.</summary>
        public sealed class Validator : AbstractValidator<Item>
        {
            public Validator()
            {
                RuleFor(x => x.Issue).NotEmpty().Slug();
                RuleFor(x => x.Stakeholder).NotEmpty().Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule);
                RuleFor(x => x.ExpectedVersion).GreaterThan(0).When(x => x.ExpectedVersion is not null);
                RuleFor(x => x.Revise!).SetValidator(new PositionChangeValidator()).When(x => x.Revise is not null);
                RuleFor(x => x.Correct!).SetValidator(new PositionCorrectionValidator()).When(x => x.Correct is not null);
                RuleFor(x => x.Withdraw!).SetValidator(new WithdrawPosition.Validator()).When(x => x.Withdraw is not null);
                RuleFor(x => x).Custom((item, context) =>
                {
                    if (item.Change is null)
                    {
                        context.AddFailure(new ValidationFailure(string.Empty, "An item holds exactly one change: 'revise', 'correct' or 'withdraw'."));
                    }
                });
            }
        }
    }

    public sealed record Request(IReadOnlyList<Item?>? Items);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => this.AddBatchRules(x => x.Items, MaxItems, "changes to positions", new Item.Validator());
    }

    public sealed record Command(string Process, Request Request) : ICommand<Written>, IFromRequest<Request>
    {
        /// <summary>The items (the validator refuses a missing list or item).</summary>
        public IReadOnlyList<Item> Items => [.. (Request.Items ?? []).OfType<Item>()];
    }

    public sealed class PathValidator : AbstractValidator<Command>
    {
        public PathValidator() => RuleFor(x => x.Process).NotEmpty().Slug();
    }

    /// <summary>A position the batch changed: its item index, the change, its key, version after it (its ETag) and address.</summary>
    public sealed record WrittenChange(int Index, string Change, string Key, long Version, string Location);

    public sealed record Written(string Process, IReadOnlyList<WrittenChange> Positions);

    /// <summary>
    /// One item as the single change's command, with how its handler names the source whose facts it reads and its pure
    /// <c>Decide</c>. The command's expected version is the item's (0 when left out; the batch checks it, not the decision).
    /// </summary>
    private sealed record OneChange(IStreamUpdate Command, Func<PositionContent?, PositionSource?> Source, Func<Position, PositionFacts, object> Decide);

    private static OneChange ChangeOf(string key, Item item)
    {
        var expected = item.ExpectedVersion ?? 0;
        if (item.Revise is { } revise)
        {
            var command = new RevisePosition.Command(key, expected, revise);
            return new OneChange(command, _ => command.Content.Source, (current, facts) => RevisePosition.Decide(current, command, facts));
        }

        if (item.Correct is { } correct)
        {
            var command = new CorrectPosition.Command(key, expected, correct);
            return new OneChange(
                command,
                recorded => recorded is null ? command.Request.NamedSource : command.ApplyTo(recorded).Source,
                (current, facts) => CorrectPosition.Decide(current, command, facts));
        }

        var withdraw = new WithdrawPosition.Command(key, expected, item.Withdraw!);
        return new OneChange(withdraw, _ => withdraw.Source, (current, facts) => WithdrawPosition.Decide(current, withdraw, facts));
    }

    public sealed class Handler(IDocumentSession session, PositionWriteSession writes) : ICommandHandler<Command, Written>
    {
        public async ValueTask<Written> Handle(Command command, CancellationToken cancellationToken)
        {
            var process = command.Process;
            if (await session.LoadAsync<ProcessDetails>(process, cancellationToken) is null)
            {
                throw new StreamNotFound("Process", process);
            }

            var items = command.Items;
            var refusals = new BatchRefusals();
            var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var changes = new List<(int Index, Item Item, string Key, OneChange Single)>(items.Count);
            for (var i = 0; i < items.Count; i++)
            {
                var key = items[i].KeyIn(process);
                if (!firstIndex.TryAdd(key, i))
                {
                    refusals.Refuse(i, $"The position '{key}' is already changed by items[{firstIndex[key]}]; a batch changes each position once. Send this change in another batch.");
                    continue;
                }

                changes.Add((i, items[i], key, ChangeOf(key, items[i])));
            }

            // Every position and the facts of the source it will cite, read as the single change reads them, all at once.
            var opened = await writes.OpenManyToUpdateAsync(session, [.. changes.Select(c => (c.Single.Command, c.Single.Source))], cancellationToken);
            var written = new List<WrittenChange>(changes.Count);
            for (var c = 0; c < changes.Count; c++)
            {
                var (i, item, key, single) = changes[c];
                var (stream, facts, refused) = opened[c];
                if (refused is not null)
                {
                    refusals.Refuse(i, refused.Message);
                    continue;
                }

                var version = stream.CurrentVersion ?? 0;
                var changed = refusals.Decide(i, () =>
                {
                    var current = stream.Aggregate ?? throw new StreamNotFound("Position", key);
                    return item.ExpectedVersion is { } expected && expected != version
                        ? throw new StaleVersion("Position", key, expected, version)
                        : single.Decide(Position.From(current), facts!);
                });
                if (changed is not null)
                {
                    stream.AppendOne(changed);
                    written.Add(new WrittenChange(i, item.Change!, key, version + 1, Reading.GetPosition.Route(stream.Aggregate!)));
                }
            }

            refusals.ThrowIfAny(items.Count, "written");
            var answer = new Written(process, written);
            await session.SaveBatchAsync(answer, cancellationToken);
            return answer;
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/processes/{process}/positions/changes/batch", async (string process, Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(process, request), ct)))
            .WithName("ChangePositionsInBatch")
            .WithIdempotency(BatchAnswers.Recorded<Written>((written, _) => TypedResults.Ok(written)))
            .WithSummary("Revise, correct and withdraw many standing positions at once (all or nothing)")
            .WithDescription($"Up to {MaxItems} items, each one change of one position: 'issue' and 'stakeholder' name it, and its body goes under exactly one of "
                + "'revise', 'correct' or 'withdraw', as sent to that single endpoint. 'expectedVersion' (optional) stands for If-Match: a stale one refuses the item; "
                + "without it, a position changed by someone else before the save refuses the whole batch (409). A batch changes each position once. "
                + "Errors are reported per item index: 400 malformed, 422 breaking the record's rules. Every change is written, in one transaction, or none.")
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
