namespace Consultation.Convergence.OpinionGroups.Inference;

/// <summary>An opinion group: its label, members (key order), the centre of its members on the map, and the issues that set it apart.</summary>
public sealed record OpinionGroup(string Label, IReadOnlyList<string> Members, MapPoint Centre, IReadOnlyList<RepresentativeIssue> Representative)
{
    public int Size => Members.Count;
}

/// <summary>A stakeholder on the map: how many positions it holds, its place, and its opinion group.</summary>
public sealed record PlacedStakeholder(string Stakeholder, int Positions, MapPoint Point, string Group);

/// <summary>A stakeholder with positions on too few issues to be placed (<see cref="InferenceSettings.MinPositions"/>).</summary>
public sealed record LeftOutStakeholder(string Stakeholder, int Positions);

/// <summary>The mean silhouette of the best k-means partition into <see cref="K"/> groups.</summary>
public sealed record SilhouetteOfK(int K, double Silhouette);

/// <summary>
/// What the inference found (<see cref="OpinionGroupInference"/>): opinion groups, or one group when there is no structure
/// to find (<see cref="Structure"/> false, <see cref="Reason"/> saying why), with everything that decided it.
/// </summary>
public sealed record InferredGroups(
    bool Structure,
    string Reason,
    int Issues,
    int PositionsNeeded,
    IReadOnlyList<OpinionGroup> Groups,
    IReadOnlyList<PlacedStakeholder> Stakeholders,
    IReadOnlyList<LeftOutStakeholder> LeftOut,
    double FirstComponentShare,
    double SecondComponentShare,
    IReadOnlyList<SilhouetteOfK> Silhouettes,
    int? ChosenK,
    double? Silhouette)
{
    /// <summary>The opinion group of a stakeholder on the map, or null.</summary>
    public string? GroupOf(string stakeholder) => Stakeholders.FirstOrDefault(s => s.Stakeholder == stakeholder)?.Group;

    /// <summary>The groups as a later moment matches them (<see cref="GroupLabels"/>).</summary>
    public IReadOnlyList<LabelledGroup> Labelled => [.. Groups.Select(g => new LabelledGroup(g.Label, g.Members))];

    /// <summary>The same groups labelled to carry over from <paramref name="previous"/> (<see cref="GroupLabels.Assign"/>).</summary>
    public InferredGroups LabelledAfter(IReadOnlyList<LabelledGroup>? previous)
    {
        var labels = GroupLabels.Assign([.. Groups.Select(g => g.Members)], previous);
        var rename = Groups.Select((g, i) => (g.Label, New: labels[i])).ToDictionary(x => x.Label, x => x.New, StringComparer.Ordinal);
        return this with
        {
            Groups = [.. Groups.Select((g, i) => g with { Label = labels[i] })],
            Stakeholders = [.. Stakeholders.Select(s => s with { Group = rename[s.Group] })],
        };
    }
}
