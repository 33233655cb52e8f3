using Consultation.Stakeholders.Reading;

namespace Consultation.Stakeholders.EndingAccreditations;

/// <summary>
/// A stakeholder's accreditation to a process ends: from that day on it is no longer entitled to take part (its positions
/// are refused and not measured from then). The period stays in the history; it may be accredited again from that day.
/// </summary>
public static class EndAccreditation
{
    public sealed record Request(DateOnly? EndedOn, string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.EndedOn).NotNull();
            RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, string Process, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public DateOnly EndedOn => Request.EndedOn!.Value;

        public string Reason => Request.Reason!;
    }

    public sealed class PathValidator : AbstractValidator<Command>
    {
        public PathValidator() => RuleFor(x => x.Process).NotEmpty().Slug();
    }

    public static IReadOnlyList<object> Decide(Stakeholder stakeholder, Command command)
    {
        var endedOn = command.EndedOn;
        if (stakeholder.CurrentAccreditation(command.Process) is not { } current)
        {
            throw new DomainRuleViolation($"Stakeholder '{stakeholder.Id}' is not accredited to process '{command.Process}'; only an accreditation in force can end.");
        }

        return endedOn <= current.AccreditedOn
            ? throw new DomainRuleViolation(
                $"Stakeholder '{stakeholder.Id}' was accredited to process '{command.Process}' on {current.AccreditedOn:yyyy-MM-dd}; the accreditation can end only after that ({endedOn:yyyy-MM-dd}).")
            : [new StakeholderAccreditationEnded(stakeholder.Id, command.Process, endedOn, command.Reason.Trim())];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Stakeholder>(command, "Stakeholder", current => Decide(current, command), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, StakeholderDetails>(
                "/stakeholders/{key}/accreditations/{process}/end",
                "stakeholder",
                (route, r, version) => new Command(route.Route("key"), version, route.Route("process"), r),
                key => new GetStakeholder.Query(key))
            .WithName("EndAccreditation")
            .WithSummary("Record that a stakeholder's accreditation to a process ended")
            .WithDescription("Body: endedOn (YYYY-MM-DD, after the day it was accredited; from that day it no longer takes part), reason. "
                + "Requires If-Match with the stakeholder's ETag. Only an accreditation in force can end (409).");
}
