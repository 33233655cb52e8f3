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
    public sealed record Command(
        string StreamKey,
        long ExpectedVersion,
        int? Stance,
        string? Conditions,
        string? Summary,
        string? Quote,
        string? QuoteLanguage,
        string? Meeting,
        string? Statement,
        string? DocumentReference,
        DateOnly? StatedOn,
        string? Reason) : IStreamUpdate, IPositionInput;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            this.AddContentRules();
            RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
        }
    }

    public static PositionCorrected Decide(Position current, Command command, PositionFacts facts)
    {
        PositionRules.RequireStanding(current);
        facts.RequireProcess(current.Process);
        var content = command.ToContent();
        facts.RequireSource(current.Process, content.Source, content.StatedOn, "The stated-on date");
        return content == current.Content
            ? throw new DomainRuleViolation("Nothing to correct: the content is what is already recorded.")
            : new PositionCorrected(current.Id, content, command.Reason!.Trim());
    }

    public sealed record Request(int? Stance, string? Conditions, string? Summary, string? Quote, string? QuoteLanguage, string? Meeting, string? Statement, string? DocumentReference, DateOnly? StatedOn, string? Reason);

    public sealed class Handler(IDocumentSession session) : StreamUpdateHandler<Position, Command>(session, "Position")
    {
        protected override async ValueTask<IReadOnlyList<object>> DecideAsync(Position current, Command command, CancellationToken cancellationToken)
        {
            var facts = await PositionFactsLoader.LoadAsync(Session, current.Process, current.Stakeholder, null, command.Meeting!, cancellationToken);
            return [Decide(current, command, facts)];
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapUpdate<Request, PositionDetails>(
                "/processes/{process}/issues/{issue}/positions/{stakeholder}/correct",
                "position",
                (route, r, version) => new Command(
                    Position.KeyFor(route.Route("process"), route.Route("issue"), route.Route("stakeholder")), version, r.Stance, r.Conditions, r.Summary, r.Quote, r.QuoteLanguage, r.Meeting, r.Statement, r.DocumentReference, r.StatedOn, r.Reason),
                key => new GetPosition.Query(key))
            .WithName("CorrectPosition")
            .WithSummary("Correct how a position was recorded (not a shift)");
}
