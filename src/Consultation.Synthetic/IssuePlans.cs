namespace Consultation.Synthetic;

internal sealed record IssuePlan(int Index, string Key, string Title, string? Theme, bool Retired, ConvergenceLevel Target);

/// <summary>The issues tabled in a synthetic process, each with the convergence level its positions are drawn to reach.</summary>
internal static class IssuePlans
{
    private static readonly ConvergenceLevel[] Rotation =
    [
        ConvergenceLevel.Consensus,
        ConvergenceLevel.BroadConvergence,
        ConvergenceLevel.Emerging,
        ConvergenceLevel.Divergent,
        ConvergenceLevel.InsufficientData,
    ];

    public static readonly string[] Themes = ["mobility-pathways", "protection-and-rights", "cooperation-and-follow-up", "data-and-evidence"];

    private static readonly string[] Topics =
    [
        "remittances", "skills-recognition", "border-governance", "return-and-reintegration", "labour-mobility", "climate-mobility",
        "consular-assistance", "data-collection", "child-protection", "detention-alternatives", "family-reunification", "smuggling",
        "trafficking", "integration", "xenophobia", "diaspora", "regular-pathways", "search-and-rescue", "portability-of-benefits",
        "legal-identity",
    ];

    public static IReadOnlyList<IssuePlan> For(SyntheticOptions options, SyntheticRandom rng)
    {
        var rotation = rng.Shuffled(Rotation);
        var retiredEvery = options.Issues >= 10 ? Math.Min(17, options.Issues / 2) : int.MaxValue;
        return
        [
            .. Enumerable.Range(0, options.Issues).Select(i =>
            {
                var topic = Topics[i % Topics.Length];
                var key = string.Create(CultureInfo.InvariantCulture, $"{topic}-{i + 1:000}");
                var theme = i % 4 == 3 ? null : Themes[(i / 4) % Themes.Length];
                var title = string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(topic[0])}{topic[1..].Replace('-', ' ')} (synthetic issue {i + 1})");
                return new IssuePlan(i, key, title, theme, i % retiredEvery == retiredEvery - 1, rotation[i % rotation.Count]);
            }),
        ];
    }
}
