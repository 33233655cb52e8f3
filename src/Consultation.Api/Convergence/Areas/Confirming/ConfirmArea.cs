using Consultation.Processes;

namespace Consultation.Convergence.Areas.Confirming;

/// <summary>
/// Confirm an area of convergence in a draft text (a facilitator command): the document and paragraph that carry its
/// language. Only an affirmed area is confirmed — a claim made once at a meeting is affirmed at a later one before it is
/// written into a draft — and it may be confirmed again in later drafts.
/// </summary>
public static class ConfirmArea
{
    public sealed record Request(string? DocumentReference, string? Paragraph, DateOnly? ConfirmedOn);

    public const int ParagraphMaxLength = 50;

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.DocumentReference).SingleLine(TextRules.ReferenceMaxLength);
            RuleFor(x => x.Paragraph).SingleLine(ParagraphMaxLength);
            RuleFor(x => x.ConfirmedOn).NotNull();
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string DocumentReference => Request.DocumentReference!;

        public string Paragraph => Request.Paragraph!;

        public DateOnly ConfirmedOn => Request.ConfirmedOn!.Value;
    }

    public static IReadOnlyList<object> Decide(Area area, ProcessDetails process, Command command)
    {
        area.EnsureChangeable(process);
        if (area.Status == AreaStatus.Identified)
        {
            throw new DomainRuleViolation(
                $"Area '{area.Id}' has not been affirmed; affirm it at a later meeting before confirming it in a draft text.");
        }

        var document = command.DocumentReference.Trim();
        var paragraph = command.Paragraph.Trim();
        if (area.Confirmations.Contains((document, paragraph)))
        {
            throw new DomainRuleViolation($"Area '{area.Id}' is already confirmed in {document}, paragraph {paragraph}.");
        }

        var confirmedOn = command.ConfirmedOn;
        if (confirmedOn < area.LastMeetingDate)
        {
            throw new DomainRuleViolation(
                $"Area '{area.Id}' was last affirmed on {area.LastMeetingDate:yyyy-MM-dd}; it cannot be confirmed in a draft text on {confirmedOn:yyyy-MM-dd}.");
        }

        return [new AreaConfirmedInText(area.Id, document, paragraph, confirmedOn)];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateAreaAsync(command, (area, process) => Decide(area, process, command), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapAreaUpdate<Request>("confirm", (key, version, _, r) => new Command(key, version, r))
            .WithName("ConfirmAreaInText")
            .WithSummary("Confirm an area of convergence in a draft text (facilitators)")
            .WithDescription("Only an affirmed area. documentReference: the draft (e.g. 'Zero draft, 5 February 2018'). paragraph: e.g. '15' or '15(c)'. "
                + "confirmedOn (YYYY-MM-DD): not before the last affirmation. The same document and paragraph are recorded once.");
}
