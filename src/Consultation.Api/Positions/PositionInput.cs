namespace Consultation.Positions;

/// <summary>
/// A position's content as a client sends it, declared once: the body of stating one (<see cref="Stating.StatePosition.Request"/>,
/// a batch item) and of revising one (<see cref="PositionChange"/>) carry all of it, a correction
/// (<see cref="Correcting.PositionCorrection"/>) the fields it changes. The records that carry it derive from it, so their JSON
/// stays flat; what they add comes before these fields (System.Text.Json writes a derived type's own properties first) unless
/// they say otherwise (<c>JsonPropertyOrder</c>).
/// </summary>
public abstract record PositionContentInput
{
    public int? Stance { get; init; }

    public string? Conditions { get; init; }

    public string? Summary { get; init; }

    public string? Quote { get; init; }

    public string? QuoteLanguage { get; init; }

    public string? Meeting { get; init; }

    public string? Submission { get; init; }

    public string? Statement { get; init; }

    public string? DocumentReference { get; init; }

    public DateOnly? StatedOn { get; init; }
}

public static class PositionInput
{
    public const int ConditionsMaxLength = 2000;
    public const int QuoteMaxLength = 4000;
    public const string StanceRule = "'Stance' runs from -2 (opposes) through -1 (reservations), 0 (neutral), +1 (supports) to +2 (strongly supports).";
    public const string QuoteNeedsLanguage = "A quote needs its language as a two-letter ISO 639-1 code (e.g. 'es').";
    public const string LanguageCode = "^[a-zA-Z]{2}$";
    public const string OneSource = "Cite where the position was expressed: 'meeting' (a meeting's slug) or 'submission' (a written submission's slug), exactly one of them.";
    public const string StatementOfMeeting = "'statement' is a statement of the meeting cited; it goes with 'meeting', not with 'submission'.";

    /// <summary>The content as recorded: trimmed, with the quote only when there is one.</summary>
    public static PositionContent ToContent(this PositionContentInput input) => new(
        input.Stance!.Value,
        string.IsNullOrWhiteSpace(input.Conditions) ? null : input.Conditions.Trim(),
        input.Summary!.Trim(),
        string.IsNullOrWhiteSpace(input.Quote) ? null : new VerbatimQuote(input.Quote.Trim(), input.QuoteLanguage!.ToLowerInvariant()),
        input.Submission is { } submission
            ? new PositionSource(null, null, string.IsNullOrWhiteSpace(input.DocumentReference) ? null : input.DocumentReference.Trim(), submission)
            : new PositionSource(input.Meeting!, input.Statement, string.IsNullOrWhiteSpace(input.DocumentReference) ? null : input.DocumentReference.Trim()),
        input.StatedOn!.Value);

    /// <summary>Validation shared by every request that carries position content.</summary>
    public static void AddContentRules<T>(this AbstractValidator<T> validator)
        where T : PositionContentInput
    {
        validator.RuleFor(x => x.Stance).NotNull()
            .Must(s => s is null || Stances.IsValid(s.Value))
            .WithMessage(StanceRule);
        validator.RuleFor(x => x.Conditions!).FreeText(ConditionsMaxLength).When(x => x.Conditions is not null);
        validator.RuleFor(x => x.Summary).FreeText(TextRules.SummaryMaxLength);
        validator.RuleFor(x => x.Quote!).FreeText(QuoteMaxLength).When(x => x.Quote is not null);
        validator.RuleFor(x => x.QuoteLanguage).NotEmpty().Matches(LanguageCode)
            .When(x => !string.IsNullOrWhiteSpace(x.Quote))
            .WithMessage(QuoteNeedsLanguage);
        validator.RuleFor(x => x.QuoteLanguage).Matches(LanguageCode)
            .When(x => string.IsNullOrWhiteSpace(x.Quote) && x.QuoteLanguage is not null)
            .WithMessage("'Quote Language' is a two-letter ISO 639-1 code (e.g. 'es'), and goes with a quote.");
        validator.AddSourceRules(required: true);
        validator.RuleFor(x => x.DocumentReference!).SingleLine(TextRules.ReferenceMaxLength).When(x => x.DocumentReference is not null);
        validator.RuleFor(x => x.StatedOn).NotNull();
    }

    /// <summary>
    /// The source's fields: a meeting or a submission, not both (and, when <paramref name="required"/>, not neither: a
    /// correction that names none keeps the recorded one), both slugs; a statement only with a meeting.
    /// </summary>
    public static void AddSourceRules<T>(this AbstractValidator<T> validator, bool required)
        where T : PositionContentInput
    {
        validator.RuleFor(x => x.Meeting!).Slug().When(x => x.Meeting is not null);
        validator.RuleFor(x => x.Submission!).Slug().When(x => x.Submission is not null);
        foreach (var field in new[] { "meeting", "submission" })
        {
            validator.RuleFor(x => x)
                .Must(x => x.Meeting is null || x.Submission is null).OverridePropertyName(field).WithMessage(OneSource);
            if (required)
            {
                validator.RuleFor(x => x)
                    .Must(x => x.Meeting is not null || x.Submission is not null).OverridePropertyName(field).WithMessage(OneSource);
            }
        }

        validator.RuleFor(x => x.Statement!).MaximumLength(100).When(x => x.Statement is not null);
        validator.RuleFor(x => x.Statement).Null().When(x => x.Submission is not null).WithMessage(StatementOfMeeting);
    }
}
