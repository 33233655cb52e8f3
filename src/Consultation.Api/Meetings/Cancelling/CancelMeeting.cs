using Consultation.Meetings.Reading;

namespace Consultation.Meetings.Cancelling;

/// <summary>Cancel a meeting that has not opened yet; nothing is recorded on it afterwards.</summary>
public static class CancelMeeting
{
    public sealed record Request(string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Reason => Request.Reason!;
    }

    public static IReadOnlyList<object> Decide(Meeting meeting, Command command, DateTimeOffset now)
    {
        meeting.EnsureScheduled("be cancelled");
        return [new MeetingCancelled(meeting.Id, command.Reason.Trim(), now)];
    }

    public sealed class Handler(IDocumentSession session, TimeProvider time) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Meeting>(command, "Meeting", current => Decide(current, command, time.GetUtcNow()), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, MeetingDetails>(
                "/processes/{key}/meetings/{meeting}/cancel",
                "meeting",
                (route, r, version) => new Command(Meeting.KeyOf(route.Route("key"), route.Route("meeting")), version, r),
                key => new GetMeeting.Query(key))
            .WithName("CancelMeeting")
            .WithSummary("Cancel a meeting that has not opened yet");
}
