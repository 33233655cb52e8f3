using Consultation.Positions.Reading;

namespace Consultation.Positions.Revising;

/// <summary>The stakeholder changed its position — a real shift, later in time, with the reason.</summary>
public static class RevisePosition
{
    public sealed record Command(string StreamKey, long ExpectedVersion, PositionChange Change) : IStreamUpdate;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(x => x.Change).SetValidator(new PositionChangeValidator()).OverridePropertyName(string.Empty);
    }

    public static PositionRevised Decide(Position current, Command command, PositionFacts facts)
    {
        PositionRules.RequireStanding(current);
        facts.RequireOpenIssue(current.Process, current.Issue);
        var content = command.Change.ToContent();
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

        return new PositionRevised(current.Id, content, command.Change.Reason!.Trim());
    }

    public sealed class Handler(IDocumentSession session, WrittenViews written, TimeProvider time) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var (stream, facts) = await PositionUpdate.FetchAsync(session, command, _ => (command.Change.Meeting!, command.Change.Statement), time.GetUtcNow(), cancellationToken);
            var updated = await session.UpdateStream(stream, command, "Position", current => [Decide(Position.From(current), command, facts)], cancellationToken);
            await WrittenPosition.KeepAsync(session, written, stream.Key!, cancellationToken);
            return updated;
        }
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
