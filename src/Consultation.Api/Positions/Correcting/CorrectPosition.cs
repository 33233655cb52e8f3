using Consultation.Infrastructure.Errors;
using Consultation.Infrastructure.Validation;
using FluentValidation;

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
        string? Reason) : IPositionInput;

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
}
