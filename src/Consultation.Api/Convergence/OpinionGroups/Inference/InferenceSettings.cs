namespace Consultation.Convergence.OpinionGroups.Inference;

/// <summary>
/// The documented choices of the inference (the README beside this folder says why each):
/// <list type="bullet">
/// <item><b>MinPositions 7</b> — a stakeholder enters the map with positions on at least 7 issues, or on every issue when the
/// matrix has fewer (Polis's threshold for a participant "in the conversation"); the others are listed as left out.</item>
/// <item><b>MinStakeholders 30</b> — with fewer stakeholders on the map, one group: on random stances k-means finds
/// "groups" in small samples (the best silhouette of 20 stakeholders' random stances passed 0.55 in 4 of 60 draws).</item>
/// <item><b>SilhouetteFloor 0.55</b> — below this best mean silhouette, one group (no structure) instead of 2–5 invented
/// ones: Kaufman and Rousseeuw read 0.51–0.70 as "a reasonable structure"; on random stances of 30 to 200 stakeholders the
/// best silhouette averages 0.36–0.45 and reached 0.55 once in 340 draws (the README's table).</item>
/// <item><b>K 2–5</b> — the numbers of groups tried, as Polis; the one with the highest mean silhouette wins (the smaller on a tie).</item>
/// <item><b>Seed, Restarts 10, MaxIterations 100</b> — k-means++ starts drawn from a fixed seed, the run with the lowest
/// within-group sum of squares kept: the same matrix always gives the same groups.</item>
/// <item><b>RepresentativeZ 1.2816, MaxRepresentative 5</b> — Polis's representativeness tests at 90% (one-sided), at most
/// five issues per group.</item>
/// </list>
/// </summary>
public sealed record InferenceSettings(
    int MinPositions = 7,
    int MinStakeholders = 30,
    double SilhouetteFloor = 0.55,
    int MinK = 2,
    int MaxK = 5,
    int Seed = 24,
    int Restarts = 10,
    int MaxIterations = 100,
    double RepresentativeZ = 1.2816,
    int MaxRepresentative = 5)
{
    public static readonly InferenceSettings Default = new();

    /// <summary>The positions a stakeholder needs on a matrix of <paramref name="issues"/> issues.</summary>
    public int PositionsNeeded(int issues) => Math.Max(1, Math.Min(MinPositions, issues));
}
