using Consultation.Processes.Reading;

namespace Consultation.Processes.Phases;

/// <summary>
/// Record a phase announced for later (e.g. "negotiations in 2018"), before anyone can date its start: the year it is
/// expected in, if said, and the day it was announced. Starting it later (<see cref="StartPhase"/>) uses the same key.
/// </summary>
public static class PlanPhase
{
    public sealed record Request(string? Phase, string? Title, int? ExpectedYear, DateOnly? AnnouncedOn);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Phase).NotEmpty().Slug();
            RuleFor(x => x.Title).SingleLine(TextRules.TitleMaxLength);
            RuleFor(x => x.ExpectedYear).InclusiveBetween(1900, 2200);
            RuleFor(x => x.AnnouncedOn).NotNull();
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Phase => Request.Phase!;

        public string Title => Request.Title!;

        public int? ExpectedYear => Request.ExpectedYear;

        public DateOnly AnnouncedOn => Request.AnnouncedOn!.Value;
    }

    public static IReadOnlyList<object> Decide(Process process, Command command, DateTimeOffset now)
    {
        var announcedOn = command.AnnouncedOn;
        process.EnsureNotable(announcedOn, now, "A phase announcement");
        if (process.Phases.Any(p => p.Key == command.Phase) || process.PlannedPhases.Contains(command.Phase))
        {
            throw new DomainRuleViolation($"Process '{process.Id}' already has a phase '{command.Phase}', started or planned; phase names are unique.");
        }

        if (command.ExpectedYear is { } year && year < announcedOn.Year)
        {
            throw new DomainRuleViolation($"A phase announced on {announcedOn:yyyy-MM-dd} cannot be expected in an earlier year ({year}).");
        }

        return [new PhasePlanned(process.Id, command.Phase, command.Title.Trim(), command.ExpectedYear, announcedOn)];
    }

    public sealed class Handler(IDocumentSession session, TimeProvider time) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Process>(command, "Process", current => Decide(current, command, time.GetUtcNow()), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, ProcessDetails>(
                "/processes/{key}/phases/planned",
                "process",
                (route, r, version) => new Command(route.Route("key"), version, r),
                key => new GetProcess.Query(key))
            .WithName("PlanPhase")
            .WithSummary("Record a phase announced for later, not yet started")
            .WithDescription("phase: a slug, unique among the process's phases. expectedYear (optional): the year it is expected in, as announced. "
                + "announcedOn (YYYY-MM-DD): when it was announced. The phase is listed under 'plannedPhases' until it is started with the same key.");
}
