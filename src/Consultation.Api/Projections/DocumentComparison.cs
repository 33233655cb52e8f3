using Npgsql;

namespace Consultation.Projections;

/// <summary>
/// Compares a live table's snapshot copy with its rebuild by id, on <c>data</c> as jsonb (so key order and spacing do not
/// matter): documents missing in live, extra in live, or different, with the differing JSON paths.
/// </summary>
public static class DocumentComparison
{
    public sealed record Result(long Compared, long Differences, IReadOnlyList<DocumentDifference> Detailed);

    public static async Task<Result> CompareAsync(NpgsqlConnection connection, ComparedTable table, int maxDetailed, CancellationToken cancellationToken)
    {
        var join = $"from {table.CopyTable} l full join {table.RebuiltTable} r on l.id = r.id::text";
        await using var count = new NpgsqlCommand($"select count(*) {join}", connection) { CommandTimeout = 0 };
        var compared = (long)(await count.ExecuteScalarAsync(cancellationToken))!;

        await using var differing = new NpgsqlCommand(
            $"select coalesce(l.id, r.id::text), l.data::text, r.data::text {join} where l.data is distinct from r.data order by 1",
            connection) { CommandTimeout = 0 };
        await using var reader = await differing.ExecuteReaderAsync(cancellationToken);
        long differences = 0;
        var detailed = new List<DocumentDifference>();
        while (await reader.ReadAsync(cancellationToken))
        {
            differences++;
            if (detailed.Count >= maxDetailed)
            {
                continue;
            }

            var live = reader.IsDBNull(1) ? null : reader.GetString(1);
            var rebuilt = reader.IsDBNull(2) ? null : reader.GetString(2);
            detailed.Add(Describe(table, reader.GetString(0), live, rebuilt));
        }

        return new Result(compared, differences, detailed);
    }

    private static DocumentDifference Describe(ComparedTable table, string id, string? live, string? rebuilt) =>
        (live, rebuilt) switch
        {
            (null, { } r) => new(table.Projection.Name, table.DocumentType.Name, id, DifferenceKind.MissingInLive, [], null, JsonDifferences.Shorten(r)),
            ({ } l, null) => new(table.Projection.Name, table.DocumentType.Name, id, DifferenceKind.ExtraInLive, [], JsonDifferences.Shorten(l), null),
            _ => new(table.Projection.Name, table.DocumentType.Name, id, DifferenceKind.Different, JsonDifferences.Between(live!, rebuilt!), JsonDifferences.Shorten(live!), JsonDifferences.Shorten(rebuilt!)),
        };
}
