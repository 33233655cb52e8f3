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

    /// <summary>
    /// Words the service uses for its own streams and routes (<c>audit:exports</c>, <c>/admin/…</c>), which a process or
    /// stakeholder key must not take: stream access is scoped by a key's first segment, so a process keyed <c>audit</c>
    /// would open the audit log's own streams to whoever is assigned to it.
    /// </summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "audit", "admin", "system", "anonymous", "ui", "api", "health", "openapi", "scalar",
    };

    public static bool IsReserved(string? value) => value is not null && Reserved.Contains(value);

    public static string ReservedRule => $"'{{PropertyName}}' must not be a word the service keeps for itself ({string.Join(", ", Reserved.Order(StringComparer.Ordinal))}).";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex IsoAlpha3Pattern();
}
