namespace Consultation.Convergence.OpinionGroups.Inference;

/// <summary>An opinion group as a later moment compares with it: its label and its members.</summary>
public sealed record LabelledGroup(string Label, IReadOnlyList<string> Members);

/// <summary>
/// Labels that stay put from one moment to the next. Over the stakeholders on the map at both moments, a group takes the
/// label of a previous group when more than half of its continuing members were in that group and more than half of that
/// group's continuing members are in it — so at most one group can take a label, and a group that split evenly or merged
/// with an equal one starts afresh. Every other group, in the inference's order (largest first), takes the first label in
/// A, B, …, Z, AA, AB, … that the previous moment did not use and no group has taken. Without a previous moment the groups
/// are A, B, C … in that order.
/// </summary>
public static class GroupLabels
{
    public static IReadOnlyList<string> Assign(IReadOnlyList<IReadOnlyList<string>> groups, IReadOnlyList<LabelledGroup>? previous)
    {
        previous ??= [];
        var now = groups.SelectMany(g => g).ToHashSet(StringComparer.Ordinal);
        var before = previous.SelectMany(p => p.Members).ToHashSet(StringComparer.Ordinal);
        var labels = new string?[groups.Count];
        for (var c = 0; c < groups.Count; c++)
        {
            var continuing = groups[c].Where(before.Contains).ToHashSet(StringComparer.Ordinal);
            foreach (var p in previous)
            {
                var carried = p.Members.Where(now.Contains).ToList();
                var overlap = carried.Count(continuing.Contains);
                if (overlap * 2 > continuing.Count && overlap * 2 > carried.Count)
                {
                    labels[c] = p.Label;
                    break;
                }
            }
        }

        var used = previous.Select(p => p.Label).Concat(labels.OfType<string>()).ToHashSet(StringComparer.Ordinal);
        var next = 0;
        for (var c = 0; c < groups.Count; c++)
        {
            if (labels[c] is null)
            {
                string label;
                do
                {
                    label = Name(next++);
                }
                while (used.Contains(label));

                labels[c] = label;
                used.Add(label);
            }
        }

        return [.. labels.Select(l => l!)];
    }

    /// <summary>0 → A, 25 → Z, 26 → AA, 27 → AB …</summary>
    public static string Name(int index)
    {
        var name = string.Empty;
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }
}
