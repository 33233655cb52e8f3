using Consultation.Stakeholders.Reading;

namespace Consultation.Stakeholders.Renaming;

/// <summary>Rename a stakeholder, with the reason; the previous name stays in the history.</summary>
public static class RenameStakeholder
{
    public sealed record Request(string? Name, string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Name).SingleLine(TextRules.NameMaxLength);
            RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public string Name => Request.Name!;

        public string Reason => Request.Reason!;
    }

    public static IReadOnlyList<object> Decide(Stakeholder current, Command command)
    {
        var name = command.Name.Trim();
        return name == current.Name
            ? throw new DomainRuleViolation($"Stakeholder '{command.StreamKey}' is already named '{name}'.")
            : [new StakeholderRenamed(command.StreamKey, current.Name, name, command.Reason.Trim())];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateStream<Stakeholder>(command, "Stakeholder", current => Decide(current, command), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, StakeholderDetails>(
                "/stakeholders/{key}/rename",
                "stakeholder",
                (route, r, version) => new Command(route.Route("key"), version, r),
                key => new GetStakeholder.Query(key))
            .WithName("RenameStakeholder")
            .WithSummary("Rename a stakeholder");
}
