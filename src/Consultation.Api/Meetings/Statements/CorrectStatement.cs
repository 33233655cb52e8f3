using System.Text.RegularExpressions;
using Consultation.Meetings.Reading;
using Consultation.Processes;
using Consultation.Stakeholders;

namespace Consultation.Meetings.Statements;

/// <summary>
/// Fix how a statement was recorded (wrong speaker, group, issues, wording, language, reference or day), with the reason.
/// Fields left out keep what is recorded; an optional field is emptied only by naming it in <c>clear</c>. The corrected
/// statement obeys the rules a new one does, at any time after it was recorded until the process concludes.
/// </summary>
public static partial class CorrectStatement
{
    /// <summary>The optional fields a correction can empty.</summary>
    public static readonly IReadOnlyList<string> Clearable = ["onBehalfOf", "documentReference"];

    public sealed record Request(
        string? Speaker,
        string? OnBehalfOf,
        IReadOnlyList<string?>? Issues,
        string? Summary,
        string? Language,
        string? DocumentReference,
        DateOnly? SaidOn,
        IReadOnlyList<string?>? Clear,
        string? Reason)
    {
        public bool Clears(string field) => Clear?.Contains(field) == true;
    }

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Speaker!).NotEmpty().MaximumLength(StreamKeys.MaxSlugLength).When(x => x.Speaker is not null);
            RuleFor(x => x.OnBehalfOf!).NotEmpty().MaximumLength(StreamKeys.MaxSlugLength).When(x => x.OnBehalfOf is not null);
            RuleFor(x => x.Issues)
                .Must(i => i is null || i.Count <= RecordStatement.MaxIssues).WithMessage($"A statement addresses at most {RecordStatement.MaxIssues} issues.")
                .Must(i => i is null || i.Distinct().Count() == i.Count).WithMessage("An issue is listed only once.");
            RuleForEach(x => x.Issues).NotEmpty().Slug();
            RuleFor(x => x.Summary!).FreeText(TextRules.SummaryMaxLength).When(x => x.Summary is not null);
            RuleFor(x => x.Language!).NotEmpty().Matches(LanguagePattern()).When(x => x.Language is not null)
                .WithMessage("'Language' must be an ISO 639-1 code of two lowercase letters (e.g. en, es, fr).");
            RuleFor(x => x.DocumentReference!).SingleLine(TextRules.ReferenceMaxLength).When(x => x.DocumentReference is not null);
            RuleForEach(x => x.Clear).Must(f => f is not null && Clearable.Contains(f))
                .WithMessage($"'clear' names fields to empty: {string.Join(", ", Clearable)}.");
            RuleFor(x => x.OnBehalfOf).Null().When(x => x.Clears("onBehalfOf"))
                .WithMessage("'onBehalfOf' is both given and cleared; do one.");
            RuleFor(x => x.DocumentReference).Null().When(x => x.Clears("documentReference"))
                .WithMessage("'documentReference' is both given and cleared; do one.");
            RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, string Statement, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string? Speaker => Request.Speaker;

        public string? OnBehalfOf => Request.OnBehalfOf;

        public IReadOnlyList<string>? Issues => Request.Issues is { } issues ? [.. issues.Select(i => i!)] : null;

        public string? Summary => Request.Summary;

        public string? Language => Request.Language;

        public string? DocumentReference => Request.DocumentReference;

        public DateOnly? SaidOn => Request.SaidOn;

        public bool Clears(string field) => Request.Clears(field);

        public string Reason => Request.Reason!;
    }

    /// <summary>
    /// <paramref name="group"/> and <paramref name="speaker"/> are the registry records of the corrected statement's group
    /// (null when none or unknown) and speaker.
    /// </summary>
    public static StatementCorrected Decide(
        Meeting meeting, ProcessDetails process, StakeholderDetails? group, StakeholderDetails? speaker, Command command, RecordingWindow window)
    {
        meeting.EnsureNotCancelled();
        process.EnsureActive("have their statements corrected");
        var current = meeting.StatementContents.GetValueOrDefault(command.Statement)
            ?? throw new StreamNotFound("Statement", StatementRecord.IdOf(meeting.Id, command.Statement));
        if (meeting.WithdrawnStatements.Contains(command.Statement))
        {
            throw new DomainRuleViolation($"Statement '{StatementRecord.IdOf(meeting.Id, command.Statement)}' was withdrawn; a withdrawn statement is not corrected.");
        }

        var corrected = new StatementContent(
            command.Speaker ?? current.Speaker,
            command.Clears("onBehalfOf") ? null : command.OnBehalfOf ?? current.OnBehalfOf,
            command.Issues ?? current.Issues,
            command.Summary?.Trim() ?? current.Summary,
            command.Language ?? current.Language,
            command.Clears("documentReference") ? null : command.DocumentReference?.Trim() ?? current.DocumentReference,
            command.SaidOn is { } day ? RecordStatement.SaidOn(meeting, day, window) : current.SaidOn);
        if (corrected.Speaker == corrected.OnBehalfOf)
        {
            throw new DomainRuleViolation("A speaker does not speak on behalf of itself; clear 'onBehalfOf'.");
        }

        StatementRules.RequireParticipant(meeting, corrected.Speaker);
        if (corrected.OnBehalfOf is { } onBehalfOf)
        {
            StatementRules.RequireSpokenFor(onBehalfOf, group, corrected.Speaker, speaker, corrected.SaidOn);
        }

        StatementRules.RequireIssues(process, corrected.Issues, current.Issues);
        return Same(corrected, current)
            ? throw new DomainRuleViolation("Nothing to correct: the statement is what is already recorded.")
            : new StatementCorrected(meeting.Id, command.Statement, corrected, command.Reason.Trim());
    }

    private static bool Same(StatementContent a, StatementContent b) =>
        a with { Issues = b.Issues } == b && a.Issues.SequenceEqual(b.Issues);

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguagePattern();

    public sealed class Handler(IDocumentSession session, TimeProvider time, IConfiguration configuration) : ICommandHandler<Command, StreamWritten>
    {
        /// <summary>The group and the speaker checked are those the corrected statement will name, so they are read once the recorded statement is known.</summary>
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Meeting>(command, "Meeting", async current =>
            {
                var process = await session.LoadAsync<ProcessDetails>(current.ProcessKey, cancellationToken)
                    ?? throw new StreamNotFound("Process", current.ProcessKey);
                var recorded = current.StatementContents.GetValueOrDefault(command.Statement);
                var groupKey = command.Clears("onBehalfOf") ? null : command.OnBehalfOf ?? recorded?.OnBehalfOf;
                var group = groupKey is null ? null : await session.LoadAsync<StakeholderDetails>(groupKey, cancellationToken);
                var speakerKey = command.Speaker ?? recorded?.Speaker;
                var speaker = group is null || speakerKey is null ? null : await session.LoadAsync<StakeholderDetails>(speakerKey, cancellationToken);
                return [Decide(current, process, group, speaker, command, RecordingWindow.From(time, configuration))];
            }, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, MeetingDetails>(
                "/processes/{key}/meetings/{meeting}/statements/{statement}/correct",
                "meeting",
                (route, r, version) => new Command(
                    Meeting.KeyOf(route.Route("key"), route.Route("meeting")), version, route.Route("statement"),
                    r),
                key => new GetMeeting.Query(key))
            .WithName("CorrectStatement")
            .WithSummary("Correct how a statement was recorded")
            .WithDescription("A recording mistake, fixed with a reason; If-Match is the meeting's version. Fields left out keep what is recorded; "
                + "'clear' empties onBehalfOf or documentReference; 'issues' replaces the list ([] for none). The corrected statement obeys "
                + "the rules of a new one (registered speaker, membership of the group on the day said, issues not retired unless already addressed). "
                + "The statement's 'history' keeps every version.");
}
