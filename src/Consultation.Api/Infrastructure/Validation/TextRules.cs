using System.Globalization;
using System.Text;

namespace Consultation.Infrastructure.Validation;

/// <summary>Reusable FluentValidation rules for the text and keys every module accepts.</summary>
public static class TextRules
{
    public const int NameMaxLength = 200;
    public const int TitleMaxLength = 300;
    public const int ReferenceMaxLength = 200;
    public const int ReasonMaxLength = 1000;
    public const int DescriptionMaxLength = 4000;
    public const int SummaryMaxLength = 8000;

    /// <summary>
    /// The full text of something with a short title (an issue's description): a long comment or a draft paragraph as
    /// submitted, line breaks and all, not cut to fit.
    /// </summary>
    public const int FullTextMaxLength = 20_000;

    private const string InvisibleRule =
        "bidirectional embedding, override or isolate characters (U+202A–U+202E, U+2066–U+2069) or Unicode noncharacters (such as U+FFFE, U+FFFF)";

    private const string FormatRule =
        "invisible formatting characters (Unicode category Cf, such as U+200B zero width space, U+2060 word joiner, U+FEFF, U+00AD soft hyphen); "
        + "the marks U+200E, U+200F, U+061C and the joiners U+200C, U+200D that scripts and emoji need are allowed";

    /// <summary>Required single-line text (names, titles, references): no control or invisible formatting characters, bounded length.</summary>
    public static IRuleBuilderOptions<T, string?> SingleLine<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.NotEmpty()
            .MaximumLength(maxLength)
            .Must(value => value is null || !value.Any(char.IsControl))
            .WithMessage("'{PropertyName}' must be a single line without control characters.")
            .Must(value => value is null || !HasInvisibleTrickery(value))
            .WithMessage($"'{{PropertyName}}' must not contain {InvisibleRule}.")
            .Must(value => value is null || !HasInvisibleFormatting(value))
            .WithMessage($"'{{PropertyName}}' must not contain {FormatRule}.");

    /// <summary>
    /// A required short title (one line, at most <see cref="TitleMaxLength"/>) beside a full text: a title too long or
    /// spanning lines is refused saying where the full text goes (<paramref name="fullTextField"/>).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> ShortTitle<T>(this IRuleBuilder<T, string?> rule, string fullTextField) =>
        rule.NotEmpty()
            .MaximumLength(TitleMaxLength)
            .WithMessage($"'{{PropertyName}}' must be one line of at most {TitleMaxLength} characters (this one has {{TotalLength}}); put the full text in '{fullTextField}'.")
            .Must(value => value is null || !value.Any(char.IsControl))
            .WithMessage($"'{{PropertyName}}' must be a single line without control characters; put the full text, with its line breaks, in '{fullTextField}'.")
            .Must(value => value is null || !HasInvisibleTrickery(value))
            .WithMessage($"'{{PropertyName}}' must not contain {InvisibleRule}.")
            .Must(value => value is null || !HasInvisibleFormatting(value))
            .WithMessage($"'{{PropertyName}}' must not contain {FormatRule}.");

    /// <summary>Required free text (may span lines): no other control characters, bounded length.</summary>
    public static IRuleBuilderOptions<T, string?> FreeText<T>(this IRuleBuilder<T, string?> rule, int maxLength) =>
        rule.NotEmpty()
            .MaximumLength(maxLength)
            .Must(value => value is null || !value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
            .WithMessage("'{PropertyName}' must not contain control characters other than line breaks and tabs.")
            .Must(value => value is null || !HasInvisibleTrickery(value))
            .WithMessage($"'{{PropertyName}}' must not contain {InvisibleRule}.");

    /// <summary>
    /// Characters that change how the record reads without being seen (bidirectional overrides can make an exported or
    /// displayed statement read differently from what is stored), and noncharacters, which have no place in interchanged text.
    /// Left-to-right and right-to-left marks (U+200E, U+200F), which mixed Arabic and Latin text needs, stay allowed.
    /// </summary>
    public static bool HasInvisibleTrickery(string value) =>
        value.Any(c => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
        || value.EnumerateRunes().Any(r => (r.Value & 0xFFFE) == 0xFFFE || r.Value is >= 0xFDD0 and <= 0xFDEF);

    /// <summary>
    /// Format characters (category Cf) in a short text make two names that look the same differ (a zero width space in a
    /// reference defeats every search for it). Kept: the directional marks mixed Arabic and Latin text needs, and the zero
    /// width (non-)joiners Persian, Indic scripts and emoji sequences need.
    /// </summary>
    public static bool HasInvisibleFormatting(string value) =>
        value.EnumerateRunes().Any(r =>
            Rune.GetUnicodeCategory(r) == UnicodeCategory.Format && r.Value is not (0x200C or 0x200D or 0x200E or 0x200F or 0x061C));

    public static IRuleBuilderOptions<T, string?> Slug<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(StreamKeys.IsSlug).WithMessage($"'{{PropertyName}}' must be {StreamKeys.SlugRule}, at most {StreamKeys.MaxSlugLength} characters.");

    /// <summary>A key a record of its own can take: not one of <see cref="StreamKeys.Reserved"/>.</summary>
    public static IRuleBuilderOptions<T, string?> NotReserved<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(value => !StreamKeys.IsReserved(value)).WithMessage(StreamKeys.ReservedRule);

    /// <summary>A value naming a member of <typeparamref name="TEnum"/> (case-insensitive).</summary>
    public static IRuleBuilderOptions<T, string?> OneOf<T, TEnum>(this IRuleBuilder<T, string?> rule)
        where TEnum : struct, Enum =>
        rule.SetValidator(new OneOfValidator<T, TEnum>());

    public static TEnum ParseEnum<TEnum>(string value)
        where TEnum : struct, Enum => Enum.Parse<TEnum>(value, ignoreCase: true);

    public static TEnum? ParseOptionalEnum<TEnum>(string? value)
        where TEnum : struct, Enum => value is null ? null : Enum.Parse<TEnum>(value, ignoreCase: true);
}
