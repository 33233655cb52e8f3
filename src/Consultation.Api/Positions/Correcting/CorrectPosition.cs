using Consultation.Infrastructure.Errors;
using Consultation.Infrastructure.Validation;
using Consultation.Infrastructure.EventStore;
using Consultation.Infrastructure.Http;
using Consultation.Positions.Reading;
using FluentValidation;
using Marten;

namespace Consultation.Positions.Correcting;

/// <summary>
/// Fix how a position was recorded (typo, wrong stance entered, wrong meeting). Not a shift: the
/// corrected content replaces what was recorded for the same moment, and shift views ignore it.
/// </summary>
public static class CorrectPosition
{
    public sealed record Command(string StreamKey, long ExpectedVersion, PositionChange Change) : IPositionChangeCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(x => x.Change).SetValidator(new PositionChangeValidator()).OverridePropertyName(string.Empty);
    }

    public static PositionCorrected Decide(Position current, Command command, PositionFacts facts)
    {
        PositionRules.RequireStanding(current);
        facts.RequireProcess(current.Process);
        var content = command.Change.ToContent();
        facts.RequireSource(current.Process, content.Source, content.StatedOn, "The stated-on date");
        facts.RequireForChange(current, content);
        return content == current.Content
            ? throw new DomainRuleViolation("Nothing to correct: the content is what is already recorded.")
            : new PositionCorrected(current.Id, content, command.Change.Reason!.Trim());
    }

    public sealed class Handler(IDocumentSession session, WrittenViews written, TimeProvider time) : PositionChangeHandler<Command>(session, written, time, Decide);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<PositionChange, PositionDetails>(
                "/processes/{process}/issues/{issue}/positions/{stakeholder}/correct",
                "position",
                (route, r, version) => new Command(
                    Position.KeyFor(route.Route("process"), route.Route("issue"), route.Route("stakeholder")), version, r),
                key => new GetPosition.Query(key))
            .WithName("CorrectPosition")
            .WithSummary("Correct how a position was recorded (not a shift)");
}
