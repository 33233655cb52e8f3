using Consultation.Meetings.Reading;

namespace Consultation.Meetings.Closing;

/// <summary>Close an open meeting with the chair's summary, in the secretariat's words. Late entries run from this moment.</summary>
public static class CloseMeeting
{
    public sealed record Request(string? Summary);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Summary).FreeText(TextRules.SummaryMaxLength);
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Summary => Request.Summary!;
    }

    public static IReadOnlyList<object> Decide(Meeting meeting, Command command, DateTimeOffset now)
    {
        meeting.EnsureNotCancelled();
        PresentMoment.RequireReached(meeting.StartsOn, now, $"Meeting '{meeting.Id}' begins on a day that");
        return meeting.Status switch
        {
            MeetingStatus.Open => [new MeetingClosed(meeting.Id, command.Summary.Trim(), now)],
            MeetingStatus.Closed => throw new DomainRuleViolation($"Meeting '{meeting.Id}' is already closed."),
            _ => throw new DomainRuleViolation($"Meeting '{meeting.Id}' has not opened; a meeting closes only after it opened."),
        };
    }

    public sealed class Handler(IDocumentSession session, TimeProvider time) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Meeting>(command, "Meeting", current => Decide(current, command, time.GetUtcNow()), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, MeetingDetails>(
                "/processes/{key}/meetings/{meeting}/close",
                "meeting",
                (route, r, version) => new Command(Meeting.KeyOf(route.Route("key"), route.Route("meeting")), version, r),
                key => new GetMeeting.Query(key))
            .WithName("CloseMeeting")
            .WithSummary("Close an open meeting with the chair's summary")
            .WithDescription($"Statements, findings, recommendations and participants can still be added as late entries (marked late) for "
                + $"'{RecordingWindow.GraceDaysSetting}' days (default {RecordingWindow.DefaultGraceDays}) after closing.");
}
