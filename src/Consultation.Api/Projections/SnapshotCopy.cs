using System.Data;
using Npgsql;

namespace Consultation.Projections;

/// <summary>A projection's document table: where it lives, where its snapshot copy goes, and where the rebuild writes it.</summary>
public sealed record ComparedTable(ProjectionInfo Projection, Type DocumentType, string LiveTable, string CopyTable, string RebuiltTable);

/// <summary>What one snapshot holds: the head sequence, each async shard's progress, and how many events were copied.</summary>
public sealed record Snapshot(long HeadSequence, long Events, IReadOnlyDictionary<string, long> Progress);

/// <summary>
/// Copies, in one REPEATABLE READ transaction (so at one consistent point, while writes go on), the events and streams
/// into the scratch schema's event tables and every live projection table's (id, data) into scratch copies. Only
/// INSERTs into and CREATEs in the scratch schema: the live tables are only read.
/// </summary>
public static class SnapshotCopy
{
    private static readonly string[] EventTables = ["mt_streams", "mt_events"];

    public static async Task<Snapshot> TakeAsync(
        NpgsqlConnection connection,
        string liveSchema,
        string scratchSchema,
        IReadOnlyList<ComparedTable> tables,
        CancellationToken cancellationToken)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in EventTables)
        {
            columns[table] = await SharedColumnsAsync(connection, liveSchema, scratchSchema, table, cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        foreach (var table in EventTables)
        {
            await ExecuteAsync(connection, $"insert into {scratchSchema}.{table} ({columns[table]}) select {columns[table]} from {liveSchema}.{table}", cancellationToken);
        }

        var head = (long)(await ScalarAsync(connection, $"select coalesce(max(seq_id), 0) from {scratchSchema}.mt_events", cancellationToken))!;
        var events = (long)(await ScalarAsync(connection, $"select count(*) from {scratchSchema}.mt_events", cancellationToken))!;
        if (head > 0)
        {
            await ScalarAsync(connection, $"select setval('{scratchSchema}.mt_events_sequence', {head})", cancellationToken);
        }

        var progress = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand($"select name, last_seq_id from {liveSchema}.mt_event_progression", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                progress[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        foreach (var table in tables)
        {
            await ExecuteAsync(connection, $"create table {table.CopyTable} as select id::text as id, data from {table.LiveTable}", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new Snapshot(head, events, progress);
    }

    /// <summary>The columns both schemas' tables have (the scratch copy is built from the same configuration; this guards against a column added by hand).</summary>
    private static async Task<string> SharedColumnsAsync(NpgsqlConnection connection, string liveSchema, string scratchSchema, string table, CancellationToken cancellationToken)
    {
        const string sql = """
            select s.column_name from information_schema.columns s
            join information_schema.columns l on l.table_schema = @live and l.table_name = s.table_name and l.column_name = s.column_name
            where s.table_schema = @scratch and s.table_name = @table and s.is_generated = 'NEVER'
            order by s.ordinal_position
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("live", liveSchema);
        command.Parameters.AddWithValue("scratch", scratchSchema);
        command.Parameters.AddWithValue("table", table);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add($"\"{reader.GetString(0)}\"");
        }

        return names.Count > 0 ? string.Join(", ", names) : throw new InvalidOperationException($"The scratch schema has no table {table} to copy into.");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
