namespace Consultation.Convergence.OpinionGroups.Inference;

/// <summary>
/// The mean silhouette of a partition (Rousseeuw 1987): for each point, a = its mean distance to the other members of its
/// group, b = its mean distance to the members of the nearest other group, s = (b − a) ÷ max(a, b) (0 for a point alone in
/// its group, and where a = b = 0); the mean over every point. From −1 to 1: near 1, tight groups far apart; near 0, groups
/// that run into each other.
/// </summary>
public static class Silhouette
{
    public static double Of(IReadOnlyList<MapPoint> points, IReadOnlyList<int> assignment, int k)
    {
        var n = points.Count;
        var size = new int[k];
        foreach (var g in assignment)
        {
            size[g]++;
        }

        var total = 0.0;
        var sums = new double[k];
        for (var i = 0; i < n; i++)
        {
            Array.Clear(sums);
            for (var j = 0; j < n; j++)
            {
                if (j != i)
                {
                    sums[assignment[j]] += Math.Sqrt(KMeans.Distance2(points[i], points[j]));
                }
            }

            var own = assignment[i];
            if (size[own] <= 1)
            {
                continue;
            }

            var a = sums[own] / (size[own] - 1);
            var b = double.PositiveInfinity;
            for (var g = 0; g < k; g++)
            {
                if (g != own && size[g] > 0)
                {
                    b = Math.Min(b, sums[g] / size[g]);
                }
            }

            var max = Math.Max(a, b);
            if (!double.IsInfinity(b) && max > 0)
            {
                total += (b - a) / max;
            }
        }

        return n == 0 ? 0 : total / n;
    }
}
