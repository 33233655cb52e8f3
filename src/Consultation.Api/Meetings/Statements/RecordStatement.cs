using System.Text.RegularExpressions;
using Consultation.Meetings.Reading;
using Consultation.Processes;
using Consultation.Stakeholders;

namespace Consultation.Meetings.Statements;

/// <summary>
/// Record a statement: a registered participant took the floor, possibly on behalf of a group, on issues of the process.
/// While the meeting is open, or as a late entry (marked late) within the grace period after it closed.
/// </summary>
public static partial class RecordStatement
{
    public const int MaxIssues = 50;

    public sealed record Request(
        string? Speaker,
        string? OnBehalfOf,
        IReadOnlyList<string?>? Issues,
        string? Summary,
        string? Language,
        string? DocumentReference,
        DateOnly? SaidOn);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Speaker).NotEmpty().MaximumLength(StreamKeys.MaxSlugLength);
            RuleFor(x => x.OnBehalfOf!).MaximumLength(StreamKeys.MaxSlugLength).When(x => x.OnBehalfOf is not null);
            RuleFor(x => x.OnBehalfOf).NotEqual(x => x.Speaker).When(x => x.OnBehalfOf is not null)
                .WithMessage("A speaker does not speak on behalf of itself; leave 'onBehalfOf' out.");
            RuleFor(x => x.Issues)
                .Must(i => i is null || i.Count <= MaxIssues).WithMessage($"A statement addresses at most {MaxIssues} issues.")
                .Must(i => i is null || i.Distinct().Count() == i.Count).WithMessage("An issue is listed only once.");
            RuleForEach(x => x.Issues).NotEmpty().Slug();
            RuleFor(x => x.Summary).FreeText(TextRules.SummaryMaxLength);
            RuleFor(x => x.Language).NotEmpty().Matches(LanguagePattern())
                .WithMessage("'Language' must be an ISO 639-1 code of two lowercase letters (e.g. en, es, fr).");
            RuleFor(x => x.DocumentReference!).SingleLine(TextRules.ReferenceMaxLength).When(x => x.DocumentReference is not null);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Speaker => Request.Speaker!;

        public string? OnBehalfOf => Request.OnBehalfOf;

        public IReadOnlyList<string> Issues => [.. (Request.Issues ?? []).Select(i => i!)];

        public string Summary => Request.Summary!;

        public string Language => Request.Language!;

        public string? DocumentReference => Request.DocumentReference;

        public DateOnly? SaidOn => Request.SaidOn;
    }

    /// <summary>
    /// <paramref name="process"/> supplies the issues, <paramref name="group"/> the stakeholder named in
    /// <see cref="Command.OnBehalfOf"/> (null when none was named or it does not exist), <paramref name="speaker"/> the
    /// speaker's registry record (its memberships; needed only when it speaks on behalf of a group).
    /// </summary>
    public static IReadOnlyList<object> Decide(
        Meeting meeting, ProcessDetails process, StakeholderDetails? group, Command command, RecordingWindow window, StakeholderDetails? speaker = null)
    {
        var late = meeting.EnsureRecording(window, "statements");
        var speakerKey = command.Speaker;
        StatementRules.RequireParticipant(meeting, speakerKey);
        var saidOn = SaidOn(meeting, command.SaidOn, window);
        if (command.OnBehalfOf is { } onBehalfOf)
        {
            StatementRules.RequireSpokenFor(onBehalfOf, group, speakerKey, speaker, saidOn);
        }

        var issues = StatementRules.RequireIssues(process, command.Issues, []);
        return
        [
            new StatementRecorded(
                meeting.Id,
                meeting.NextStatementId,
                meeting.ProcessKey,
                speakerKey,
                command.OnBehalfOf,
                issues,
                command.Summary.Trim(),
                command.Language,
                command.DocumentReference?.Trim(),
                saidOn,
                late),
        ];
    }

    /// <summary>
    /// The day it was said: as given, within the meeting's dates; otherwise today when the meeting is under way,
    /// or the meeting's only day. For a meeting of several days recorded afterwards, the day must be given.
    /// </summary>
    internal static DateOnly SaidOn(Meeting meeting, DateOnly? given, RecordingWindow window)
    {
        var today = window.Today;
        if (given is { } day)
        {
            if (day < meeting.StartsOn || day > meeting.EndsOn)
            {
                throw new DomainRuleViolation(
                    $"Meeting '{meeting.Id}' ran from {meeting.StartsOn:yyyy-MM-dd} to {meeting.EndsOn:yyyy-MM-dd}; a statement cannot be said on {day:yyyy-MM-dd}.");
            }

            PresentMoment.RequireReached(day, window.Now, "The day the statement was said");
            return day;
        }

        if (today >= meeting.StartsOn && today <= meeting.EndsOn)
        {
            return today;
        }

        return meeting.StartsOn == meeting.EndsOn
            ? meeting.StartsOn
            : throw new DomainRuleViolation(
                $"Meeting '{meeting.Id}' ran from {meeting.StartsOn:yyyy-MM-dd} to {meeting.EndsOn:yyyy-MM-dd}; give 'saidOn', the day the statement was made.");
    }

    [GeneratedRegex("^[a-z]{2}$")]
    private static partial Regex LanguagePattern();

    public sealed class Handler(IDocumentSession session, TimeProvider time, IConfiguration configuration) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var group = command.OnBehalfOf is { } onBehalfOf ? await session.LoadAsync<StakeholderDetails>(onBehalfOf, cancellationToken) : null;
            var speaker = group is null ? null : await session.LoadAsync<StakeholderDetails>(command.Speaker, cancellationToken);
            return await session.UpdateStream<Meeting>(command, "Meeting", async current =>
            {
                var process = await session.LoadAsync<ProcessDetails>(current.ProcessKey, cancellationToken)
                    ?? throw new StreamNotFound("Process", current.ProcessKey);
                return Decide(current, process, group, command, RecordingWindow.From(time, configuration), speaker);
            }, cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, MeetingDetails>(
                "/processes/{key}/meetings/{meeting}/statements",
                "meeting",
                (route, r, version) => new Command(
                    Meeting.KeyOf(route.Route("key"), route.Route("meeting")), version, r),
                key => new GetMeeting.Query(key))
            .WithName("RecordStatement")
            .WithSummary("Record a statement made at the meeting")
            .WithDescription("Speaker: a registered participant. onBehalfOf (optional): a GroupOrBloc or IntergovernmentalOrganization the speaker was a member of on the day said. "
                + "issues: keys of open issues of the process. summary: in the secretariat's words. language: ISO 639-1 (en, es, fr…). "
                + "saidOn (YYYY-MM-DD, optional): the day it was said, within the meeting's dates. The new statement is the last of 'statements' (ids s1, s2…).");
}
