using Consultation.Processes.Reading;

namespace Consultation.Processes.Phases;

/// <summary>End the phase under way.</summary>
public static class EndPhase
{
    public sealed record Request(DateOnly? EndedOn);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.EndedOn).NotNull();
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, string Phase, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public DateOnly EndedOn => Request.EndedOn!.Value;
    }

    public static IReadOnlyList<object> Decide(Process process, Command command)
    {
        process.EnsureActive();
        var phase = process.Phases.FirstOrDefault(p => p.Key == command.Phase)
            ?? throw new StreamNotFound("Phase", $"{process.Id}/{command.Phase}");
        if (phase.EndedOn is { } ended)
        {
            throw new DomainRuleViolation($"Phase '{phase.Key}' already ended on {ended:yyyy-MM-dd}.");
        }

        var endedOn = command.EndedOn;
        return endedOn < phase.StartedOn
            ? throw new DomainRuleViolation($"Phase '{phase.Key}' cannot end ({endedOn:yyyy-MM-dd}) before it started ({phase.StartedOn:yyyy-MM-dd}).")
            : [new PhaseEnded(process.Id, phase.Key, endedOn)];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Process>(command, "Process", current => Decide(current, command), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, ProcessDetails>(
                "/processes/{key}/phases/{phase}/end",
                "process",
                (route, r, version) => new Command(route.Route("key"), version, route.Route("phase"), r),
                key => new GetProcess.Query(key))
            .WithName("EndPhase")
            .WithSummary("End a phase of the process");
}
