using Consultation.Meetings;
using Consultation.Processes.Reading;

namespace Consultation.Processes.Concluding;

/// <summary>Conclude the process; afterwards it accepts nothing new.</summary>
public static class ConcludeProcess
{
    public sealed record Request(DateOnly? ConcludedOn, string? Outcome);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.ConcludedOn).NotNull();
            RuleFor(x => x.Outcome!).FreeText(TextRules.DescriptionMaxLength).When(x => x.Outcome is not null);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public DateOnly ConcludedOn => Request.ConcludedOn!.Value;

        public string? Outcome => Request.Outcome;
    }

    /// <param name="process">The process as its stream stands.</param>
    /// <param name="command">The validated command.</param>
    /// <param name="unfinishedMeetings">Meetings of the process still scheduled or open.</param>
    public static IReadOnlyList<object> Decide(Process process, Command command, IReadOnlyList<string> unfinishedMeetings)
    {
        process.EnsureActive();
        var concludedOn = command.ConcludedOn;
        if (process.OpenPhase is { } open)
        {
            throw new DomainRuleViolation($"Phase '{open.Key}' is still under way; end it before concluding the process.");
        }

        if (unfinishedMeetings.Count > 0)
        {
            throw new DomainRuleViolation(
                $"Meetings are still scheduled or open: {string.Join(", ", unfinishedMeetings)}. Close or cancel them before concluding the process.");
        }

        return concludedOn < process.LatestDate
            ? throw new DomainRuleViolation($"The process cannot conclude ({concludedOn:yyyy-MM-dd}) before its last recorded date ({process.LatestDate:yyyy-MM-dd}).")
            : [new ProcessConcluded(process.Id, concludedOn, command.Outcome?.Trim())];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var unfinished = await new MeetingsOfProcess(session).Of(command.StreamKey)
                .Where(m => m.Status == MeetingStatus.Scheduled || m.Status == MeetingStatus.Open)
                .Select(m => m.Meeting)
                .ToListAsync(cancellationToken);
            return await session.UpdateStream<Process>(command, "Process", current => Decide(current, command, [.. unfinished]), cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, ProcessDetails>(
                "/processes/{key}/conclude",
                "process",
                (route, r, version) => new Command(route.Route("key"), version, r),
                key => new GetProcess.Query(key))
            .WithName("ConcludeProcess")
            .WithSummary("Conclude the process");
}
