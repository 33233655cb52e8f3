using Consultation.Convergence.Areas;

namespace Consultation.Synthetic;

/// <summary>One area of convergence per theme, identified at the last held meeting over the theme's converging issues.</summary>
internal static class AreaStreams
{
    public static IEnumerable<SyntheticStream> For(string process, IReadOnlyList<SyntheticIssue> issues, MeetingPlan? at)
    {
        if (at is null)
        {
            yield break;
        }

        foreach (var theme in IssuePlans.Themes)
        {
            var converging = issues
                .Where(i => i.Theme == theme && !i.Retired && i.Expected.Level is ConvergenceLevel.Consensus or ConvergenceLevel.BroadConvergence)
                .Select(i => i.Issue)
                .Take(6)
                .ToList();
            if (converging.Count == 0)
            {
                continue;
            }

            var slug = $"converging-on-{theme}";
            var key = Area.KeyOf(process, slug);
            var events = new List<object>
            {
                new AreaIdentified(key, process, slug, $"Convergence on {theme.Replace('-', ' ')} (synthetic)", "Facilitators see views coming together on these issues (synthetic).", converging, at.Slug, at.EndsOn),
            };
            var holdouts = issues
                .Where(i => converging.Contains(i.Issue))
                .SelectMany(i => i.Expected.Holdouts.Where(h => !h.Inherited).Select(h => (i.Issue, h.Stakeholder)))
                .Take(5)
                .ToList();
            if (holdouts.Count > 0)
            {
                events.Add(new DivergenceNoted(key, "d1", "Some delegations still oppose parts of this area (synthetic).", [.. holdouts.Select(h => h.Issue).Distinct()], [.. holdouts.Select(h => h.Stakeholder).Distinct()], at.EndsOn));
            }

            yield return new SyntheticStream(key, SyntheticStreamKind.Area, events);
        }
    }
}
