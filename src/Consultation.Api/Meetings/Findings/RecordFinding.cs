using Consultation.Meetings.Reading;
using Consultation.Stakeholders;

namespace Consultation.Meetings.Findings;

/// <summary>
/// Record a finding brought to the meeting: a figure (value, unit, source), a practice (presented by a stakeholder),
/// a perspective (whose) or a fact stated as known without a figure (optionally its source). While the meeting is open, or as a late entry within the grace period after it closed.
/// </summary>
public static class RecordFinding
{
    public const int UnitMaxLength = 50;

    public sealed record Request(string? Kind, string? Summary, decimal? Value, string? Unit, string? Source, string? PresentedBy, string? Whose);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).NotEmpty().OneOf<Request, FindingKind>();
            RuleFor(x => x.Summary).FreeText(TextRules.DescriptionMaxLength);
            When(x => KindOf(x) == FindingKind.Figure, () =>
            {
                RuleFor(x => x.Value).NotNull().WithMessage("A figure needs its 'value'.");
                RuleFor(x => x.Unit).SingleLine(UnitMaxLength);
                RuleFor(x => x.Source).SingleLine(TextRules.ReferenceMaxLength);
            }).Otherwise(() =>
            {
                RuleFor(x => x.Value).Null().WithMessage("Only a figure has a 'value'.");
                RuleFor(x => x.Unit).Null().WithMessage("Only a figure has a 'unit'.");
            });
            When(x => KindOf(x) == FindingKind.Fact, () => RuleFor(x => x.Source!).SingleLine(TextRules.ReferenceMaxLength).When(x => x.Source is not null))
                .Otherwise(() => RuleFor(x => x.Source).Null().When(x => KindOf(x) != FindingKind.Figure).WithMessage("Only a figure or a fact has a 'source'."));
            When(x => KindOf(x) == FindingKind.Practice, () =>
                    RuleFor(x => x.PresentedBy).NotEmpty().WithMessage("A practice needs 'presentedBy', the stakeholder that presented it.")
                        .MaximumLength(StreamKeys.MaxSlugLength))
                .Otherwise(() => RuleFor(x => x.PresentedBy).Null().WithMessage("Only a practice has 'presentedBy'."));
            When(x => KindOf(x) == FindingKind.Perspective, () =>
                    RuleFor(x => x.Whose).SingleLine(TextRules.NameMaxLength))
                .Otherwise(() => RuleFor(x => x.Whose).Null().WithMessage("Only a perspective has 'whose'."));
        }

        private static FindingKind? KindOf(Request request) => Enum.TryParse<FindingKind>(request.Kind, ignoreCase: true, out var kind) ? kind : null;
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public FindingKind Kind => TextRules.ParseEnum<FindingKind>(Request.Kind!);

        public string Summary => Request.Summary!;

        /// <summary>Given for a figure (and a source for a fact), refused for the other kinds.</summary>
        public decimal? Value => Request.Value;

        public string? Unit => Request.Unit;

        public string? Source => Request.Source;

        /// <summary>Given for a practice, refused for the other kinds.</summary>
        public string? PresentedBy => Request.PresentedBy;

        /// <summary>Given for a perspective, refused for the other kinds.</summary>
        public string? Whose => Request.Whose;
    }

    /// <summary><paramref name="presenter"/> is the stakeholder named in <see cref="Command.PresentedBy"/> (null when it does not exist).</summary>
    public static IReadOnlyList<object> Decide(Meeting meeting, StakeholderDetails? presenter, Command command, RecordingWindow window)
    {
        var late = meeting.EnsureRecording(window, "findings");
        var id = meeting.NextFindingId;
        var summary = command.Summary.Trim();
        // The validator requires each kind's own fields, so they are given here.
        return command.Kind switch
        {
            FindingKind.Figure => [new FigureRecorded(meeting.Id, id, summary, command.Value!.Value, command.Unit!.Trim(), command.Source!.Trim(), late)],
            FindingKind.Practice => [new PracticeRecorded(meeting.Id, id, summary, (presenter ?? throw new StreamNotFound("Stakeholder", command.PresentedBy!)).Id, late)],
            FindingKind.Perspective => [new PerspectiveRecorded(meeting.Id, id, summary, command.Whose!.Trim(), late)],
            FindingKind.Fact => [new FactRecorded(meeting.Id, id, summary, command.Source?.Trim(), late)],
            _ => throw new ArgumentException($"Unknown finding kind '{command.Kind}'.", nameof(command)),
        };
    }

    public sealed class Handler(IDocumentSession session, TimeProvider time, IConfiguration configuration) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var presenter = command.PresentedBy is { } key ? await session.LoadAsync<StakeholderDetails>(key, cancellationToken) : null;
            return await session.UpdateStream<Meeting>(
                command, "Meeting", current => Decide(current, presenter, command, RecordingWindow.From(time, configuration)), cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, MeetingDetails>(
                "/processes/{key}/meetings/{meeting}/findings",
                "meeting",
                (route, r, version) => new Command(
                    Meeting.KeyOf(route.Route("key"), route.Route("meeting")), version, r),
                key => new GetMeeting.Query(key))
            .WithName("RecordFinding")
            .WithSummary("Record a finding brought to the meeting")
            .WithDescription("kind Figure: summary, value, unit, source. kind Practice: summary, presentedBy (a stakeholder key). "
                + "kind Perspective: summary, whose. kind Fact (stated as known, without a figure): summary, source (optional). The new finding is the last of 'findings' (ids f1, f2…).");
}
