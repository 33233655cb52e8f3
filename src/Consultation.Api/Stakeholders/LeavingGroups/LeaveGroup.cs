using Consultation.Stakeholders.Reading;

namespace Consultation.Stakeholders.LeavingGroups;

/// <summary>A stakeholder leaves a group it belongs to; from the day it leaves it is no longer a member. The period stays in the history.</summary>
public static class LeaveGroup
{
    public sealed record Request(DateOnly? LeftOn, string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.LeftOn).NotNull();
            RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength).When(x => x.Reason is not null);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, string Group, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public DateOnly LeftOn => Request.LeftOn!.Value;

        public string? Reason => Request.Reason;
    }

    public sealed class PathValidator : AbstractValidator<Command>
    {
        public PathValidator() => RuleFor(x => x.Group).NotEmpty().Slug();
    }

    public static IReadOnlyList<object> Decide(Stakeholder member, Command command)
    {
        var leftOn = command.LeftOn;
        if (member.CurrentMembership(command.Group) is not { } current)
        {
            throw new DomainRuleViolation($"Stakeholder '{member.Id}' does not belong to '{command.Group}'; it can only leave a group it belongs to.");
        }

        return leftOn < current.JoinedOn
            ? throw new DomainRuleViolation(
                $"Stakeholder '{member.Id}' joined '{command.Group}' on {current.JoinedOn:yyyy-MM-dd}; it cannot leave before that ({leftOn:yyyy-MM-dd}).")
            : [new StakeholderLeftGroup(member.Id, command.Group, leftOn, command.Reason?.Trim())];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Stakeholder>(command, "Stakeholder", current => Decide(current, command), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, StakeholderDetails>(
                "/stakeholders/{key}/groups/{group}/leave",
                "stakeholder",
                (route, r, version) => new Command(route.Route("key"), version, route.Route("group"), r),
                key => new GetStakeholder.Query(key))
            .WithName("LeaveGroup")
            .WithSummary("Record that a stakeholder left a group or bloc")
            .WithDescription("Body: leftOn (YYYY-MM-DD, on or after the day it joined; from that day it is no longer a member), optional reason. "
                + "Requires If-Match with the member's ETag.");
}
