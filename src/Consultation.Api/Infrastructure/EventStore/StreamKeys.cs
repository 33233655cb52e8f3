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

    public const string StakeholderKeyRule = "'{PropertyName}' must be a stakeholder key: an ISO 3166-1 alpha-3 code (e.g. 'MEX') or a lowercase slug (e.g. 'african-group').";

    /// <summary>Stakeholders are keyed by ISO alpha-3 code (States) or slug (everyone else).</summary>
    public static bool IsStakeholderKey(string? value) => IsIsoAlpha3(value) || IsSlug(value);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex IsoAlpha3Pattern();
}
