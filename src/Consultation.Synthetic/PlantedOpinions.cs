using Consultation.Convergence.OpinionGroups.Inference;

namespace Consultation.Synthetic;

/// <summary>
/// Stance matrices with known structure, without a store: for the inference's tests and its benchmark. Planted: each group has a stance of its own on every
/// issue (drawn −2 … +2); each member holds its group's stance with probability <c>fidelity</c>, else a stance drawn at
/// random, on each issue it has a position on (with probability <c>coverage</c>). Noise: every stance drawn at random.
/// </summary>
public static class PlantedOpinions
{
    public sealed record Planted(StanceMatrix Matrix, IReadOnlyDictionary<string, string> Truth, IReadOnlyList<StanceCell> Cells);

    public static Planted Groups(int seed, int groups, int perGroup, int issues, double fidelity = 0.8, double coverage = 0.7)
    {
        var random = new Random(seed);
        var profile = Enumerable.Range(0, groups).Select(_ => Enumerable.Range(0, issues).Select(_ => random.Next(-2, 3)).ToArray()).ToArray();
        var cells = new List<StanceCell>();
        var truth = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var g = 0; g < groups; g++)
        {
            for (var m = 0; m < perGroup; m++)
            {
                // Keys interleave the groups, so that key order says nothing about the planted group.
                var key = $"S{(m * groups) + g:D4}";
                truth[key] = $"planted-{g}";
                for (var j = 0; j < issues; j++)
                {
                    if (random.NextDouble() < coverage)
                    {
                        cells.Add(new StanceCell(key, $"issue-{j:D4}", random.NextDouble() < fidelity ? profile[g][j] : random.Next(-2, 3)));
                    }
                }
            }
        }

        return new Planted(StanceMatrix.Of(cells), truth, cells);
    }

    public static StanceMatrix Noise(int seed, int stakeholders, int issues, double coverage = 0.7)
    {
        var random = new Random(seed);
        var cells = new List<StanceCell>();
        for (var s = 0; s < stakeholders; s++)
        {
            for (var j = 0; j < issues; j++)
            {
                if (random.NextDouble() < coverage)
                {
                    cells.Add(new StanceCell($"S{s:D4}", $"issue-{j:D4}", random.Next(-2, 3)));
                }
            }
        }

        return StanceMatrix.Of(cells);
    }
}
