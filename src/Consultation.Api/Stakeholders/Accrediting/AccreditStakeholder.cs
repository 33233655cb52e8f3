using Consultation.Processes;
using Consultation.Stakeholders.Reading;

namespace Consultation.Stakeholders.Accrediting;

/// <summary>Accredit a stakeholder to a consultation process that has not concluded; once at a time (again after an accreditation ended).</summary>
public static class AccreditStakeholder
{
    public sealed record Request(string? Process, DateOnly? AccreditedOn, string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Process).NotEmpty().Slug();
            RuleFor(x => x.AccreditedOn).NotNull();
            RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength).When(x => x.Reason is not null);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Process => Request.Process!;

        public DateOnly AccreditedOn => Request.AccreditedOn!.Value;

        public string? Reason => Request.Reason;
    }

    /// <param name="stakeholder">The stakeholder as its stream stands.</param>
    /// <param name="process">The process as its read model stands (null: no such process).</param>
    /// <param name="command">The validated command.</param>
    public static IReadOnlyList<object> Decide(Stakeholder stakeholder, ProcessDetails? process, Command command)
    {
        var key = command.Process;
        if (process is null)
        {
            throw new StreamNotFound("Process", key);
        }

        if (process.Status == ProcessStatus.Concluded)
        {
            throw new DomainRuleViolation($"Process '{key}' was concluded on {process.ConcludedOn:yyyy-MM-dd}; nobody can be accredited to it any more.");
        }

        if (stakeholder.CurrentAccreditation(key) is { } current)
        {
            throw new DomainRuleViolation($"Stakeholder '{stakeholder.Id}' is already accredited to process '{key}' (since {current.AccreditedOn:yyyy-MM-dd}).");
        }

        var accreditedOn = command.AccreditedOn;
        return stakeholder.LastAccreditationEnded(key) is { } ended && accreditedOn < ended
            ? throw new DomainRuleViolation(
                $"Stakeholder '{stakeholder.Id}' was accredited to process '{key}' until {ended:yyyy-MM-dd}; a new accreditation cannot start before that ({accreditedOn:yyyy-MM-dd}).")
            : [new StakeholderAccredited(stakeholder.Id, key, accreditedOn, command.Reason?.Trim())];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            // The process is another stream: a conclusion recorded between this read and the save is not seen (a narrow window, accepted).
            var process = await session.LoadAsync<ProcessDetails>(command.Process, cancellationToken);
            return await session.UpdateStream<Stakeholder>(command, "Stakeholder", current => Decide(current, process, command), cancellationToken);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, StakeholderDetails>(
                "/stakeholders/{key}/accreditations",
                "stakeholder",
                (route, r, version) => new Command(route.Route("key"), version, r),
                key => new GetStakeholder.Query(key))
            .WithName("AccreditStakeholder")
            .WithSummary("Accredit a stakeholder to a process")
            .WithDescription("Body: process (its key), accreditedOn (YYYY-MM-DD), optional reason. Requires If-Match with the stakeholder's ETag. "
                + "The process must exist (404) and not be concluded (409); accrediting while an accreditation to the process is in force, or from a date before the last one ended, is a conflict.");
}
