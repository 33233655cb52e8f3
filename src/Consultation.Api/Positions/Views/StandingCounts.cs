namespace Consultation.Positions.Views;

/// <summary>
/// How many positions stand on each issue of a process at a recorded moment (now when null), counted by the database
/// from the versions table's own columns (the filters of <see cref="PositionVersionAxes.StandingAt"/>): a large process
/// has hundreds of thousands of standing positions, and reading each one's issue back to count it took seconds.
/// </summary>
public static class StandingCounts
{
    public static async Task<IReadOnlyDictionary<string, int>> ByIssueAsync(IQuerySession session, string process, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var options = session.DocumentStore.Options;
        string Column(System.Linq.Expressions.Expression<Func<PositionVersion, object?>> member) => "d." + options.DuplicatedColumnOf(member);
        var (issue, recorded, superseded, validTo) = (Column(x => x.Issue), Column(x => x.RecordedAt), Column(x => x.SupersededAt), Column(x => x.ValidTo));
        var sql = $"select {issue} || chr(31) || count(*) from {session.DocumentStore.TableOf<PositionVersion>()} as d where {Column(x => x.Process)} = ? and {validTo} is null ";
        var rows = asOf is { } at
            ? await session.QueryAsync<string>(sql + $"and {recorded} <= ? and ({superseded} is null or {superseded} > ?) group by {issue}", cancellationToken, process, at, at)
            : await session.QueryAsync<string>(sql + $"and {superseded} is null group by {issue}", cancellationToken, process);
        return rows.Select(row => row.Split('\u001f')).ToDictionary(x => x[0], x => int.Parse(x[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }
}
