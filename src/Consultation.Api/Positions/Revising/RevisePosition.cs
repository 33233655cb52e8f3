using Consultation.Infrastructure.Errors;
using Consultation.Infrastructure.Validation;
using Consultation.Infrastructure.EventStore;
using Consultation.Infrastructure.Http;
using Consultation.Positions.Reading;
using FluentValidation;
using Marten;

namespace Consultation.Positions.Revising;

/// <summary>The stakeholder changed its position — a real shift, later in time, with the reason.</summary>
public static class RevisePosition
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

    public static PositionRevised Decide(Position current, Command command, PositionFacts facts)
    {
        PositionRules.RequireStanding(current);
        facts.RequireOpenIssue(current.Process, current.Issue);
        var content = command.ToContent();
        facts.RequireSource(current.Process, content.Source, content.StatedOn, "The stated-on date");
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

        return new PositionRevised(current.Id, content, command.Reason!.Trim());
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
                "/processes/{process}/issues/{issue}/positions/{stakeholder}/revise",
                "position",
                (route, r, version) => new Command(
                    Position.KeyFor(route.Route("process"), route.Route("issue"), route.Route("stakeholder")), version, r.Stance, r.Conditions, r.Summary, r.Quote, r.QuoteLanguage, r.Meeting, r.Statement, r.DocumentReference, r.StatedOn, r.Reason),
                key => new GetPosition.Query(key))
            .WithName("RevisePosition")
            .WithSummary("Revise a position: the stakeholder shifted");
}
