using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Consultation.Convergence.OpinionGroups.Inference;

/// <summary>A stakeholder's place on the map: its scores on the first two principal components.</summary>
public readonly record struct MapPoint(double X, double Y);

/// <summary>The stakeholders' places on the first two components, and the share of the variance each component carries.</summary>
public sealed record ComponentMap(IReadOnlyList<MapPoint> Points, double FirstShare, double SecondShare, double TotalVariance);

/// <summary>
/// Principal components of the votes as Polis computes them: each issue's column centred on its mean over the stakeholders
/// on the map who hold a position on it; a missing vote takes the issue's mean (it is 0 once centred, so it pulls nobody
/// anywhere); the two leading components by eigendecomposition (Math.NET Numerics) of the smaller of the two cross-product
/// matrices; each stakeholder projected on them and pushed out by √(issues ÷ its positions), Polis's sparsity-aware
/// projection (mean imputation draws a stakeholder with few positions towards the centre; this undoes part of that). A
/// component's sign is fixed so that its largest issue loading is positive (the first such issue in key order).
/// </summary>
public static class PrincipalComponents
{
    public static ComponentMap Of(StanceMatrix matrix, IReadOnlyList<int> rows)
    {
        var n = rows.Count;
        var m = matrix.Issues.Count;
        var centred = Centred(matrix, rows);
        var x = Matrix<double>.Build.Dense(n, m, centred);

        // Eigenvectors of the smaller cross product: XXᵀ (stakeholders) gives the scores, XᵀX (issues) the loadings.
        var byStakeholders = n <= m;
        var cross = CrossProduct(centred, n, m, byStakeholders);
        var evd = cross.Evd(Symmetricity.Symmetric);
        var total = cross.Trace();
        var order = Enumerable.Range(0, cross.RowCount).OrderByDescending(i => evd.EigenValues[i].Real).ThenBy(i => i).ToArray();

        var scores = new double[2][];
        var shares = new double[2];
        for (var c = 0; c < 2; c++)
        {
            var value = c < order.Length ? Math.Max(0, evd.EigenValues[order[c]].Real) : 0;
            if (value <= total * 1e-12 || total <= 0)
            {
                scores[c] = new double[n];
                continue;
            }

            var vector = evd.EigenVectors.Column(order[c]);
            var loadings = byStakeholders ? x.TransposeThisAndMultiply(vector) / Math.Sqrt(value) : vector;
            var score = x * loadings;
            var sign = Sign(loadings);
            scores[c] = [.. score.Select(s => s * sign)];
            shares[c] = value / total;
        }

        var points = new MapPoint[n];
        for (var i = 0; i < n; i++)
        {
            var scale = Math.Sqrt((double)m / Math.Max(1, matrix.PositionsOf(rows[i])));
            points[i] = new MapPoint(scores[0][i] * scale, scores[1][i] * scale);
        }

        return new ComponentMap(points, shares[0], shares[1], total);
    }

    /// <summary>The centred votes of <paramref name="rows"/>, column-major, missing votes at the issue's mean (0).</summary>
    private static double[] Centred(StanceMatrix matrix, IReadOnlyList<int> rows)
    {
        var n = rows.Count;
        var m = matrix.Issues.Count;
        var values = new double[n * m];
        for (var j = 0; j < m; j++)
        {
            var sum = 0.0;
            var count = 0;
            foreach (var r in rows)
            {
                if (matrix.Votes[r][j] is var v && v != StanceMatrix.Missing)
                {
                    sum += v;
                    count++;
                }
            }

            var mean = count == 0 ? 0 : sum / count;
            for (var i = 0; i < n; i++)
            {
                var v = matrix.Votes[rows[i]][j];
                values[(j * n) + i] = v == StanceMatrix.Missing ? 0 : v - mean;
            }
        }

        return values;
    }

    /// <summary>
    /// XXᵀ (<paramref name="byStakeholders"/>) or XᵀX of the column-major <paramref name="centred"/> votes, as dot products of
    /// its rows or columns with SIMD (a product, not a decomposition: Math.NET's managed product took ten times as long on
    /// 200 × 800, and the eigendecomposition stays Math.NET's).
    /// </summary>
    private static Matrix<double> CrossProduct(double[] centred, int n, int m, bool byStakeholders)
    {
        var (count, length) = byStakeholders ? (n, m) : (m, n);
        var vectors = new double[count][];
        for (var a = 0; a < count; a++)
        {
            vectors[a] = new double[length];
            for (var b = 0; b < length; b++)
            {
                vectors[a][b] = byStakeholders ? centred[(b * n) + a] : centred[(a * n) + b];
            }
        }

        var cross = Matrix<double>.Build.Dense(count, count);
        for (var a = 0; a < count; a++)
        {
            for (var b = a; b < count; b++)
            {
                var dot = Dot(vectors[a], vectors[b]);
                cross[a, b] = dot;
                cross[b, a] = dot;
            }
        }

        return cross;
    }

    private static double Dot(double[] a, double[] b)
    {
        var width = System.Numerics.Vector<double>.Count;
        var sums = System.Numerics.Vector<double>.Zero;
        var i = 0;
        for (; i <= a.Length - width; i += width)
        {
            sums += new System.Numerics.Vector<double>(a, i) * new System.Numerics.Vector<double>(b, i);
        }

        var sum = System.Numerics.Vector.Sum(sums);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>+1 when the loading of largest magnitude (the first in issue order on a tie) is positive, else −1.</summary>
    private static double Sign(Vector<double> loadings)
    {
        var best = 0;
        for (var j = 1; j < loadings.Count; j++)
        {
            if (Math.Abs(loadings[j]) > Math.Abs(loadings[best]) + 1e-12)
            {
                best = j;
            }
        }

        return loadings.Count == 0 || loadings[best] >= 0 ? 1 : -1;
    }
}
