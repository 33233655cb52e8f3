using System.Text.Json.Serialization;
using Consultation.Infrastructure.Batching;
using Consultation.Infrastructure.Idempotency;
using Consultation.Infrastructure.Pipeline;
using Consultation.Processes;
using Consultation.Stakeholders.Accrediting;
using Consultation.Stakeholders.JoiningGroups;
using Consultation.Stakeholders.LeavingGroups;
using Consultation.Stakeholders.Registering;
using FluentValidation.Results;
using EndAccreditationRequest = Consultation.Stakeholders.EndingAccreditations.EndAccreditation.Request;
using Ending = Consultation.Stakeholders.EndingAccreditations.EndAccreditation;

namespace Consultation.Stakeholders.Batching;

/// <summary>
/// Register stakeholders and change their memberships and accreditations, many at once, all or nothing: an importer's
/// registry in a request or two instead of one write (and one If-Match) per change.
/// </summary>
/// <remarks>
/// <para>An item is one of the single writes, written as that write's request: its path parameters as fields of the item,
/// its body under the name of the change — exactly one of <c>register</c> (the body of <c>POST /stakeholders</c>),
/// <c>join</c>, <c>leave</c>, <c>accredit</c>, <c>endAccreditation</c>. <c>key</c> names the stakeholder changed (not for
/// <c>register</c>, whose body names it), <c>group</c> the group a <c>leave</c> leaves, <c>process</c> the process whose
/// accreditation an <c>endAccreditation</c> ends.</para>
/// <para>Items are decided in order, each on the registry as the earlier items left it, with the single writes' own
/// validators and <c>Decide</c> functions: a stakeholder registered in item 2 can join a group, or be accredited, in item 7;
/// a group registered in item 0 can be joined in item 1. Malformed items answer 400 (<c>errors["items[3].join.joinedOn"]</c>),
/// items breaking the record's rules 422 (<c>errors["items[3]"]</c>), every problem of every item at once.</para>
/// <para>No If-Match: every stakeholder an item names is read for writing at its current version, and if another writer
/// changes (or registers) one of them before the batch is saved, Marten refuses the save and nothing of the batch is
/// written (409). Every process an accreditation names must be one of the user's (403).</para>
/// </remarks>
public static class ChangeRegistryInBatch
{
    public const int MaxItems = 1000;

    /// <summary>One change of the registry: a single write's path parameters as fields and its body under the change's name.</summary>
    public sealed record Item
    {
        /// <summary>The stakeholder changed (<c>{key}</c> of the single write); not with <see cref="Register"/>.</summary>
        public string? Key { get; init; }

        /// <summary>With <see cref="Leave"/>: the group left (<c>{group}</c> of the single write).</summary>
        public string? Group { get; init; }

        /// <summary>With <see cref="EndAccreditation"/>: the process whose accreditation ends (<c>{process}</c> of the single write).</summary>
        public string? Process { get; init; }

        public RegisterStakeholder.Request? Register { get; init; }

        public JoinGroup.Request? Join { get; init; }

        public LeaveGroup.Request? Leave { get; init; }

        public AccreditStakeholder.Request? Accredit { get; init; }

        public EndAccreditationRequest? EndAccreditation { get; init; }

        /// <summary>The change's name as the item spells it (<c>register</c>, <c>join</c>…); null when the item holds none or several.</summary>
        [JsonIgnore]
        public string? Change =>
            Changes.Where(c => c.Body is not null).Select(c => c.Name).ToList() is [var only] ? only : null;

        /// <summary>The stakeholder the change is about.</summary>
        [JsonIgnore]
        public string StakeholderKey => Register?.Key ?? Key!;

        private (string Name, object? Body)[] Changes =>
            [("register", Register), ("join", Join), ("leave", Leave), ("accredit", Accredit), ("endAccreditation", EndAccreditation)];

        /// <summary>The single writes' own rules for the body and the path parameters, and one change per item.</summary>
        public sealed class Validator : AbstractValidator<Item>
        {
            private static readonly LeaveGroup.PathValidator LeavePath = new();
            private static readonly Ending.PathValidator EndPath = new();

            public Validator()
            {
                RuleFor(x => x.Register!).SetValidator(new RegisterStakeholder.Validator()).When(x => x.Register is not null);
                RuleFor(x => x.Join!).SetValidator(new JoinGroup.Validator()).When(x => x.Join is not null);
                RuleFor(x => x.Leave!).SetValidator(new LeaveGroup.Validator()).When(x => x.Leave is not null);
                RuleFor(x => x.Accredit!).SetValidator(new AccreditStakeholder.Validator()).When(x => x.Accredit is not null);
                RuleFor(x => x.EndAccreditation!).SetValidator(new Ending.Validator()).When(x => x.EndAccreditation is not null);
                RuleFor(x => x.Key).NotEmpty().Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule).When(x => x.Register is null);
                RuleFor(x => x.Key).Null().WithMessage("A registration names its key in 'register.key'; leave 'key' out.").When(x => x.Register is not null);
                RuleFor(x => x.Group).Null().WithMessage("'group' names the group a 'leave' leaves, and goes with 'leave' only ('join' names it in its body).")
                    .When(x => x.Leave is null);
                RuleFor(x => x.Process).Null().WithMessage("'process' names the process of an 'endAccreditation', and goes with it only ('accredit' names it in its body).")
                    .When(x => x.EndAccreditation is null);
                RuleFor(x => x).Custom((item, context) =>
                {
                    if (item.Change is null)
                    {
                        context.AddFailure(new ValidationFailure(string.Empty, "An item holds exactly one change: 'register', 'join', 'leave', 'accredit' or 'endAccreditation'."));
                    }

                    // The path parameters of leaving and ending, by the single writes' own path rules.
                    var path = item.Leave is { } leave ? LeavePath.Validate(new LeaveGroup.Command(item.Key ?? string.Empty, 0, item.Group!, leave)).Errors
                        : item.EndAccreditation is { } end ? EndPath.Validate(new Ending.Command(item.Key ?? string.Empty, 0, item.Process!, end)).Errors
                        : [];
                    path.ForEach(context.AddFailure);
                });
            }
        }
    }

    public sealed record Request(IReadOnlyList<Item?>? Items);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => this.AddBatchRules(x => x.Items, MaxItems, "changes to the registry", new Item.Validator());
    }

    public sealed record Command(Request Request) : ICommand<Written>, IFromRequest<Request>, INamesProcesses
    {
        /// <summary>The items (the validator refuses a missing list or item).</summary>
        public IReadOnlyList<Item> Items => [.. (Request.Items ?? []).OfType<Item>()];

        public IEnumerable<string> NamedProcesses => Items.Select(i => i.Accredit?.Process ?? i.Process).OfType<string>();
    }

    /// <summary>What an item wrote: its index, its change, the stakeholder, the stakeholder's version after it (its ETag) and address.</summary>
    public sealed record WrittenItem(int Index, string Change, string Key, long Version, string Location);

    public sealed record Written(IReadOnlyList<WrittenItem> Items);

    /// <summary>
    /// What the rules read besides the items: the stakeholders the items change, as their streams stand (<c>Current</c>);
    /// keys that name a record of another kind, with the refusal (<c>Taken</c>); the kind of each other stakeholder
    /// named as a group (<c>GroupKinds</c>); each process an accreditation names (<c>Processes</c>).
    /// </summary>
    public sealed record Facts(
        IReadOnlyDictionary<string, Stakeholder> Current,
        IReadOnlyDictionary<string, string> Taken,
        IReadOnlyDictionary<string, StakeholderKind> GroupKinds,
        IReadOnlyDictionary<string, ProcessDetails> Processes);

    /// <summary>An item's decided events on one stakeholder's stream.</summary>
    public sealed record Change(int Index, string Name, string Key, IReadOnlyList<object> Events);

    /// <summary>
    /// The batch's decision, pure: each item by its single write's <c>Decide</c>, on the registry as the earlier items of the
    /// batch left it. All refusals are gathered by index (<see cref="BatchItemsRefused"/>).
    /// </summary>
    public static IReadOnlyList<Change> Decide(IReadOnlyList<Item> items, Facts facts)
    {
        var refusals = new BatchRefusals();
        var registry = new Dictionary<string, Stakeholder>(facts.Current, StringComparer.Ordinal);
        var changes = new List<Change>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (refusals.Decide(i, () => DecideOne(item, registry, facts)) is { } events)
            {
                var key = item.StakeholderKey;
                registry[key] = events.Aggregate(registry.GetValueOrDefault(key), Apply)!;
                changes.Add(new Change(i, item.Change!, key, events));
            }
        }

        refusals.ThrowIfAny(items.Count, "written");
        return changes;
    }

    // A batch sends no If-Match: the commands carry no expected version (0); the version each stream was read at guards the save.
    private static IReadOnlyList<object> DecideOne(Item item, IReadOnlyDictionary<string, Stakeholder> registry, Facts facts)
    {
        var key = item.StakeholderKey;
        if (item.Register is { } register)
        {
            if (facts.Taken.TryGetValue(key, out var taken))
            {
                throw new DomainRuleViolation(taken);
            }

            return [RegisterStakeholder.Decide(registry.GetValueOrDefault(key), new RegisterStakeholder.Command(register))];
        }

        var stakeholder = registry.GetValueOrDefault(key) ?? throw new StreamNotFound("Stakeholder", key);
        return item switch
        {
            { Join: { } join } => JoinGroup.Decide(
                stakeholder,
                registry.GetValueOrDefault(join.Group!)?.Kind ?? (facts.GroupKinds.TryGetValue(join.Group!, out var kind) ? kind : (StakeholderKind?)null),
                new JoinGroup.Command(key, 0, join)),
            { Leave: { } leave } => LeaveGroup.Decide(stakeholder, new LeaveGroup.Command(key, 0, item.Group!, leave)),
            { Accredit: { } accredit } => AccreditStakeholder.Decide(
                stakeholder, facts.Processes.GetValueOrDefault(accredit.Process!), new AccreditStakeholder.Command(key, 0, accredit)),
            { EndAccreditation: { } end } => Ending.Decide(stakeholder, new Ending.Command(key, 0, item.Process!, end)),
            _ => throw new InvalidOperationException("The validator lets through only items holding one change."),
        };
    }

    /// <summary>The write model after an event of the batch, as Marten folds the stream.</summary>
    private static Stakeholder? Apply(Stakeholder? stakeholder, object e) => e switch
    {
        StakeholderRegistered registered => Stakeholder.Create(registered),
        StakeholderJoinedGroup joined => stakeholder!.Apply(joined),
        StakeholderLeftGroup left => stakeholder!.Apply(left),
        StakeholderAccredited accredited => stakeholder!.Apply(accredited),
        StakeholderAccreditationEnded ended => stakeholder!.Apply(ended),
        _ => throw new InvalidOperationException($"A registry batch does not write {e.GetType().Name}."),
    };

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, Written>
    {
        public async ValueTask<Written> Handle(Command command, CancellationToken cancellationToken)
        {
            var items = command.Items;
            var keys = items.Select(i => i.StakeholderKey).Distinct(StringComparer.Ordinal).ToList();
            // Every stakeholder an item changes, read for writing: a concurrent change to any of them refuses the save.
            var streams = (await session.Events.FetchManyForWriting<Stakeholder>(keys, cancellationToken)).ToDictionary(s => s.Key!, StringComparer.Ordinal);
            var taken = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var stream in streams.Values.Where(s => s.Aggregate is null && s.CurrentVersion > 0))
            {
                try
                {
                    await session.RefuseAnotherKindsAsync(stream, cancellationToken);
                }
                catch (DomainRuleViolation refusal)
                {
                    taken[stream.Key!] = refusal.Message;
                }
            }

            var groups = items.Select(i => i.Join?.Group).OfType<string>().Where(g => !streams.ContainsKey(g)).Distinct(StringComparer.Ordinal).ToList();
            var processes = items.Select(i => i.Accredit?.Process).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var facts = new Facts(
                streams.Values.Where(s => s.Aggregate is not null).ToDictionary(s => s.Key!, s => s.Aggregate!, StringComparer.Ordinal),
                taken,
                groups.Count == 0 ? new Dictionary<string, StakeholderKind>()
                    : (await session.LoadManyAsync<StakeholderDetails>(cancellationToken, groups)).ToDictionary(s => s.Id, s => s.Kind, StringComparer.Ordinal),
                processes.Count == 0 ? new Dictionary<string, ProcessDetails>()
                    : (await session.LoadManyAsync<ProcessDetails>(cancellationToken, processes)).ToDictionary(p => p.Id, StringComparer.Ordinal));

            var versions = streams.ToDictionary(s => s.Key, s => s.Value.CurrentVersion ?? 0, StringComparer.Ordinal);
            var written = new List<WrittenItem>(items.Count);
            foreach (var change in Decide(items, facts))
            {
                streams[change.Key].AppendMany([.. change.Events]);
                versions[change.Key] += change.Events.Count;
                written.Add(new WrittenItem(change.Index, change.Name, change.Key, versions[change.Key], $"/stakeholders/{Uri.EscapeDataString(change.Key)}"));
            }

            var answer = new Written(written);
            await session.SaveBatchAsync(answer, cancellationToken);
            return answer;
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/stakeholders/batch", async (Request request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(request), ct)))
            .WithName("ChangeRegistryInBatch")
            .WithIdempotency(BatchAnswers.Recorded<Written>((written, _) => TypedResults.Ok(written)))
            .WithSummary("Register stakeholders and change memberships and accreditations, many at once (all or nothing)")
            .WithDescription($"Up to {MaxItems} items, decided in order. An item is one single write: its path parameters as fields ('key' the stakeholder, "
                + "'group' for a leave, 'process' for an end of accreditation) and its body under exactly one of 'register', 'join', 'leave', 'accredit', "
                + "'endAccreditation', with that write's rules. Later items build on earlier ones (register, then accredit). No If-Match: a stakeholder changed by "
                + "someone else meanwhile refuses the whole batch (409). Errors are reported per item index: 400 malformed, 422 breaking the record's rules. "
                + "Either every change is written, in one transaction, or none.")
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
