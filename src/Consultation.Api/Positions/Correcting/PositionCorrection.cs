using System.Text.Json.Serialization;

namespace Consultation.Positions.Correcting;

/// <summary>
/// The body of a correction: only the fields being corrected. A field left out keeps what is recorded; an optional field
/// (conditions, quote, statement, document reference) is removed only by naming it in <see cref="Clear"/>.
/// </summary>
public sealed record PositionCorrection : PositionContentInput
{
    /// <summary>The fields a correction may clear, as the body names them.</summary>
    public static readonly IReadOnlyList<string> Clearable = ["conditions", "quote", "statement", "documentReference"];

    [JsonPropertyOrder(1)]
    public IReadOnlyList<string>? Clear { get; init; }

    [JsonPropertyOrder(2)]
    public string? Reason { get; init; }

    public bool Clears(string field) => Clear?.Contains(field, StringComparer.Ordinal) == true;

    /// <summary>The recorded content with this correction applied: what it names replaces, what it clears goes, the rest stays.</summary>
    public PositionContent ApplyTo(PositionContent recorded)
    {
        var quote = Clears("quote") ? null
            : Quote is not null ? new VerbatimQuote(Quote.Trim(), QuoteLanguage!.ToLowerInvariant())
            : QuoteLanguage is not null ? recorded.Quote is { } kept
                ? kept with { Language = QuoteLanguage.ToLowerInvariant() }
                : throw new DomainRuleViolation("'quoteLanguage' corrects the language of the recorded quote, and this position has none: send the quote with it.")
            : recorded.Quote;
        return new PositionContent(
            Stance ?? recorded.Stance,
            Clears("conditions") ? null : Conditions?.Trim() ?? recorded.Conditions,
            Summary?.Trim() ?? recorded.Summary,
            quote,
            SourceFrom(recorded.Source),
            StatedOn ?? recorded.StatedOn);
    }

    /// <summary>
    /// The source as corrected: a submission named replaces the recorded source (a statement goes with a meeting only); a
    /// meeting named, or the recorded one, keeps the recorded statement unless another is named or it is cleared.
    /// </summary>
    private PositionSource SourceFrom(PositionSource recorded)
    {
        var reference = Clears("documentReference") ? null : DocumentReference?.Trim() ?? recorded.DocumentReference;
        if (Submission is { } submission)
        {
            return new PositionSource(null, null, reference, submission);
        }

        if ((Meeting ?? recorded.Meeting) is { } meeting)
        {
            return new PositionSource(meeting, Clears("statement") ? null : Statement ?? recorded.Statement, reference);
        }

        return Statement is null
            ? recorded with { DocumentReference = reference }
            : throw new DomainRuleViolation($"This position cites {recorded.Describe()}; a 'statement' is cited with the meeting it was made at: send 'meeting' with it.");
    }

    /// <summary>The source this correction names, before the recorded one is known; null when it names none (it keeps the recorded one).</summary>
    public PositionSource? NamedSource => Submission is not null || Meeting is not null ? new PositionSource(Meeting, Statement, null, Submission) : null;
}

public sealed class PositionCorrectionValidator : AbstractValidator<PositionCorrection>
{
    public PositionCorrectionValidator()
    {
        RuleFor(x => x.Stance)
            .Must(s => s is null || Stances.IsValid(s.Value))
            .WithMessage(PositionInput.StanceRule);
        NotBlank(x => x.Conditions, "conditions");
        NotBlank(x => x.Quote, "quote");
        NotBlank(x => x.Statement, "statement");
        NotBlank(x => x.DocumentReference, "documentReference");
        RuleFor(x => x.Conditions!).FreeText(PositionInput.ConditionsMaxLength).When(x => !string.IsNullOrWhiteSpace(x.Conditions));
        RuleFor(x => x.Summary!).FreeText(TextRules.SummaryMaxLength).When(x => x.Summary is not null);
        RuleFor(x => x.Quote!).FreeText(PositionInput.QuoteMaxLength).When(x => !string.IsNullOrWhiteSpace(x.Quote));
        RuleFor(x => x.QuoteLanguage).NotEmpty().Matches(PositionInput.LanguageCode)
            .When(x => x.Quote is not null)
            .WithMessage(PositionInput.QuoteNeedsLanguage);
        RuleFor(x => x.QuoteLanguage).Matches(PositionInput.LanguageCode)
            .When(x => x.Quote is null && x.QuoteLanguage is not null)
            .WithMessage("'Quote Language' is a two-letter ISO 639-1 code (e.g. 'es').");
        this.AddSourceRules(required: false);
        RuleFor(x => x.DocumentReference!).SingleLine(TextRules.ReferenceMaxLength).When(x => !string.IsNullOrWhiteSpace(x.DocumentReference));
        RuleForEach(x => x.Clear)
            .Must(f => PositionCorrection.Clearable.Contains(f, StringComparer.Ordinal))
            .WithMessage($"'clear' names the optional fields to remove: {string.Join(", ", PositionCorrection.Clearable)}.");
        RuleFor(x => x)
            .Must(x => !GivenAndCleared(x).Any())
            .WithName("clear")
            .WithMessage(x => $"'{GivenAndCleared(x).First()}' is both given and cleared: send a new value or clear it, not both.");
        RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
    }

    private void NotBlank(System.Linq.Expressions.Expression<Func<PositionCorrection, string?>> field, string name) =>
        RuleFor(field).Must(v => v is null || !string.IsNullOrWhiteSpace(v))
            .OverridePropertyName(name)
            .WithMessage($"'{name}' is blank: leave it out to keep what is recorded, or name it in 'clear' to remove it.");

    private static IEnumerable<string> GivenAndCleared(PositionCorrection x) =>
        new (string Field, object? Value)[] { ("conditions", x.Conditions), ("quote", x.Quote), ("statement", x.Statement), ("documentReference", x.DocumentReference) }
            .Where(f => f.Value is not null && x.Clears(f.Field))
            .Select(f => f.Field);
}
