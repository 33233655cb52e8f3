using Consultation.Processes.Reading;
using Consultation.Stakeholders;

namespace Consultation.Processes.CoFacilitators;

/// <summary>Appoint a co-facilitator: a person, optionally representing a registered stakeholder (their State).</summary>
public static class AppointCoFacilitator
{
    public sealed record Request(string? Facilitator, string? Name, string? Representing, DateOnly? AppointedOn);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Facilitator).NotEmpty().Slug();
            RuleFor(x => x.Name).SingleLine(TextRules.NameMaxLength);
            RuleFor(x => x.AppointedOn).NotNull();
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Facilitator => Request.Facilitator!;

        public string Name => Request.Name!;

        public string? Representing => Request.Representing;

        public DateOnly AppointedOn => Request.AppointedOn!.Value;
    }

    public static IReadOnlyList<object> Decide(Process process, Command command, bool representedStakeholderExists)
    {
        process.EnsureActive();
        process.EnsureWithin(command.AppointedOn, "An appointment");
        if (process.CoFacilitators.TryGetValue(command.Facilitator, out var existing) && existing.ReleasedOn is null)
        {
            throw new DomainRuleViolation($"'{command.Facilitator}' is already a co-facilitator of '{process.Id}'.");
        }

        if (command.Representing is not null && !representedStakeholderExists)
        {
            throw new StreamNotFound("Stakeholder", command.Representing);
        }

        return [new CoFacilitatorAppointed(process.Id, command.Facilitator, command.Name.Trim(), command.Representing, command.AppointedOn)];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var represented = command.Representing is not null
                && await session.LoadAsync<StakeholderDetails>(command.Representing, cancellationToken) is not null;
            return await session.UpdateStream<Process>(command, "Process", current => Decide(current, command, represented), cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, ProcessDetails>(
                "/processes/{key}/co-facilitators",
                "process",
                (route, r, version) => new Command(route.Route("key"), version, r),
                key => new GetProcess.Query(key))
            .WithName("AppointCoFacilitator")
            .WithSummary("Appoint a co-facilitator");
}
