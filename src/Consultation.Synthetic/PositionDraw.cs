namespace Consultation.Synthetic;

internal enum Fate
{
    Plain,
    Revised,
    Corrected,
    Withdrawn,
    WithdrawnAndRestated,
}

internal sealed record OwnPlan(FictionalStakeholder Who, Fate Fate, int First, int Second, int Third);

internal sealed record BlocPlan(FictionalStakeholder Bloc, string Speaker, int Meeting, DateOnly StatedOn);

internal sealed record IssueOutcome(
    IReadOnlyList<OwnPlan> Owners,
    IReadOnlyList<BlocPlan> Blocs,
    IReadOnlyDictionary<string, int> Final,
    IReadOnlySet<string> Conditional,
    int BlocStance,
    IssueMeasure Measure,
    IReadOnlyList<MeasuredPosition> Effective);

/// <summary>
/// Who holds a position on an issue, with which fate and final stance: drawn group by group so that the measure lands on the
/// issue's target level (the builder draws again with another sub-seed when it misses).
/// </summary>
internal static class PositionDraw
{
    public const string Conditions = "Provided that implementation stays voluntary and national circumstances are respected (synthetic).";

    public static IssueOutcome Draw(
        IssuePlan issue,
        FictionalRegistry registry,
        IReadOnlyList<MeetingPlan> held,
        IReadOnlyList<AccreditedStakeholder> accredited,
        SyntheticRandom rng,
        PlantedOpinionGroups? planted = null)
    {
        var voices = registry.Voices.ToList();
        var owners = new List<OwnPlan>();
        var blocs = new List<BlocPlan>();
        var h = held.Count;
        if (issue.Target == ConvergenceLevel.InsufficientData)
        {
            foreach (var who in rng.Shuffled(registry.States).Take(3))
            {
                owners.Add(new OwnPlan(who, Fate.Plain, rng.Next(h), 0, 0));
            }
        }
        else
        {
            var coverage = 0.55 + (0.35 * rng.NextDouble());
            foreach (var who in voices.Where(_ => rng.Chance(coverage)))
            {
                var roll = rng.NextDouble();
                var fate = h < 2 ? Fate.Plain : roll switch
                {
                    < 0.60 => Fate.Plain,
                    < 0.82 => Fate.Revised,
                    < 0.91 => Fate.Corrected,
                    < 0.95 => Fate.Withdrawn,
                    _ => Fate.WithdrawnAndRestated,
                };
                var first = fate is Fate.Revised or Fate.Withdrawn or Fate.WithdrawnAndRestated ? rng.Next(h - 1) : rng.Next(h);
                var second = first + 1 + rng.Next(h - first - 1);
                var third = second + rng.Next(h - second);
                owners.Add(new OwnPlan(who, fate, first, second, third));
            }

            foreach (var bloc in registry.Blocs.Where(_ => rng.Chance(0.35)))
            {
                var meeting = rng.Next(h);
                var day = held[meeting].StartsOn;
                var speakers = registry.States.Where(s => s.Groups.Any(g => g.Group == bloc.Key && g.Covers(day))).ToList();
                if (speakers.Count > 0)
                {
                    var speaker = rng.Pick(speakers).Key;
                    blocs.Add(new BlocPlan(bloc, speaker, meeting, held[meeting].SaidOn(speaker, bloc.Key)));
                }
            }
        }

        // Effective positions: own standing ones, else the latest bloc position the stakeholder was a member for, if it still is
        // (the measure asks about today; every synthetic departure lies in the past).
        var blocStance = issue.Target switch
        {
            ConvergenceLevel.Consensus => Stances.StronglySupports,
            ConvergenceLevel.Divergent => Stances.Opposes,
            _ => Stances.Supports,
        };
        var standing = owners.Where(o => o.Fate != Fate.Withdrawn).Select(o => o.Who.Key).ToHashSet(StringComparer.Ordinal);
        var inherited = new Dictionary<string, BlocPlan>(StringComparer.Ordinal);
        foreach (var state in registry.States.Where(s => !standing.Contains(s.Key)))
        {
            var from = blocs
                .Where(b => state.Groups.Any(g => g.Group == b.Bloc.Key && g.Covers(b.StatedOn)) && state.Groups.Any(g => g.Group == b.Bloc.Key && g.LeftOn is null))
                .OrderByDescending(b => b.StatedOn)
                .ThenBy(b => b.Bloc.Key, StringComparer.Ordinal)
                .FirstOrDefault();
            if (from is not null)
            {
                inherited[state.Key] = from;
            }
        }

        // Final stances, group by declared group: the pattern's counts, minus what inheritance already fixed.
        var final = new Dictionary<string, int>(StringComparer.Ordinal);
        var byGroup = voices
            .Where(v => standing.Contains(v.Key) || inherited.ContainsKey(v.Key))
            .GroupBy(v => ConvergenceMeasure.GroupOf(v.Kind, v.Region));
        foreach (var group in byGroup)
        {
            var members = group.ToList();
            var wanted = Pattern(issue.Target, members.Count, rng);
            foreach (var m in members.Where(m => !standing.Contains(m.Key)))
            {
                wanted.Remove(blocStance);
            }

            // The pattern is handed out from its highest stance down: with planted opinion groups, the most favourable group's members first.
            var order = rng.Shuffled(members.Where(m => standing.Contains(m.Key)));
            foreach (var m in planted is null ? order : [.. order.OrderBy(m => planted.Rank(issue, m.Key))])
            {
                var stance = wanted.Count > 0 ? wanted[^1] : Filler(issue.Target);
                if (wanted.Count > 0)
                {
                    wanted.RemoveAt(wanted.Count - 1);
                }

                final[m.Key] = stance;
            }
        }

        if (issue.Target is ConvergenceLevel.BroadConvergence or ConvergenceLevel.Emerging && !final.ContainsValue(Stances.Opposes) && final.Count > 0)
        {
            var holdout = final.Where(f => f.Value >= Stances.Supports).Select(f => f.Key).Order(StringComparer.Ordinal).FirstOrDefault();
            if (holdout is not null)
            {
                final[holdout] = Stances.Opposes;
            }
        }

        var conditional = final.Where(f => f.Value == Stances.Supports && rng.Chance(0.2)).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var measured = voices
            .Where(v => final.ContainsKey(v.Key) || inherited.ContainsKey(v.Key))
            .Select(v => final.TryGetValue(v.Key, out var stance)
                ? new MeasuredPosition(v.Key, v.Kind, v.Region, stance, conditional.Contains(v.Key) ? Conditions : null)
                : new MeasuredPosition(v.Key, v.Kind, v.Region, blocStance, null, inherited[v.Key].Bloc.Key))
            .Concat(blocs.Select(b => new MeasuredPosition(b.Bloc.Key, b.Bloc.Kind, null, blocStance)))
            .ToList();
        var measure = ConvergenceMeasure.Measure(measured, accredited);
        return new IssueOutcome(owners, blocs, final, conditional, blocStance, measure, measured);
    }

    /// <summary>The stances a declared group of <paramref name="n"/> positions should hold for a target level (as a bag; order is irrelevant).</summary>
    public static List<int> Pattern(ConvergenceLevel target, int n, SyntheticRandom rng)
    {
        var bag = new List<int>(n);
        void Add(int stance, int count) => bag.AddRange(Enumerable.Repeat(stance, Math.Max(0, count)));
        switch (target)
        {
            case ConvergenceLevel.Consensus:
                Add(Stances.Neutral, n / 10);
                break;
            case ConvergenceLevel.BroadConvergence:
                Add(Stances.Opposes, (int)(n * 0.05));
                Add(Stances.HasReservations, (int)(n * 0.10));
                Add(Stances.Neutral, (int)(n * 0.05));
                break;
            case ConvergenceLevel.Emerging:
                Add(Stances.Opposes, (int)Math.Round(n * 0.22));
                Add(Stances.HasReservations, (int)(n * 0.15));
                break;
            case ConvergenceLevel.Divergent:
                Add(Stances.Opposes, (int)Math.Ceiling(n * 0.5));
                Add(Stances.HasReservations, n - bag.Count - (int)(n * 0.2));
                break;
            default:
                break;
        }

        while (bag.Count < n)
        {
            bag.Add(target == ConvergenceLevel.Divergent ? Stances.Supports : rng.Chance(0.5) ? Stances.Supports : Stances.StronglySupports);
        }

        return rng.Shuffled(bag.Take(n)).OrderBy(s => s).ToList();
    }

    private static int Filler(ConvergenceLevel target) => target == ConvergenceLevel.Divergent ? Stances.HasReservations : Stances.Supports;
}
