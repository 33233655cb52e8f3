using Consultation.Meetings.Reading;
using Consultation.Stakeholders;

namespace Consultation.Meetings.Registering;

/// <summary>Register a stakeholder's delegation as a participant of the meeting: once per meeting, with its role and head of delegation.</summary>
public static class RegisterParticipant
{
    public sealed record Request(string? Stakeholder, string? DelegationHead, string? Role);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Stakeholder).NotEmpty().MaximumLength(StreamKeys.MaxSlugLength);
            RuleFor(x => x.DelegationHead!).SingleLine(TextRules.NameMaxLength).When(x => x.DelegationHead is not null);
            RuleFor(x => x.Role).NotEmpty().OneOf<Request, ParticipantRole>();
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Stakeholder => Request.Stakeholder!;

        public string? DelegationHead => Request.DelegationHead;

        public ParticipantRole Role => TextRules.ParseEnum<ParticipantRole>(Request.Role!);
    }

    public static IReadOnlyList<object> Decide(Meeting meeting, StakeholderDetails? stakeholder, Command command, RecordingWindow window)
    {
        var late = meeting.EnsureRegistering(window);
        if (stakeholder is null)
        {
            throw new StreamNotFound("Stakeholder", command.Stakeholder);
        }

        if (meeting.Participants.ContainsKey(stakeholder.Id))
        {
            throw new DomainRuleViolation($"Stakeholder '{stakeholder.Id}' is already registered for meeting '{meeting.Id}'; a stakeholder registers once per meeting.");
        }

        return [new ParticipantRegistered(meeting.Id, stakeholder.Id, command.DelegationHead?.Trim(), command.Role, late)];
    }

    public sealed class Handler(IDocumentSession session, TimeProvider time, IConfiguration configuration) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var stakeholder = await session.LoadAsync<StakeholderDetails>(command.Stakeholder, cancellationToken);
            return await session.UpdateStream<Meeting>(
                command, "Meeting", current => Decide(current, stakeholder, command, RecordingWindow.From(time, configuration)), cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, MeetingDetails>(
                "/processes/{key}/meetings/{meeting}/participants",
                "meeting",
                (route, r, version) => new Command(Meeting.KeyOf(route.Route("key"), route.Route("meeting")), version, r),
                key => new GetMeeting.Query(key))
            .WithName("RegisterParticipant")
            .WithSummary("Register a participant of the meeting")
            .WithDescription("Stakeholder: a key from the registry (e.g. MEX). Roles: Speaker, Observer, Chair, Panellist, Other. "
                + "Allowed until the meeting closes, then as a late entry within the grace period.");
}
