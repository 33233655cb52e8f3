namespace Consultation.Convergence.OpinionGroups.Inference;

/// <summary>A partition of the points: the group (0 … k−1) of each, and the within-group sum of squared distances.</summary>
public sealed record Clustering(int K, IReadOnlyList<int> Assignment, double Inertia);

/// <summary>
/// k-means on the map (Lloyd's iterations from k-means++ starts, Arthur and Vassilvitskii 2007), deterministic: the starts
/// are drawn from a <see cref="Random"/> seeded with the settings' seed and k (the same sequence on every run and platform), every restart runs to convergence (or the
/// iteration limit), and the run with the lowest within-group sum of squares is kept (the first on a tie). A point
/// equidistant from two centres joins the lower-numbered one. A group left empty takes the point farthest from its centre.
/// </summary>
public static class KMeans
{
    /// <summary>The best of the restarts, or null when the points have fewer than k distinct places.</summary>
    public static Clustering? Cluster(IReadOnlyList<MapPoint> points, int k, InferenceSettings settings)
    {
        if (points.Distinct().Count() < k)
        {
            return null;
        }

        // Not HashCode.Combine: it is seeded afresh in every process.
        var random = new Random(unchecked((settings.Seed * 31) + k) & int.MaxValue);
        Clustering? best = null;
        for (var run = 0; run < Math.Max(1, settings.Restarts); run++)
        {
            var result = Run(points, Starts(points, k, random), settings.MaxIterations);
            if (best is null || result.Inertia < best.Inertia - 1e-12)
            {
                best = result;
            }
        }

        return best;
    }

    /// <summary>k-means++: the first centre uniformly, each next one with probability proportional to its squared distance to the nearest centre so far.</summary>
    private static MapPoint[] Starts(IReadOnlyList<MapPoint> points, int k, Random random)
    {
        var centres = new List<MapPoint> { points[random.Next(points.Count)] };
        var nearest = points.Select(p => Distance2(p, centres[0])).ToArray();
        while (centres.Count < k)
        {
            var total = nearest.Sum();
            var target = random.NextDouble() * total;
            var chosen = nearest.Length - 1;
            for (var i = 0; i < nearest.Length; i++)
            {
                target -= nearest[i];
                if (target < 0 && nearest[i] > 0)
                {
                    chosen = i;
                    break;
                }
            }

            if (nearest[chosen] <= 0)
            {
                chosen = Array.IndexOf(nearest, nearest.Max());
            }

            centres.Add(points[chosen]);
            for (var i = 0; i < nearest.Length; i++)
            {
                nearest[i] = Math.Min(nearest[i], Distance2(points[i], points[chosen]));
            }
        }

        return [.. centres];
    }

    private static Clustering Run(IReadOnlyList<MapPoint> points, MapPoint[] centres, int maxIterations)
    {
        var k = centres.Length;
        var assignment = new int[points.Count];
        Array.Fill(assignment, -1);
        for (var iteration = 0; iteration < Math.Max(1, maxIterations); iteration++)
        {
            var changed = false;
            for (var i = 0; i < points.Count; i++)
            {
                var group = Nearest(points[i], centres);
                if (group != assignment[i])
                {
                    assignment[i] = group;
                    changed = true;
                }
            }

            if (!changed)
            {
                break;
            }

            centres = Centres(points, assignment, centres);
        }

        var inertia = points.Select((p, i) => Distance2(p, centres[assignment[i]])).Sum();
        return new Clustering(k, assignment, inertia);
    }

    private static MapPoint[] Centres(IReadOnlyList<MapPoint> points, int[] assignment, MapPoint[] previous)
    {
        var k = previous.Length;
        var sx = new double[k];
        var sy = new double[k];
        var count = new int[k];
        for (var i = 0; i < points.Count; i++)
        {
            sx[assignment[i]] += points[i].X;
            sy[assignment[i]] += points[i].Y;
            count[assignment[i]]++;
        }

        var centres = new MapPoint[k];
        for (var g = 0; g < k; g++)
        {
            centres[g] = count[g] == 0 ? previous[g] : new MapPoint(sx[g] / count[g], sy[g] / count[g]);
        }

        for (var g = 0; g < k; g++)
        {
            if (count[g] == 0)
            {
                // The point farthest from its own centre starts the empty group again (it leaves a group of two or more).
                var far = Enumerable.Range(0, points.Count)
                    .Where(i => count[assignment[i]] > 1)
                    .OrderByDescending(i => Distance2(points[i], centres[assignment[i]]))
                    .ThenBy(i => i)
                    .First();
                count[assignment[far]]--;
                centres[g] = points[far];
                assignment[far] = g;
                count[g] = 1;
            }
        }

        return centres;
    }

    private static int Nearest(MapPoint p, MapPoint[] centres)
    {
        var best = 0;
        var bestDistance = Distance2(p, centres[0]);
        for (var g = 1; g < centres.Length; g++)
        {
            var d = Distance2(p, centres[g]);
            if (d < bestDistance)
            {
                best = g;
                bestDistance = d;
            }
        }

        return best;
    }

    public static double Distance2(MapPoint a, MapPoint b) => ((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y));
}
