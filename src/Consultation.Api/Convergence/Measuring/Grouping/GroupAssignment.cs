using Consultation.Stakeholders;

namespace Consultation.Convergence.Measuring.Grouping;

/// <summary>
/// A grouping basis applied on the date measured: the declared group of each stakeholder, or none (ungrouped, left out of
/// the measure) — a partition, so each stakeholder counts in one group at most.
/// <list type="bullet">
/// <item><b>Regional groups</b>: a State's UN regional group, else the stakeholder's kind.</item>
/// <item><b>Kinds</b>: the stakeholder's kind.</item>
/// <item><b>Blocs</b>: the first bloc in the grouping's list that the stakeholder is a member of on that date (its
/// membership periods in the registry); a member of several listed blocs counts in the first only.</item>
/// <item><b>Custom</b>: the first group with a member period covering that date.</item>
/// </list>
/// Blocs and custom groupings put the others in a group "Ungrouped" or leave them out, as the grouping says.
/// </summary>
public sealed class GroupAssignment
{
    public const string UngroupedName = "Ungrouped";

    private readonly IReadOnlyDictionary<string, string> _declared;

    private GroupAssignment(GroupingBasis basis, IReadOnlyDictionary<string, string> declared)
    {
        Basis = basis;
        _declared = declared;
    }

    public GroupingBasis Basis { get; }

    /// <summary>Today's default: regional groups, which needs no memberships.</summary>
    public static GroupAssignment RegionalGroups { get; } = new(GroupingBasis.RegionalGroups, new Dictionary<string, string>());

    /// <summary>
    /// <paramref name="basis"/> on <paramref name="on"/>; for blocs, <paramref name="stakeholders"/> must hold every member of
    /// the listed blocs (their membership periods say who belongs on that date).
    /// </summary>
    public static GroupAssignment On(GroupingBasis basis, DateOnly on, IEnumerable<StakeholderDetails> stakeholders)
    {
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (basis.Kind)
        {
            case GroupingKind.Blocs:
                var order = (basis.Blocs ?? []).Select((bloc, i) => (bloc, i)).ToDictionary(x => x.bloc, x => x.i, StringComparer.Ordinal);
                foreach (var s in stakeholders)
                {
                    var first = s.Groups.Where(g => order.ContainsKey(g.Group) && g.Covers(on)).MinBy(g => order[g.Group]);
                    if (first is not null)
                    {
                        declared[s.Id] = first.Group;
                    }
                }

                break;
            case GroupingKind.Custom:
                foreach (var group in basis.Groups ?? [])
                {
                    foreach (var member in group.Members.Where(m => m.Covers(on)))
                    {
                        declared.TryAdd(member.Stakeholder, group.Name);
                    }
                }

                break;
        }

        return new GroupAssignment(basis, declared);
    }

    /// <summary>The stakeholder's group, or null when the grouping leaves it out.</summary>
    public (string Group, GroupBasis Basis)? Of(string stakeholder, StakeholderKind kind, RegionalGroup? regionalGroup) => Basis.Kind switch
    {
        GroupingKind.RegionalGroups => ConvergenceMeasure.GroupOf(kind, regionalGroup),
        GroupingKind.Kinds => (kind.ToString(), GroupBasis.Kind),
        _ when _declared.TryGetValue(stakeholder, out var group) => (group, Basis.Kind == GroupingKind.Blocs ? GroupBasis.Bloc : GroupBasis.Custom),
        _ when Basis.Ungrouped == UngroupedRule.OwnGroup => (UngroupedName, GroupBasis.Ungrouped),
        _ => null,
    };
}
