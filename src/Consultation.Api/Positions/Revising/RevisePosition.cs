using Consultation.Positions.Reading;
using Consultation.Positions.Writing;

namespace Consultation.Positions.Revising;

/// <summary>The stakeholder changed its position — a real shift, later in time, with the reason.</summary>
public static class RevisePosition
{
    /// <summary>Revising to the body's content (<see cref="PositionChange"/>, validated by <see cref="PositionChangeValidator"/>).</summary>
    public sealed record Command(string StreamKey, long ExpectedVersion, PositionChange Request) : IStreamUpdate, IFromRequest<PositionChange>
    {
        public PositionContent Content => Request.ToContent();

        public string Reason => Request.Reason!;
    }

    public static PositionRevised Decide(Position current, Command command, PositionFacts facts)
    {
        PositionRules.RequireStanding(current);
        facts.RequireOpenIssue(current.Process, current.Issue);
        var content = command.Content;
        facts.RequireSource(current.Process, content.Source, content.StatedOn, "The stated-on date");
        facts.RequireForChange(current, content);
        var before = current.Content!;
        if (content.StatedOn < before.StatedOn)
        {
            throw new DomainRuleViolation(
                $"A revision is a later shift: it cannot be dated ({content.StatedOn:yyyy-MM-dd}) before the position it revises ({before.StatedOn:yyyy-MM-dd}). To fix the record, correct it instead.");
        }

        if (content.Stance == before.Stance && content.Conditions == before.Conditions && content.Summary == before.Summary)
        {
            throw new DomainRuleViolation("Nothing shifted: the stance, conditions and summary are those already recorded.");
        }

        return new PositionRevised(current.Id, content, command.Reason.Trim());
    }

    public sealed class Handler(IDocumentSession session, PositionWriteSession writes) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken) =>
            await writes.UpdateAsync(session, command, _ => command.Content.Source, (current, facts) => Decide(current, command, facts), cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<PositionChange, PositionDetails>(
                "/processes/{process}/issues/{issue}/positions/{stakeholder}/revise",
                "position",
                (route, r, version) => new Command(
                    Position.KeyFor(route.Route("process"), route.Route("issue"), route.Route("stakeholder")), version, r),
                key => new GetPosition.Query(key))
            .WithName("RevisePosition")
            .WithSummary("Revise a position: the stakeholder shifted");
}
