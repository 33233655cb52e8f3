using Consultation.Processes;
using Consultation.Stakeholders;

namespace Consultation.Positions.Views;

/// <summary>
/// A stakeholder's standing position on an issue: its own, or inherited from a group it belongs to — from whom
/// (<see cref="InheritedFrom"/>) and since when (<see cref="InheritedSince"/>: the group's stated-on date, or the day the
/// stakeholder joined the group again if that was later).
/// </summary>
public sealed record EffectiveRow(string Stakeholder, PositionVersion Row, string? InheritedFrom, DateOnly? InheritedSince = null)
{
    public bool Inherited => InheritedFrom is not null;
}

/// <summary>
/// "On behalf of": a position stated for a group counts, on the date asked about, for each stakeholder that was a member
/// of the group both on that position's stated-on date and on the date asked about (<see cref="DateAskedAbout(TimeAxes, TimeProvider)"/>), and has
/// no standing position of its own on the issue (an own position always wins): a State that has left a bloc no longer
/// holds the bloc's position. When several groups' positions could be inherited, the one stated latest wins, then the
/// group key in ordinal order. Inheritance is one level deep (a group's members, not members of member groups).
/// </summary>
public static class Inheritance
{
    /// <summary>
    /// The date a view asks about: the stated-by date on the stated timeline; otherwise the day of the recorded moment asked
    /// about (<c>asOf</c>), or today.
    /// </summary>
    public static DateOnly DateAskedAbout(TimeAxes axes, TimeProvider time) => DateAskedAbout(axes, time.GetUtcNow());

    public static DateOnly DateAskedAbout(TimeAxes axes, DateTimeOffset now) => axes.StatedBy ?? DateOnly.FromDateTime((axes.AsOf ?? now).UtcDateTime);

    /// <summary>
    /// Resolves own and inherited positions on one issue on the date <paramref name="on"/>. <paramref name="rows"/> are the
    /// standing rows of that issue (at most one per stakeholder); <paramref name="members"/> are the stakeholders whose
    /// memberships to consider.
    /// </summary>
    public static IReadOnlyDictionary<string, EffectiveRow> Resolve(IEnumerable<PositionVersion> rows, IEnumerable<StakeholderDetails> members, DateOnly on) =>
        Resolve<PositionVersion>(rows, members, on).ToDictionary(
            x => x.Key, x => new EffectiveRow(x.Key, x.Value.Row, x.Value.InheritedFrom, x.Value.InheritedSince), StringComparer.Ordinal);

    /// <summary>The same resolution over any row shape that says whose position it is and when it was stated.</summary>
    public static Dictionary<string, (TRow Row, string? InheritedFrom, DateOnly? InheritedSince)> Resolve<TRow>(
        IEnumerable<TRow> rows, IEnumerable<StakeholderDetails> members, DateOnly on)
        where TRow : IStandingRow
    {
        var own = new Dictionary<string, TRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            own[row.Stakeholder] = row;
        }

        var result = own.ToDictionary(x => x.Key, x => (x.Value, (string?)null, (DateOnly?)null), StringComparer.Ordinal);
        foreach (var member in members)
        {
            if (own.ContainsKey(member.Id))
            {
                continue;
            }

            foreach (var group in member.Groups.Select(g => g.Group).Distinct(StringComparer.Ordinal))
            {
                if (!own.TryGetValue(group, out var groupRow) || InheritedSince(member, group, groupRow.StatedOn, on) is not { } since)
                {
                    continue;
                }

                if (!result.TryGetValue(member.Id, out var best) || Beats(groupRow, best.Item1))
                {
                    result[member.Id] = (groupRow, group, since);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Whether <paramref name="member"/> holds the position <paramref name="group"/> stated on <paramref name="statedOn"/> on
    /// the date <paramref name="on"/> — a member both then and on that date — and if so since when: the stated-on date, or
    /// the day it joined again if it left and rejoined in between. Null when it does not.
    /// </summary>
    public static DateOnly? InheritedSince(StakeholderDetails member, string group, DateOnly statedOn, DateOnly on)
    {
        var periods = member.Groups.Where(g => g.Group == group).ToList();
        if (on < statedOn || !periods.Any(p => p.Covers(statedOn)) || periods.FirstOrDefault(p => p.Covers(on)) is not { } now)
        {
            return null;
        }

        return now.JoinedOn > statedOn ? now.JoinedOn : statedOn;
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
            PositionsSql.OwnersAndMembers,
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
