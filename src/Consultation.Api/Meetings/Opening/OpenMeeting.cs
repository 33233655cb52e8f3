using Consultation.Meetings.Reading;
using Consultation.Processes;

namespace Consultation.Meetings.Opening;

/// <summary>Open a scheduled meeting: from now on statements, findings and recommendations can be recorded.</summary>
public static class OpenMeeting
{
    /// <summary>Opening takes no data: send <c>{}</c>.</summary>
    public sealed record Request;

    public sealed record Command(string StreamKey, long ExpectedVersion) : IStreamUpdate;

    public static IReadOnlyList<object> Decide(Meeting meeting, ProcessDetails? process, Command command, DateTimeOffset now)
    {
        meeting.EnsureScheduled("be opened");
        if (process is null)
        {
            throw new StreamNotFound("Process", meeting.ProcessKey);
        }

        process.EnsureActive("be opened");
        PresentMoment.RequireReached(meeting.StartsOn, now, $"Meeting '{meeting.Id}' begins on a day that");
        return [new MeetingOpened(meeting.Id, now)];
    }

    public sealed class Handler(IDocumentSession session, TimeProvider time) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Meeting>(
                command,
                "Meeting",
                async current => Decide(current, await session.LoadAsync<ProcessDetails>(current.ProcessKey, cancellationToken), command, time.GetUtcNow()),
                cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, MeetingDetails>(
                "/processes/{key}/meetings/{meeting}/open",
                "meeting",
                (route, _, version) => new Command(Meeting.KeyOf(route.Route("key"), route.Route("meeting")), version),
                key => new GetMeeting.Query(key))
            .WithName("OpenMeeting")
            .WithSummary("Open a scheduled meeting")
            .WithDescription("Body: {}. Requires If-Match. Only a scheduled meeting of an active process opens.");
}
