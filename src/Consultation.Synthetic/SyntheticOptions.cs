using Consultation.Infrastructure.EventStore;

namespace Consultation.Synthetic;

/// <summary>
/// The size of a synthetic consultation. <see cref="Seed"/> decides everything that varies (stances, fates of positions,
/// who speaks when); the same options always give the same events. <see cref="OpinionGroups"/> (0: none; 2–5) plants
/// that many opinion groups across the declared groups (<see cref="PlantedOpinionGroups"/>).
/// </summary>
public sealed record SyntheticOptions(int Seed, int Stakeholders, int Issues, int Meetings, string? Process = null, int OpinionGroups = 0)
{
    /// <summary>As many as there are codes X + 24 letters (no K, no X) + 26 letters; 650 overran them and the 'large' scale threw.</summary>
    public const int MaxMemberStates = 624;

    /// <summary>The process key: as given, or <c>synth-{seed}</c>.</summary>
    public string ProcessKey => Process ?? $"synth-{Seed}";

    /// <summary>
    /// Named scales (approximate event counts): <c>tiny</c> ≈ 2k, <c>small</c> ≈ 12k, <c>test</c> ≈ 100k,
    /// <c>medium</c> ≈ 300k, <c>large</c> ≈ 1M.
    /// </summary>
    public static SyntheticOptions Preset(string name, int seed) => name.ToLowerInvariant() switch
    {
        "tiny" => new(seed, 60, 12, 5),
        "small" => new(seed, 150, 40, 8),
        "test" => new(seed, 580, 180, 12),
        "medium" => new(seed, 800, 350, 24),
        "large" => new(seed, 1200, 800, 40),
        _ => throw new ArgumentException($"Unknown scale '{name}': tiny, small, test, medium or large.", nameof(name)),
    };

    /// <summary>Why these options cannot be used; empty when they can.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Stakeholders is < 20 or > 5000)
        {
            problems.Add("stakeholders must be between 20 and 5000.");
        }

        if (Issues is < 5 or > 5000)
        {
            problems.Add("issues must be between 5 and 5000 (five, so that every convergence level can appear).");
        }

        if (Meetings is < 3 or > 500)
        {
            problems.Add("meetings must be between 3 and 500.");
        }

        if (OpinionGroups is not 0 and (< 2 or > 5))
        {
            problems.Add("opinion groups must be 0 (none) or between 2 and 5.");
        }

        if (!StreamKeys.IsSlug(ProcessKey) || ProcessKey.Length > 40)
        {
            problems.Add($"process '{ProcessKey}' must be a slug of at most 40 characters ({StreamKeys.SlugRule}).");
        }

        return problems;
    }
}
