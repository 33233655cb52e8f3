using Consultation.Infrastructure.Batching;
using Consultation.Infrastructure.Idempotency;
using Consultation.Stakeholders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consultation.Meetings.Registering;

/// <summary>
/// Register many participants of one meeting at once, all or nothing, as from a list of participants: each item is the
/// body of registering one (<see cref="RegisterParticipant.Request"/>), checked by its validator and decided by
/// <see cref="RegisterParticipant.Decide"/> on the meeting as the earlier items left it.
/// </summary>
/// <remarks>
/// <para>The participants go to the meeting's one stream, appended together and saved in one transaction. Malformed items
/// answer 400 (<c>errors["items[3].role"]</c>), items breaking the record's rules (an unknown stakeholder, one registered
/// already or twice in the batch) 422 (<c>errors["items[3]"]</c>), every problem at once; an unknown meeting is 404, and a
/// meeting closed for longer than the late-entry grace 409, for the whole batch.</para>
/// <para><c>If-Match</c> is optional: with it, the meeting must be at that version (412); without it, the batch works on the
/// version it reads, and should the meeting change before the save, nothing is written (409).</para>
/// </remarks>
public static class RegisterParticipantsInBatch
{
    public const int MaxItems = 1000;

    public sealed record Request(IReadOnlyList<RegisterParticipant.Request?>? Items);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => this.AddBatchRules(x => x.Items, MaxItems, "participants to register", new RegisterParticipant.Validator());
    }

    /// <param name="Process">The process (route).</param>
    /// <param name="Meeting">The meeting's key within the process (route).</param>
    /// <param name="ExpectedVersion">The meeting's version from an optional If-Match.</param>
    /// <param name="Request">The body.</param>
    public sealed record Command(string Process, string Meeting, long? ExpectedVersion, Request Request) : ICommand<Written>, IFromRequest<Request>
    {
        public string StreamKey => Meetings.Meeting.KeyOf(Process, Meeting);

        /// <summary>The items (the validator refuses a missing list or item).</summary>
        public IReadOnlyList<RegisterParticipant.Request> Items => [.. (Request.Items ?? []).OfType<RegisterParticipant.Request>()];
    }

    public sealed class PathValidator : AbstractValidator<Command>
    {
        public PathValidator()
        {
            RuleFor(x => x.Process).NotEmpty().Slug();
            RuleFor(x => x.Meeting).NotEmpty().Slug();
        }
    }

    /// <summary>A participant the batch registered: its item index and stakeholder.</summary>
    public sealed record WrittenParticipant(int Index, string Stakeholder);

    /// <summary>What the batch wrote: the meeting's version after it (its ETag) and address, and the participants.</summary>
    public sealed record Written(string Meeting, long Version, string Location, IReadOnlyList<WrittenParticipant> Participants);

    /// <summary>
    /// The batch's decision, pure: each item by <see cref="RegisterParticipant.Decide"/>, on the meeting as the earlier items
    /// left it. <paramref name="stakeholders"/>: the registry's stakeholders the items name (absent: not registered).
    /// </summary>
    public static IReadOnlyList<ParticipantRegistered> Decide(
        Meeting meeting, IReadOnlyDictionary<string, StakeholderDetails> stakeholders, IReadOnlyList<RegisterParticipant.Request> items, RecordingWindow window)
    {
        // Whether the meeting takes participants at all is the whole batch's question.
        meeting.EnsureRegistering(window);
        var refusals = new BatchRefusals();
        var registered = new List<ParticipantRegistered>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            // A batch carries no If-Match per item: the command's expected version is not read by the decision.
            var command = new RegisterParticipant.Command(meeting.Id, 0, items[i]);
            foreach (var e in refusals.Decide(i, () => RegisterParticipant.Decide(meeting, stakeholders.GetValueOrDefault(command.Stakeholder), command, window)) ?? [])
            {
                var participant = (ParticipantRegistered)e;
                meeting = meeting.Apply(participant);
                registered.Add(participant);
            }
        }

        refusals.ThrowIfAny(items.Count, "registered");
        return registered;
    }

    public sealed class Handler(IDocumentSession session, TimeProvider time, IConfiguration configuration) : ICommandHandler<Command, Written>
    {
        public async ValueTask<Written> Handle(Command command, CancellationToken cancellationToken)
        {
            var key = command.StreamKey;
            var stream = await session.Events.FetchForWriting<Meeting>(key, cancellationToken);
            var version = stream.CurrentVersion ?? 0;
            if (stream.Aggregate is null)
            {
                throw new StreamNotFound("Meeting", key);
            }

            if (command.ExpectedVersion is { } expected && expected != version)
            {
                throw new StaleVersion("Meeting", key, expected, version);
            }

            var named = command.Items.Select(i => i.Stakeholder!).Distinct(StringComparer.Ordinal).ToList();
            var stakeholders = (await session.LoadManyAsync<StakeholderDetails>(cancellationToken, named)).ToDictionary(s => s.Id, StringComparer.Ordinal);
            var registered = Decide(stream.Aggregate, stakeholders, command.Items, RecordingWindow.From(time, configuration));
            stream.AppendMany([.. registered]);
            var answer = new Written(
                key,
                version + registered.Count,
                $"/processes/{Uri.EscapeDataString(command.Process)}/meetings/{Uri.EscapeDataString(command.Meeting)}",
                [.. registered.Select((e, i) => new WrittenParticipant(i, e.Stakeholder))]);
            await session.SaveBatchAsync(answer, cancellationToken);
            return answer;
        }
    }

    /// <summary>200 with who the batch registered and the meeting's ETag after it (also a retry's answer when the first was never recorded).</summary>
    private static Ok<Written> Answer(Written written, HttpContext http)
    {
        http.Response.Headers.ETag = ETags.For(written.Version);
        return TypedResults.Ok(written);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/processes/{key}/meetings/{meeting}/participants/batch", async (string key, string meeting, Request request, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var written = await mediator.Send(new Command(key, meeting, IfMatch.OptionalVersion(http), request), ct);
                return Answer(written, http);
            })
            .WithName("RegisterParticipantsInBatch")
            .WithIdempotency(BatchAnswers.Recorded<Written>(Answer))
            .WithRequestHeader(
                "If-Match",
                "Optional: the meeting's ETag you read; a stale one answers 412. Without it the batch works on the version it reads, and a change to the meeting before the save refuses the whole batch (409).",
                required: false)
            .WithSummary("Register many participants of the meeting at once (all or nothing)")
            .WithDescription($"Up to {MaxItems} items, each the body of registering one participant. Errors are reported per item index: 400 malformed, "
                + "422 breaking the record's rules (unknown stakeholder, already registered, twice in the batch). Every participant is appended to the meeting "
                + "in one transaction, or none. Answers the meeting's new version as the ETag.")
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}
