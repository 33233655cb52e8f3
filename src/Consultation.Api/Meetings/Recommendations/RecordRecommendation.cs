using Consultation.Meetings.Reading;

namespace Consultation.Meetings.Recommendations;

/// <summary>
/// Record a recommendation made at the meeting and where it came from (an idea lab, a panel, a stakeholder…).
/// While the meeting is open, or as a late entry within the grace period after it closed.
/// </summary>
public static class RecordRecommendation
{
    public sealed record Request(string? Text, string? From);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Text).FreeText(TextRules.DescriptionMaxLength);
            RuleFor(x => x.From).SingleLine(TextRules.TitleMaxLength);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Text => Request.Text!;

        public string From => Request.From!;
    }

    public static IReadOnlyList<object> Decide(Meeting meeting, Command command, RecordingWindow window)
    {
        var late = meeting.EnsureRecording(window, "recommendations");
        return [new RecommendationRecorded(meeting.Id, meeting.NextRecommendationId, command.Text.Trim(), command.From.Trim(), late)];
    }

    public sealed class Handler(IDocumentSession session, TimeProvider time, IConfiguration configuration) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Meeting>(
                command, "Meeting", current => Decide(current, command, RecordingWindow.From(time, configuration)), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, MeetingDetails>(
                "/processes/{key}/meetings/{meeting}/recommendations",
                "meeting",
                (route, r, version) => new Command(Meeting.KeyOf(route.Route("key"), route.Route("meeting")), version, r),
                key => new GetMeeting.Query(key))
            .WithName("RecordRecommendation")
            .WithSummary("Record a recommendation made at the meeting")
            .WithDescription("text: the recommendation; from: whom or where it came from (e.g. 'Idea lab on regular pathways'). Ids r1, r2…");
}
