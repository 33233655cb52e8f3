using Consultation.Meetings.Reading;
using Consultation.Processes;

namespace Consultation.Meetings.Agenda;

/// <summary>
/// Set the meeting's agenda, or amend it (the whole agenda as amended, with a reason), until the meeting closes. Each
/// setting is an event of its own; the earlier agendas stay in the meeting's agenda history.
/// </summary>
public static class SetAgenda
{
    public sealed record Request(IReadOnlyList<AgendaItemRequest?>? Items, string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Items).NotEmpty().WithMessage("'items' needs at least one agenda item.");
            RuleFor(x => x.Items).Must(AgendaItemRequest.FitsLimit).WithMessage(AgendaItemRequest.LimitMessage);
            RuleForEach(x => x.Items).NotNull().WithMessage("An agenda item cannot be null.").SetValidator(new AgendaItemRequest.Validator()!);
            RuleFor(x => x.Reason!).FreeText(TextRules.ReasonMaxLength).When(x => x.Reason is not null);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public IReadOnlyList<AgendaItemRequest> Items => [.. Request.Items!.Select(i => i!)];

        public string? Reason => Request.Reason;
    }

    public static IReadOnlyList<object> Decide(Meeting meeting, ProcessDetails process, Command command)
    {
        meeting.EnsureNotCancelled();
        if (meeting.Status == MeetingStatus.Closed)
        {
            throw new DomainRuleViolation($"Meeting '{meeting.Id}' is closed; its agenda can be set or amended only until it closes.");
        }

        process.EnsureActive("have their agenda changed");
        var items = AgendaItemRequest.ToItems(process, command.Items);
        if (meeting.Agenda is not { } current)
        {
            return command.Reason is null
                ? [new AgendaSet(meeting.Id, items)]
                : throw new DomainRuleViolation($"Meeting '{meeting.Id}' has no agenda yet; setting the first one takes no 'reason' (amending it does).");
        }

        if (command.Reason is null)
        {
            throw new DomainRuleViolation($"Meeting '{meeting.Id}' has an agenda; amending it needs a 'reason'.");
        }

        return Same(current, items)
            ? throw new DomainRuleViolation("Nothing to amend: the agenda is what is already recorded.")
            : [new AgendaAmended(meeting.Id, items, command.Reason.Trim())];
    }

    private static bool Same(IReadOnlyList<AgendaItem> a, IReadOnlyList<AgendaItem> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Title == p.Second.Title && p.First.Description == p.Second.Description && p.First.Issues.SequenceEqual(p.Second.Issues));

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Meeting>(command, "Meeting", async current =>
            {
                var process = await session.LoadAsync<ProcessDetails>(current.ProcessKey, cancellationToken)
                    ?? throw new StreamNotFound("Process", current.ProcessKey);
                return Decide(current, process, command);
            }, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, MeetingDetails>(
                "/processes/{key}/meetings/{meeting}/agenda",
                "meeting",
                (route, r, version) => new Command(Meeting.KeyOf(route.Route("key"), route.Route("meeting")), version, r),
                key => new GetMeeting.Query(key))
            .WithName("SetAgenda")
            .WithSummary("Set or amend the meeting's agenda")
            .WithDescription("items: the whole agenda in order (1 to 50), each a title, an optional description and optional issues "
                + "(keys of issues of the process that are not retired). The first agenda takes no reason; an amendment needs one. "
                + "Until the meeting closes. The answer's 'agenda' is the agenda now, 'agendaHistory' every setting and amendment.");
}
