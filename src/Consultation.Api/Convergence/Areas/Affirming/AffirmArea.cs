using Consultation.Meetings;
using Consultation.Processes;

namespace Consultation.Convergence.Areas.Affirming;

/// <summary>
/// Affirm an area of convergence (a facilitator command) at a meeting later than the one it was identified or last
/// affirmed at. An area already confirmed in a draft text is not affirmed again: the next draft confirms it.
/// </summary>
public static class AffirmArea
{
    public sealed record Request(string? Meeting, DateOnly? AffirmedOn, string? Note);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Meeting).NotEmpty().Slug();
            RuleFor(x => x.AffirmedOn).NotNull();
            RuleFor(x => x.Note!).FreeText(TextRules.ReasonMaxLength).When(x => x.Note is not null);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Meeting => Request.Meeting!;

        public DateOnly AffirmedOn => Request.AffirmedOn!.Value;

        public string? Note => Request.Note;
    }

    /// <summary><paramref name="meeting"/> is the read model of the meeting named in the command (null when it does not exist).</summary>
    public static IReadOnlyList<object> Decide(Area area, ProcessDetails process, MeetingDetails? meeting, Command command)
    {
        area.EnsureChangeable(process);
        if (area.Status == AreaStatus.ConfirmedInText)
        {
            throw new DomainRuleViolation($"Area '{area.Id}' is already confirmed in a draft text; record its next confirmation instead of affirming it.");
        }

        var affirmedOn = command.AffirmedOn;
        var held = meeting.EnsureHeldOn(area.ProcessKey, command.Meeting, affirmedOn, "affirmed");
        if (held.Meeting == area.LastMeeting || held.StartsOn <= area.LastMeetingDate)
        {
            var last = area.Status == AreaStatus.Identified ? "identified" : "last affirmed";
            throw new DomainRuleViolation(
                $"Area '{area.Id}' was {last} at meeting '{area.LastMeeting}' on {area.LastMeetingDate:yyyy-MM-dd}; "
                + $"it is affirmed at a later meeting, and '{held.Meeting}' starts on {held.StartsOn:yyyy-MM-dd}.");
        }

        return [new AreaAffirmed(area.Id, held.Meeting, affirmedOn, command.Note?.Trim())];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Area>(command, "Area", async current =>
            {
                var process = await session.ProcessOfAsync(current, cancellationToken);
                var meeting = await session.LoadAsync<MeetingDetails>(Meetings.Meeting.KeyOf(current.ProcessKey, command.Meeting), cancellationToken);
                return Decide(current, process, meeting, command);
            }, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapAreaUpdate<Request>("affirm", (key, version, _, r) => new Command(key, version, r))
            .WithName("AffirmArea")
            .WithSummary("Affirm an area of convergence at a later meeting (facilitators)")
            .WithDescription("meeting: a meeting of the process, not cancelled, starting after the day the area was identified or last affirmed. "
                + "affirmedOn (YYYY-MM-DD): a day within that meeting. note (optional): the facilitator's words.");
}
