using Consultation.Stakeholders.Reading;

namespace Consultation.Stakeholders.JoiningGroups;

/// <summary>
/// A stakeholder joins a group or bloc (or an organization with members, such as the EU) on a date.
/// Membership is a list of periods: a stakeholder may leave and rejoin later.
/// </summary>
public static class JoinGroup
{
    public sealed record Request(string? Group, DateOnly? JoinedOn, string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Group).NotEmpty().Slug();
            RuleFor(x => x.JoinedOn).NotNull();
            RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength).When(x => x.Reason is not null);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Group => Request.Group!;

        public DateOnly JoinedOn => Request.JoinedOn!.Value;

        public string? Reason => Request.Reason;
    }

    /// <param name="member">The joining stakeholder as its stream stands.</param>
    /// <param name="groupKind">The kind of the stakeholder named as the group (null: no such stakeholder).</param>
    /// <param name="command">The validated command.</param>
    public static IReadOnlyList<object> Decide(Stakeholder member, StakeholderKind? groupKind, Command command)
    {
        var group = command.Group;
        var joinedOn = command.JoinedOn;
        if (group == member.Id)
        {
            throw new DomainRuleViolation($"Stakeholder '{member.Id}' cannot join itself.");
        }

        if (groupKind is not { } kind)
        {
            throw new StreamNotFound("Group", group);
        }

        if (!kind.HasMembers())
        {
            throw new DomainRuleViolation(
                $"'{group}' is registered as {kind}; only a {StakeholderKind.GroupOrBloc} or an {StakeholderKind.IntergovernmentalOrganization} has members.");
        }

        if (member.CurrentMembership(group) is { } current)
        {
            throw new DomainRuleViolation($"Stakeholder '{member.Id}' has belonged to '{group}' since {current.JoinedOn:yyyy-MM-dd}; it must leave before it can rejoin.");
        }

        if (member.LastLeft(group) is { } lastLeft && joinedOn < lastLeft)
        {
            throw new DomainRuleViolation(
                $"Stakeholder '{member.Id}' left '{group}' on {lastLeft:yyyy-MM-dd}; it cannot rejoin before that ({joinedOn:yyyy-MM-dd}): membership periods do not overlap.");
        }

        return [new StakeholderJoinedGroup(member.Id, group, joinedOn, command.Reason?.Trim())];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            // A stakeholder's kind never changes and keys are never reused, so the group's read model is a safe basis for the decision.
            var group = await session.LoadAsync<StakeholderDetails>(command.Group, cancellationToken);
            return await session.UpdateStream<Stakeholder>(command, "Stakeholder", current => Decide(current, group?.Kind, command), cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, StakeholderDetails>(
                "/stakeholders/{key}/groups",
                "stakeholder",
                (route, r, version) => new Command(route.Route("key"), version, r),
                key => new GetStakeholder.Query(key))
            .WithName("JoinGroup")
            .WithSummary("Record that a stakeholder joined a group or bloc")
            .WithDescription("Body: group (the key of a GroupOrBloc or IntergovernmentalOrganization stakeholder), joinedOn (YYYY-MM-DD), optional reason. "
                + "Requires If-Match with the member's ETag. A stakeholder cannot join itself, nor a group it belongs to; it may rejoin after leaving.");
}
