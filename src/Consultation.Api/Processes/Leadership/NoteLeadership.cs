using Consultation.Processes.Reading;

namespace Consultation.Processes.Leadership;

/// <summary>
/// Note who leads the process as a source says it: a role ("Co-facilitators", "President of the General Assembly") and the
/// names the source gives, none when it names nobody ("ably led by the co-facilitators"). For what a source states
/// without an appointment: appointing a co-facilitator needs a person's name and date (<c>AppointCoFacilitator</c>).
/// </summary>
public static class NoteLeadership
{
    public const int MaxNames = 10;

    public sealed record Request(string? Role, IReadOnlyList<string?>? Names, DateOnly? NotedOn);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Role).SingleLine(TextRules.NameMaxLength);
            RuleFor(x => x.Names)
                .Must(n => n is null || n.Count <= MaxNames).WithMessage($"At most {MaxNames} names.")
                .Must(n => n is null || n.Select(x => x?.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == n.Count).WithMessage("A name is listed only once.");
            RuleForEach(x => x.Names).SingleLine(TextRules.NameMaxLength);
            RuleFor(x => x.NotedOn).NotNull();
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Role => Request.Role!;

        public IReadOnlyList<string> Names => [.. (Request.Names ?? []).Select(n => n!)];

        public DateOnly NotedOn => Request.NotedOn!.Value;
    }

    public static IReadOnlyList<object> Decide(Process process, Command command, DateTimeOffset now)
    {
        var notedOn = command.NotedOn;
        process.EnsureNotable(notedOn, now, "A leadership note");
        var role = command.Role.Trim();
        var names = command.Names.Select(n => n.Trim()).ToList();
        if (process.LeadershipNoted.Contains(Process.NoteOf(role, names)))
        {
            throw new DomainRuleViolation($"Process '{process.Id}' already notes '{role}' as leading it{(names.Count == 0 ? string.Empty : " with these names")}.");
        }

        return [new ProcessLeadershipNoted(process.Id, role, names, notedOn)];
    }

    public sealed class Handler(IDocumentSession session, TimeProvider time) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Process>(command, "Process", current => Decide(current, command, time.GetUtcNow()), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, ProcessDetails>(
                "/processes/{key}/leadership",
                "process",
                (route, r, version) => new Command(route.Route("key"), version, r),
                key => new GetProcess.Query(key))
            .WithName("NoteLeadership")
            .WithSummary("Note who leads the process, as a source says it")
            .WithDescription("role: the leading role as the source names it (e.g. Co-facilitators). names (optional): the people it names, none "
                + "if it names nobody. notedOn (YYYY-MM-DD): the source's date, within the process. Appointments with a person's name "
                + "and date are co-facilitator appointments; this is for what a source states. The answer's 'leadership' lists every note.");
}
