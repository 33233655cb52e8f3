using Consultation.Processes;

namespace Consultation.Convergence.Areas.Dissolving;

/// <summary>Dissolve an area of convergence (a facilitator command): the claim is withdrawn; the area keeps its history and accepts nothing more.</summary>
public static class DissolveArea
{
    public sealed record Request(DateOnly? DissolvedOn, string? Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.DissolvedOn).NotNull();
            RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
        }
    }

    public sealed record Command(string StreamKey, long ExpectedVersion, Request Request) : IStreamUpdate, IFromRequest<Request>
    {
        public DateOnly DissolvedOn => Request.DissolvedOn!.Value;

        public string Reason => Request.Reason!;
    }

    public static IReadOnlyList<object> Decide(Area area, ProcessDetails process, Command command)
    {
        area.EnsureChangeable(process);
        var dissolvedOn = command.DissolvedOn;
        area.EnsureNotBeforeIdentified(dissolvedOn, "dissolved");
        return [new AreaDissolved(area.Id, dissolvedOn, command.Reason.Trim())];
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await session.UpdateAreaAsync(command, (area, process) => Decide(area, process, command), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapAreaUpdate<Request>("dissolve", (key, version, _, r) => new Command(key, version, r))
            .WithName("DissolveArea")
            .WithSummary("Dissolve an area of convergence (facilitators)")
            .WithDescription("dissolvedOn (YYYY-MM-DD): not before the area was identified. reason: why the claim is withdrawn. A dissolved area accepts nothing more.");
}
