using System.Linq.Expressions;

namespace Consultation.Stakeholders;

/// <summary>
/// Who belonged to a group on a date, answered by the database from the inline <see cref="StakeholderDetails"/>
/// documents. Meant also for positions stated on behalf of a group: they count for the members on the stated-on date.
/// </summary>
public sealed class GroupMembers(IQuerySession session)
{
    /// <summary>Stakeholders that were members of <paramref name="group"/> on <paramref name="on"/> (joined on or before it, not yet left).</summary>
    public static Expression<Func<StakeholderDetails, bool>> MemberOn(string group, DateOnly on) =>
        x => x.Groups.Any(g => g.Group == group && g.JoinedOn <= on && (g.LeftOn == null || g.LeftOn > on));

    /// <summary>Members of <paramref name="group"/> on <paramref name="on"/>, as a query to refine, order and page.</summary>
    public IQueryable<StakeholderDetails> On(string group, DateOnly on) => session.Query<StakeholderDetails>().Where(MemberOn(group, on));

    /// <summary>The keys of the members of <paramref name="group"/> on <paramref name="on"/>, in key order.</summary>
    public async Task<IReadOnlyList<string>> KeysOnAsync(string group, DateOnly on, CancellationToken cancellationToken) =>
        await On(group, on).OrderBy(x => x.Id).Select(x => x.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// Every membership period anyone ever had in <paramref name="group"/>, in one query: for answering
    /// "members on date D" for many dates (a whole process) without a query per date.
    /// </summary>
    public async Task<GroupRoster> RosterAsync(string group, CancellationToken cancellationToken)
    {
        var everMembers = await session.Query<StakeholderDetails>()
            .Where(x => x.Groups.Any(g => g.Group == group))
            .OrderBy(x => x.Id)
            .ToListAsync(cancellationToken);
        return new GroupRoster(
            group,
            [.. everMembers.SelectMany(m => m.Groups.Where(g => g.Group == group).Select(g => new GroupRoster.Period(m.Id, g.JoinedOn, g.LeftOn)))]);
    }
}

/// <summary>All membership periods of one group, to ask who was a member on any date without going back to the database.</summary>
public sealed record GroupRoster(string Group, IReadOnlyList<GroupRoster.Period> Periods)
{
    public sealed record Period(string Member, DateOnly JoinedOn, DateOnly? LeftOn)
    {
        public bool Covers(DateOnly on) => JoinedOn <= on && (LeftOn is null || LeftOn > on);
    }

    public bool IsMember(string stakeholder, DateOnly on) => Periods.Any(p => p.Member == stakeholder && p.Covers(on));

    /// <summary>The keys of the members on <paramref name="on"/>, in ordinal key order.</summary>
    public IReadOnlyList<string> MembersOn(DateOnly on) =>
        [.. Periods.Where(p => p.Covers(on)).Select(p => p.Member).Distinct().Order(StringComparer.Ordinal)];
}
