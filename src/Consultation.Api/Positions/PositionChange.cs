namespace Consultation.Positions;

/// <summary>The body of a revision: the position's new content and why it shifted.</summary>
public sealed record PositionChange(
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

public sealed class PositionChangeValidator : AbstractValidator<PositionChange>
{
    public PositionChangeValidator()
    {
        this.AddContentRules();
        RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
    }
}
