using Consultation.Meetings.Reading;
using Consultation.Processes;

namespace Consultation.Meetings.Scheduling;

/// <summary>Move a meeting that has not opened yet to new dates and/or a new venue, with the reason.</summary>
public static class RescheduleMeeting
{
    public sealed record Request(DateOnly? StartsOn, DateOnly? EndsOn, VenueRequest? Venue, string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x)
                .Must(x => x.StartsOn is not null || x.EndsOn is not null || x.Venue is not null)
                .WithMessage("Give new dates ('startsOn', 'endsOn'), a new 'venue', or both.")
                .OverridePropertyName("startsOn");
            RuleFor(x => x.EndsOn).GreaterThanOrEqualTo(x => x.StartsOn)
                .When(x => x.StartsOn is not null && x.EndsOn is not null)
                .WithMessage("'Ends On' cannot be before 'Starts On'.");
            this.ValidVenue(x => x.Venue);
            RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public DateOnly? StartsOn => Request.StartsOn;

        public DateOnly? EndsOn => Request.EndsOn;

        public Venue? Venue => Request.Venue?.ToVenue();

        public string Reason => Request.Reason!;
    }

    /// <summary>What is not given stays as it was (dates, venue); something must change.</summary>
    public static IReadOnlyList<object> Decide(Meeting meeting, ProcessDetails? process, Command command)
    {
        meeting.EnsureScheduled("be rescheduled");
        if (process is null)
        {
            throw new StreamNotFound("Process", meeting.ProcessKey);
        }

        process.EnsureActive("be rescheduled");
        var startsOn = command.StartsOn ?? meeting.StartsOn;
        var endsOn = command.EndsOn ?? meeting.EndsOn;
        process.EnsureDatesWithin(startsOn, endsOn);
        var venue = command.Venue ?? meeting.Venue;
        if (startsOn == meeting.StartsOn && endsOn == meeting.EndsOn && venue == meeting.Venue)
        {
            throw new DomainRuleViolation($"Meeting '{meeting.Id}' is already on these dates at this venue; nothing to reschedule.");
        }

        return [new MeetingRescheduled(meeting.Id, meeting.StartsOn, meeting.EndsOn, meeting.Venue, startsOn, endsOn, venue, command.Reason.Trim())];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Meeting>(
                command, "Meeting", async current => Decide(current, await session.LoadAsync<ProcessDetails>(current.ProcessKey, cancellationToken), command), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, MeetingDetails>(
                "/processes/{key}/meetings/{meeting}/reschedule",
                "meeting",
                (route, r, version) => new Command(Meeting.KeyOf(route.Route("key"), route.Route("meeting")), version, r),
                key => new GetMeeting.Query(key))
            .WithName("RescheduleMeeting")
            .WithSummary("Reschedule a meeting that has not opened yet")
            .WithDescription("New startsOn and/or endsOn (YYYY-MM-DD) and/or a new venue; what is left out stays as it was. A reason is required. "
                + "The earlier dates and venue stay in 'reschedulings'.");
}
