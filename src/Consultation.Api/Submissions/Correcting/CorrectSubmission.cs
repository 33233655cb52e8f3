using Consultation.Processes;
using Consultation.Stakeholders;
using Consultation.Submissions.Reading;

namespace Consultation.Submissions.Correcting;

/// <summary>
/// Fix how a submission was recorded (wrong sender, group, day, issues, channel, title, reference, link or language), with the
/// reason. Fields left out keep what is recorded; an optional field is emptied only by naming it in <c>clear</c>. The corrected
/// submission obeys the rules of a new one; positions citing it are checked against it when they are next written.
/// </summary>
public static class CorrectSubmission
{
    /// <summary>The optional fields a correction can empty.</summary>
    public static readonly IReadOnlyList<string> Clearable = ["onBehalfOf", "documentReference", "link"];

    public sealed record Request(
        string? From,
        string? OnBehalfOf,
        DateOnly? ReceivedOn,
        IReadOnlyList<string?>? Issues,
        string? Channel,
        string? Title,
        string? DocumentReference,
        string? Link,
        string? Language,
        IReadOnlyList<string?>? Clear,
        string? Reason)
    {
        public bool Clears(string field) => Clear?.Contains(field) == true;
    }

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.From!).Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule).When(x => x.From is not null);
            RuleFor(x => x.OnBehalfOf!).Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule).When(x => x.OnBehalfOf is not null);
            RuleFor(x => x.Issues)
                .Must(i => i is null || i.Count > 0).WithMessage("'issues' replaces the list of issues addressed; a submission addresses at least one.")
                .Must(i => i is null || i.Count <= SubmissionRules.MaxIssues).WithMessage($"A submission addresses at most {SubmissionRules.MaxIssues} issues.")
                .Must(i => i is null || i.Distinct().Count() == i.Count).WithMessage("An issue is listed only once.");
            RuleForEach(x => x.Issues).NotEmpty().Slug();
            RuleFor(x => x.Channel).OneOf<Request, SubmissionChannel>();
            RuleFor(x => x.Title!).SingleLine(TextRules.TitleMaxLength).When(x => x.Title is not null);
            RuleFor(x => x.DocumentReference!).SingleLine(TextRules.ReferenceMaxLength).When(x => x.DocumentReference is not null);
            RuleFor(x => x.Link).Must(SubmissionRules.IsWebLink).When(x => x.Link is not null).WithMessage(SubmissionRules.LinkRule);
            RuleFor(x => x.Language).Must(SubmissionRules.IsLanguage).When(x => x.Language is not null).WithMessage(SubmissionRules.LanguageRule);
            RuleForEach(x => x.Clear).Must(f => f is not null && Clearable.Contains(f))
                .WithMessage($"'clear' names fields to empty: {string.Join(", ", Clearable)}.");
            RuleFor(x => x.OnBehalfOf).Null().When(x => x.Clears("onBehalfOf")).WithMessage("'onBehalfOf' is both given and cleared; do one.");
            RuleFor(x => x.DocumentReference).Null().When(x => x.Clears("documentReference")).WithMessage("'documentReference' is both given and cleared; do one.");
            RuleFor(x => x.Link).Null().When(x => x.Clears("link")).WithMessage("'link' is both given and cleared; do one.");
            RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Reason => Request.Reason!;

        /// <summary>The recorded content with the correction applied: what it names replaces, what it clears goes, the rest stays.</summary>
        public SubmissionContent ApplyTo(SubmissionContent recorded) => new(
            Request.From ?? recorded.From,
            Request.Clears("onBehalfOf") ? null : Request.OnBehalfOf ?? recorded.OnBehalfOf,
            Request.ReceivedOn ?? recorded.ReceivedOn,
            Request.Issues is { } issues ? [.. issues.Select(i => i!)] : recorded.Issues,
            Request.Channel is { } channel ? TextRules.ParseEnum<SubmissionChannel>(channel) : recorded.Channel,
            Request.Title?.Trim() ?? recorded.Title,
            Request.Clears("documentReference") ? null : Request.DocumentReference?.Trim() ?? recorded.DocumentReference,
            Request.Clears("link") ? null : Request.Link ?? recorded.Link,
            Request.Language ?? recorded.Language);
    }

    /// <summary><paramref name="sender"/> and <paramref name="writtenFor"/> are the registry records of the corrected submission's sender and group.</summary>
    public static SubmissionCorrected Decide(
        Submission current, ProcessDetails process, StakeholderDetails? sender, StakeholderDetails? writtenFor, Command command, DateTimeOffset now)
    {
        if (current.Withdrawn)
        {
            throw new DomainRuleViolation($"Submission '{current.Id}' was withdrawn; a withdrawn submission is not corrected.");
        }

        SubmissionRules.RequireActive(process, "be corrected");
        var corrected = command.ApplyTo(current.Content);
        if (corrected.From == corrected.OnBehalfOf)
        {
            throw new DomainRuleViolation("A stakeholder does not write on behalf of itself; clear 'onBehalfOf'.");
        }

        SubmissionRules.RequireSound(corrected, process, sender, writtenFor, now, current.Content.Issues);
        return corrected.SameAs(current.Content)
            ? throw new DomainRuleViolation("Nothing to correct: the submission is what is already recorded.")
            : new SubmissionCorrected(current.Id, corrected, command.Reason.Trim());
    }

    /// <summary>The sender and group checked are those the corrected submission will name, so they are read once the recorded one is known.</summary>
    public sealed class Handler(IDocumentSession session, TimeProvider time) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Submission>(command, "Submission", async current =>
            {
                var corrected = command.ApplyTo(current.Content);
                var batch = session.CreateBatchQuery();
                var process = batch.Load<ProcessDetails>(current.Process);
                var sender = batch.Load<StakeholderDetails>(corrected.From);
                var writtenFor = corrected.OnBehalfOf is { } onBehalfOf ? batch.Load<StakeholderDetails>(onBehalfOf) : Task.FromResult<StakeholderDetails?>(null);
                await batch.Execute(cancellationToken);
                var processDetails = await process ?? throw new StreamNotFound("Process", current.Process);
                return [Decide(current, processDetails, await sender, await writtenFor, command, time.GetUtcNow())];
            }, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, SubmissionDetails>(
                "/processes/{key}/submissions/{submission}/correct",
                "submission",
                (route, r, version) => new Command(Submission.KeyOf(route.Route("key"), route.Route("submission")), version, r),
                key => new GetSubmission.Query(key))
            .WithName("CorrectSubmission")
            .WithSummary("Correct how a written submission was recorded")
            .WithDescription("A recording mistake, fixed with a reason; If-Match is the submission's version. Fields left out keep what is recorded; "
                + "'clear' empties onBehalfOf, documentReference or link; 'issues' replaces the list. The corrected submission obeys the rules of a new one "
                + "(registered sender, membership of the group on the day received, issues not retired unless already addressed). 'history' keeps every version.");
}
