using Consultation.Meetings.Reading;
using Consultation.Stakeholders;

namespace Consultation.Meetings.Hosting;

/// <summary>
/// Name the stakeholder hosting the meeting (a registered stakeholder, usually the host country's government). The first
/// naming takes no reason; naming another host later needs one. Allowed whatever the meeting's status except cancelled:
/// who hosted a meeting is often recorded after it.
/// </summary>
public static class NameMeetingHost
{
    public sealed record Request(string? Stakeholder, string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Stakeholder).NotEmpty().MaximumLength(StreamKeys.MaxSlugLength);
            RuleFor(x => x.Reason!).FreeText(TextRules.ReasonMaxLength).When(x => x.Reason is not null);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Stakeholder => Request.Stakeholder!;

        public string? Reason => Request.Reason;
    }

    /// <summary>The host is <paramref name="host"/>: the stakeholder named, or null when no such stakeholder is registered.</summary>
    public static IReadOnlyList<object> Decide(Meeting meeting, StakeholderDetails? host, Command command)
    {
        meeting.EnsureNotCancelled();
        var stakeholder = (host ?? throw new StreamNotFound("Stakeholder", command.Stakeholder)).Id;
        return meeting.Host switch
        {
            null when command.Reason is not null =>
                throw new DomainRuleViolation($"Meeting '{meeting.Id}' has no host yet; naming the first takes no 'reason' (changing it does)."),
            null => [new MeetingHostNamed(meeting.Id, stakeholder, null)],
            var current when current == stakeholder => throw new DomainRuleViolation($"'{stakeholder}' is already the host of meeting '{meeting.Id}'."),
            _ when command.Reason is null => throw new DomainRuleViolation($"Meeting '{meeting.Id}' is hosted by '{meeting.Host}'; naming another host needs a 'reason'."),
            _ => [new MeetingHostNamed(meeting.Id, stakeholder, command.Reason.Trim())],
        };
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var host = await session.LoadAsync<StakeholderDetails>(command.Stakeholder, cancellationToken);
            return await session.UpdateStream<Meeting>(command, "Meeting", current => Decide(current, host, command), cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, MeetingDetails>(
                "/processes/{key}/meetings/{meeting}/host",
                "meeting",
                (route, r, version) => new Command(Meeting.KeyOf(route.Route("key"), route.Route("meeting")), version, r),
                key => new GetMeeting.Query(key))
            .WithName("NameMeetingHost")
            .WithSummary("Name the stakeholder hosting the meeting")
            .WithDescription("stakeholder: a registered stakeholder's key (usually the host country's government). The first naming takes no "
                + "reason; naming another host needs one. Any time except for a cancelled meeting. The answer's 'host' is the host now, "
                + "'hostHistory' every naming.");
}
