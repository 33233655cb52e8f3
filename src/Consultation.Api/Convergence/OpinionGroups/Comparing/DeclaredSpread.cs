using Consultation.Convergence.OpinionGroups.Inference;

namespace Consultation.Convergence.OpinionGroups.Comparing;

/// <summary>How many of a declared group's members on the map are in one opinion group, and their share.</summary>
public sealed record OpinionShare(string OpinionGroup, int Members, double Share);

/// <summary>
/// A declared group over the opinion groups: its members on the map, how they spread, the opinion group holding more than
/// half of them (<see cref="MainOpinionGroup"/>, null when none does), and whether it <see cref="Splits"/> (its members are
/// in more than one opinion group).
/// </summary>
public sealed record DeclaredGroupSpread(string Group, int Members, IReadOnlyList<OpinionShare> Spread, string? MainOpinionGroup, bool Splits);

/// <summary>A stakeholder in another opinion group than the one most of its declared group is in.</summary>
public sealed record StakeholderApart(string Stakeholder, string DeclaredGroup, string OpinionGroup, string MainOpinionGroup);

/// <summary>The declared grouping beside the inferred one.</summary>
public sealed record DeclaredComparison(
    IReadOnlyList<DeclaredGroupSpread> Groups,
    IReadOnlyList<StakeholderApart> StandingApart,
    IReadOnlyList<string> WithoutDeclaredGroup);

/// <summary>
/// Compares the declared groups (of the grouping basis the convergence measure uses) with the inferred opinion groups, over
/// the stakeholders on the map: for each declared group, how its members spread over the opinion groups (largest share
/// first, then label); a declared group <b>splits</b> when its members are in more than one opinion group; a member
/// <b>stands apart</b> when it is outside the opinion group that holds more than half of its declared group's members (with
/// no such majority, nobody is singled out: the group is simply split). Stakeholders the basis puts in no group are listed.
/// An opinion group says how a stakeholder's recorded positions resemble others'; it never says what a stakeholder thinks
/// beyond those positions.
/// </summary>
public static class DeclaredSpread
{
    public static DeclaredComparison Of(InferredGroups inferred, IReadOnlyDictionary<string, string?> declaredOf)
    {
        var byDeclared = inferred.Stakeholders
            .GroupBy(s => declaredOf.GetValueOrDefault(s.Stakeholder))
            .ToList();
        var groups = new List<DeclaredGroupSpread>();
        var apart = new List<StakeholderApart>();
        foreach (var declared in byDeclared.Where(g => g.Key is not null).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = declared.ToList();
            var spread = members
                .GroupBy(s => s.Group)
                .Select(g => new OpinionShare(g.Key, g.Count(), (double)g.Count() / members.Count))
                .OrderByDescending(s => s.Members)
                .ThenBy(s => s.OpinionGroup, StringComparer.Ordinal)
                .ToList();
            var main = spread[0].Members * 2 > members.Count ? spread[0].OpinionGroup : null;
            groups.Add(new DeclaredGroupSpread(declared.Key!, members.Count, spread, main, spread.Count > 1));
            if (main is not null)
            {
                apart.AddRange(members.Where(s => s.Group != main).Select(s => new StakeholderApart(s.Stakeholder, declared.Key!, s.Group, main)));
            }
        }

        return new DeclaredComparison(
            groups,
            [.. apart.OrderBy(a => a.DeclaredGroup, StringComparer.Ordinal).ThenBy(a => a.Stakeholder, StringComparer.Ordinal)],
            [.. byDeclared.Where(g => g.Key is null).SelectMany(g => g).Select(s => s.Stakeholder).Order(StringComparer.Ordinal)]);
    }
}
