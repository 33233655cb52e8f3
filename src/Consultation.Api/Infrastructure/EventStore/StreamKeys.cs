using System.Text.RegularExpressions;

namespace Consultation.Infrastructure.EventStore;

/// <summary>
/// Stream keys are readable and deterministic: lowercase slug segments joined by '/'
/// (<c>gcm/stocktaking-2017</c>) or ISO 3166-1 alpha-3 codes (<c>MEX</c>).
/// </summary>
public static partial class StreamKeys
{
    public const int MaxSlugLength = 64;

    public const string SlugRule = "lowercase letters, digits and single hyphens, starting with a letter or digit (e.g. 'african-group')";

    public static bool IsSlug(string? value) =>
        value is { Length: > 0 and <= MaxSlugLength } && SlugPattern().IsMatch(value);

    public static bool IsIsoAlpha3(string? value) => value is not null && IsoAlpha3Pattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex IsoAlpha3Pattern();
}
