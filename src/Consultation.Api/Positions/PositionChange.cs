using System.Text.Json.Serialization;

namespace Consultation.Positions;

/// <summary>The body of a revision: the position's new content and why it shifted.</summary>
public sealed record PositionChange : PositionContentInput
{
    [JsonPropertyOrder(1)]
    public string? Reason { get; init; }
}

public sealed class PositionChangeValidator : AbstractValidator<PositionChange>
{
    public PositionChangeValidator()
    {
        this.AddContentRules();
        RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
    }
}
