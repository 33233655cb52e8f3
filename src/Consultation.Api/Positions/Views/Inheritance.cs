using Consultation.Infrastructure.Errors;
using Consultation.Processes;
using Consultation.Stakeholders;
using Marten;

namespace Consultation.Positions.Views;

/// <summary>A stakeholder's standing position on an issue: its own, or inherited from a group it belonged to.</summary>
public sealed record EffectiveRow(string Stakeholder, PositionVersion Row, string? InheritedFrom)
{
    public bool Inherited => InheritedFrom is not null;
}

/// <summary>
/// "On behalf of": a position stated for a group counts for each stakeholder that was a member of the group on
/// that position's stated-on date and has no standing position of its own on the issue (an own position always
/// wins). When several groups' positions could be inherited, the one stated latest wins, then the group key in
/// ordinal order. Inheritance is one level deep (a group's members, not members of member groups).
/// </summary>
public static class Inheritance
{
    /// <summary>
    /// Resolves own and inherited positions on one issue. <paramref name="rows"/> are the standing rows of that issue
    /// (at most one per stakeholder); <paramref name="members"/> are the stakeholders whose memberships to consider.
    /// </summary>
    public static IReadOnlyDictionary<string, EffectiveRow> Resolve(IEnumerable<PositionVersion> rows, IEnumerable<StakeholderDetails> members) =>
        Resolve<PositionVersion>(rows, members).ToDictionary(x => x.Key, x => new EffectiveRow(x.Key, x.Value.Row, x.Value.InheritedFrom), StringComparer.Ordinal);

    /// <summary>The same resolution over any row shape that says whose position it is and when it was stated.</summary>
    public static Dictionary<string, (TRow Row, string? InheritedFrom)> Resolve<TRow>(IEnumerable<TRow> rows, IEnumerable<StakeholderDetails> members)
        where TRow : IStandingRow
    {
        var own = new Dictionary<string, TRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            own[row.Stakeholder] = row;
        }

        var result = own.ToDictionary(x => x.Key, x => (x.Value, (string?)null), StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (own.ContainsKey(member.Id))
            {
                continue;
            }

            foreach (var period in member.Groups)
            {
                if (!own.TryGetValue(period.Group, out var groupRow) || !period.Covers(groupRow.StatedOn))
                {
                    continue;
                }

                if (!result.TryGetValue(member.Id, out var best) || Beats(groupRow, best.Item1))
                {
                    result[member.Id] = (groupRow, period.Group);
                }
            }
        }

        return result;
    }

    private static bool Beats(IStandingRow candidate, IStandingRow current) =>
        candidate.StatedOn > current.StatedOn
        || (candidate.StatedOn == current.StatedOn && string.CompareOrdinal(candidate.Stakeholder, current.Stakeholder) < 0);

    /// <summary>
    /// The records of <paramref name="owners"/> (whose standing positions were read) and of every stakeholder that ever
    /// belonged to any of them (who may inherit), in one query: all the stakeholders a set of standing rows resolves to.
    /// </summary>
    public static async Task<IReadOnlyList<StakeholderDetails>> OwnersAndMembersAsync(
        this IQuerySession session, IReadOnlyCollection<string> owners, CancellationToken cancellationToken)
    {
        if (owners.Count == 0)
        {
            return [];
        }

        var keys = owners.ToArray();
        return await session.QueryAsync<StakeholderDetails>(
            "where d.id = any(?) or exists (select 1 from jsonb_array_elements(data -> 'groups') g where g ->> 'group' = any(?))",
            cancellationToken,
            keys,
            keys);
    }

    /// <summary>The process, or 404; and when <paramref name="issue"/> is given, the issue too.</summary>
    public static async Task<ProcessDetails> RequireProcessAsync(this IQuerySession session, string process, string? issue, CancellationToken cancellationToken)
    {
        var details = await session.LoadAsync<ProcessDetails>(process, cancellationToken) ?? throw new StreamNotFound("Process", process);
        if (issue is not null && details.Issue(issue) is null)
        {
            throw new StreamNotFound("Issue", $"{process}/{issue}");
        }

        return details;
    }
}
