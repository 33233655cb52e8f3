namespace Consultation.Convergence.OpinionGroups.Inference;

/// <summary>One effective stance (−2 … +2) of a stakeholder on an issue, as the convergence measure counts it.</summary>
public readonly record struct StanceCell(string Stakeholder, string Issue, int Stance);

/// <summary>
/// The stakeholder × issue matrix the inference reads, each cell a vote as Polis counts them: <b>+1</b> for (the stance
/// is +1 or +2: support, as the convergence measure counts supporters), <b>−1</b> against (−1 reservations or −2
/// opposition), <b>0</b> neither (0, neutral or undecided: Polis's "pass"), and no value where the stakeholder holds no
/// position (not voted). Rows and columns are in ordinal key order whatever order the cells came in, so the same positions
/// always give the same matrix. A stakeholder or issue appears only through a cell.
/// </summary>
public sealed class StanceMatrix
{
    /// <summary>The value of a missing cell in <see cref="Votes"/>.</summary>
    public const sbyte Missing = sbyte.MinValue;

    private StanceMatrix(IReadOnlyList<string> stakeholders, IReadOnlyList<string> issues, sbyte[][] votes)
    {
        Stakeholders = stakeholders;
        Issues = issues;
        Votes = votes;
    }

    public IReadOnlyList<string> Stakeholders { get; }

    public IReadOnlyList<string> Issues { get; }

    /// <summary>Row per stakeholder, column per issue: +1, −1, 0, or <see cref="Missing"/>.</summary>
    internal sbyte[][] Votes { get; }

    /// <summary>The vote a stance counts as: its sign.</summary>
    public static sbyte Encode(int stance) => (sbyte)Math.Sign(stance);

    /// <summary>The vote of a stakeholder on an issue (by row and column), or null when it holds no position.</summary>
    public sbyte? Vote(int stakeholder, int issue) => Votes[stakeholder][issue] is var v && v == Missing ? null : v;

    /// <summary>How many positions a stakeholder (by row) holds.</summary>
    public int PositionsOf(int stakeholder) => Votes[stakeholder].Count(v => v != Missing);

    public static StanceMatrix Of(IEnumerable<StanceCell> cells)
    {
        var list = cells as IReadOnlyCollection<StanceCell> ?? [.. cells];
        string[] stakeholders = [.. list.Select(c => c.Stakeholder).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        string[] issues = [.. list.Select(c => c.Issue).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var row = stakeholders.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        var column = issues.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        var votes = new sbyte[stakeholders.Length][];
        for (var i = 0; i < votes.Length; i++)
        {
            votes[i] = new sbyte[issues.Length];
            Array.Fill(votes[i], Missing);
        }

        foreach (var cell in list)
        {
            var at = votes[row[cell.Stakeholder]];
            var col = column[cell.Issue];
            if (at[col] != Missing)
            {
                throw new ArgumentException($"Two stances of '{cell.Stakeholder}' on '{cell.Issue}': a stakeholder holds one effective position per issue.", nameof(cells));
            }

            at[col] = Encode(cell.Stance);
        }

        return new StanceMatrix(stakeholders, issues, votes);
    }
}
