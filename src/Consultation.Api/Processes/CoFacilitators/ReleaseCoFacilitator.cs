using Consultation.Processes.Reading;

namespace Consultation.Processes.CoFacilitators;

/// <summary>Release a co-facilitator from the process, with the reason.</summary>
public static class ReleaseCoFacilitator
{
    public sealed record Request(DateOnly? ReleasedOn, string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.ReleasedOn).NotNull();
            RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, string Facilitator, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public DateOnly ReleasedOn => Request.ReleasedOn!.Value;

        public string Reason => Request.Reason!;
    }

    public static IReadOnlyList<object> Decide(Process process, Command command)
    {
        process.EnsureActive();
        if (!process.CoFacilitators.TryGetValue(command.Facilitator, out var facilitator) || facilitator.ReleasedOn is not null)
        {
            throw new StreamNotFound("Co-facilitator", $"{process.Id}/{command.Facilitator}");
        }

        var releasedOn = command.ReleasedOn;
        return releasedOn < facilitator.AppointedOn
            ? throw new DomainRuleViolation($"'{command.Facilitator}' cannot be released ({releasedOn:yyyy-MM-dd}) before being appointed ({facilitator.AppointedOn:yyyy-MM-dd}).")
            : [new CoFacilitatorReleased(process.Id, command.Facilitator, releasedOn, command.Reason.Trim())];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Process>(command, "Process", current => Decide(current, command), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, ProcessDetails>(
                "/processes/{key}/co-facilitators/{facilitator}/release",
                "process",
                (route, r, version) => new Command(route.Route("key"), version, route.Route("facilitator"), r),
                key => new GetProcess.Query(key))
            .WithName("ReleaseCoFacilitator")
            .WithSummary("Release a co-facilitator");
}
