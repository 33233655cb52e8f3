using Consultation.Processes.Reading;

namespace Consultation.Processes.Phases;

/// <summary>Start a named phase (consultation, stocktaking, negotiation…); phases never overlap.</summary>
public static class StartPhase
{
    public sealed record Request(string? Phase, string? Title, DateOnly? StartedOn);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Phase).NotEmpty().Slug();
            RuleFor(x => x.Title).SingleLine(TextRules.TitleMaxLength);
            RuleFor(x => x.StartedOn).NotNull();
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Phase => Request.Phase!;

        public string Title => Request.Title!;

        public DateOnly StartedOn => Request.StartedOn!.Value;
    }

    public static IReadOnlyList<object> Decide(Process process, Command command)
    {
        process.EnsureActive();
        var startedOn = command.StartedOn;
        process.EnsureWithin(startedOn, "A phase start");
        if (process.Phases.Any(p => p.Key == command.Phase))
        {
            throw new DomainRuleViolation($"Process '{process.Id}' already had a phase '{command.Phase}'; phase names are unique.");
        }

        if (process.OpenPhase is { } open)
        {
            throw new DomainRuleViolation($"Phase '{open.Key}' is still under way; end it before starting '{command.Phase}' (phases do not overlap).");
        }

        if (process.Phases.LastOrDefault() is { EndedOn: { } lastEnd } last && startedOn < lastEnd)
        {
            throw new DomainRuleViolation($"Phase '{command.Phase}' cannot start ({startedOn:yyyy-MM-dd}) before phase '{last.Key}' ended ({lastEnd:yyyy-MM-dd}).");
        }

        return [new PhaseStarted(process.Id, command.Phase, command.Title.Trim(), startedOn)];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Process>(command, "Process", current => Decide(current, command), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, ProcessDetails>(
                "/processes/{key}/phases",
                "process",
                (route, r, version) => new Command(route.Route("key"), version, r),
                key => new GetProcess.Query(key))
            .WithName("StartPhase")
            .WithSummary("Start a phase of the process");
}
