using System.Globalization;

namespace Consultation.Convergence.OpinionGroups.Inference;

/// <summary>
/// Opinion groups inferred from a stakeholder × issue matrix of votes (<see cref="StanceMatrix"/>), by the method Polis
/// publishes — pure, deterministic, no I/O:
/// <list type="number">
/// <item>Stakeholders with positions on fewer than <see cref="InferenceSettings.PositionsNeeded"/> issues are left out (listed).</item>
/// <item>The map: the first two principal components of the centred votes, missing votes at the issue's mean, each
/// stakeholder pushed out by √(issues ÷ its positions) (<see cref="PrincipalComponents"/>).</item>
/// <item>Groups: k-means on the map for k = 2 … 5 (at most one fewer than the stakeholders on it), seeded
/// (<see cref="KMeans"/>); the k with the highest mean silhouette (<see cref="Silhouette"/>) wins.</item>
/// <item>No structure — one group of everyone on the map — when fewer than <see cref="InferenceSettings.MinStakeholders"/>
/// are on it, when they all vote alike, or when the best silhouette is below <see cref="InferenceSettings.SilhouetteFloor"/>.</item>
/// <item>Each group's representative issues against everyone else on the map (<see cref="RepresentativeIssues"/>; none with one group).</item>
/// </list>
/// Groups are ordered largest first (then by their first member's key) and labelled A, B, C … in that order;
/// <see cref="InferredGroups.LabelledAfter"/> carries labels over from a previous moment.
/// </summary>
public static class OpinionGroupInference
{
    public static InferredGroups Infer(StanceMatrix matrix, InferenceSettings? settings = null)
    {
        settings ??= InferenceSettings.Default;
        var needed = settings.PositionsNeeded(matrix.Issues.Count);
        var rows = new List<int>();
        var leftOut = new List<LeftOutStakeholder>();
        for (var i = 0; i < matrix.Stakeholders.Count; i++)
        {
            var positions = matrix.PositionsOf(i);
            if (positions >= needed)
            {
                rows.Add(i);
            }
            else
            {
                leftOut.Add(new LeftOutStakeholder(matrix.Stakeholders[i], positions));
            }
        }

        var map = rows.Count == 0 ? new ComponentMap([], 0, 0, 0) : PrincipalComponents.Of(matrix, rows);
        var silhouettes = new List<(Clustering Clustering, double Silhouette)>();
        string? none = null;
        if (rows.Count < settings.MinStakeholders)
        {
            none = F($"{rows.Count} stakeholder(s) with positions on at least {needed} issue(s); at least {settings.MinStakeholders} are needed to find groups");
        }
        else if (map.TotalVariance <= 1e-12)
        {
            none = F($"the {rows.Count} stakeholders on the map vote alike on every issue");
        }
        else
        {
            for (var k = settings.MinK; k <= Math.Min(settings.MaxK, rows.Count - 1); k++)
            {
                if (KMeans.Cluster(map.Points, k, settings) is { } clustering)
                {
                    silhouettes.Add((clustering, Silhouette.Of(map.Points, clustering.Assignment, k)));
                }
            }

            var top = silhouettes.OrderByDescending(s => s.Silhouette).ThenBy(s => s.Clustering.K).FirstOrDefault();
            if (top.Clustering is null)
            {
                none = F($"the {rows.Count} stakeholders on the map stand on fewer than {settings.MinK} distinct places");
            }
            else if (top.Silhouette < settings.SilhouetteFloor)
            {
                none = F($"best mean silhouette {top.Silhouette:0.###} (k = {top.Clustering.K}) < {settings.SilhouetteFloor:0.###}: no structure");
            }
        }

        var chosen = none is null ? silhouettes.OrderByDescending(s => s.Silhouette).ThenBy(s => s.Clustering.K).First() : default;
        var k2 = none is null ? chosen.Clustering.K : 1;
        var assignment = none is null ? chosen.Clustering.Assignment : new int[rows.Count];
        var reason = none ?? F($"{k2} groups: mean silhouette {chosen.Silhouette:0.###} (k = {k2}) ≥ {settings.SilhouetteFloor:0.###}");

        var representative = k2 > 1 ? RepresentativeIssues.Of(matrix, rows, assignment, k2, settings) : [[]];
        var order = Enumerable.Range(0, k2)
            .Select(g => (Group: g, Rows: Enumerable.Range(0, rows.Count).Where(i => assignment[i] == g).ToList()))
            .Where(g => g.Rows.Count > 0)
            .OrderByDescending(g => g.Rows.Count)
            .ThenBy(g => g.Rows[0])
            .ToList();
        var labelOf = new Dictionary<int, string>();
        var groups = new List<OpinionGroup>();
        foreach (var (group, members) in order)
        {
            var label = GroupLabels.Name(groups.Count);
            labelOf[group] = label;
            groups.Add(new OpinionGroup(
                label,
                [.. members.Select(i => matrix.Stakeholders[rows[i]])],
                new MapPoint(members.Average(i => map.Points[i].X), members.Average(i => map.Points[i].Y)),
                representative[group]));
        }

        return new InferredGroups(
            none is null,
            reason,
            matrix.Issues.Count,
            needed,
            groups,
            [.. rows.Select((r, i) => new PlacedStakeholder(matrix.Stakeholders[r], matrix.PositionsOf(r), map.Points[i], labelOf[assignment[i]]))],
            leftOut,
            map.FirstShare,
            map.SecondShare,
            [.. silhouettes.Select(s => new SilhouetteOfK(s.Clustering.K, s.Silhouette))],
            none is null ? k2 : null,
            none is null ? chosen.Silhouette : null);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
