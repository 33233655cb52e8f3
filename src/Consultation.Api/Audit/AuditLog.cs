using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Consultation.Infrastructure.Database;
using Npgsql;
using NpgsqlTypes;

namespace Consultation.Audit;

/// <summary>
/// Reads <c>mt_events</c> through Marten's database connection, row by row (a data reader, never a list),
/// in global sequence order. Every filter is a plain predicate on indexed columns where one exists
/// (<c>seq_id</c> drives the order and the cursor; <c>stream_id, version</c> answers per-stream reads).
/// </summary>
public static class AuditLog
{
    public static async IAsyncEnumerable<AuditEntry> StreamAsync(
        IDocumentStore store,
        string key,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(store, cancellationToken);
        await using var command = new NpgsqlCommand($"select {AuditSql.Columns} from {AuditSql.Events(store)} e where e.stream_id = @key order by e.version", connection);
        command.Parameters.AddWithValue("key", key);
        UnstorableTextGuard.Check(command);
        await foreach (var entry in ReadAsync(command, cancellationToken))
        {
            yield return entry;
        }
    }

    public static async IAsyncEnumerable<AuditEntry> QueryAsync(
        IDocumentStore store,
        AuditFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(store, cancellationToken);
        await using var command = BuildQuery(store, filter, connection);
        await foreach (var entry in ReadAsync(command, cancellationToken))
        {
            yield return entry;
        }
    }

    private static NpgsqlCommand BuildQuery(IDocumentStore store, AuditFilter filter, NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand { Connection = connection };
        var sql = new StringBuilder($"select {AuditSql.Columns} from {AuditSql.Events(store)} e where e.seq_id > @after");
        command.Parameters.AddWithValue("after", filter.AfterSequence);
        if (filter.From is { } from)
        {
            sql.Append(" and e.timestamp >= @from");
            command.Parameters.AddWithValue("from", NpgsqlDbType.TimestampTz, from.UtcDateTime);
        }

        if (filter.To is { } to)
        {
            sql.Append(" and e.timestamp < @to");
            command.Parameters.AddWithValue("to", NpgsqlDbType.TimestampTz, to.UtcDateTime);
        }

        if (filter.User is { } user)
        {
            sql.Append(" and e.user_name = @user");
            command.Parameters.AddWithValue("user", user);
        }

        if (filter.Type is { } type)
        {
            sql.Append(" and e.type = @type");
            command.Parameters.AddWithValue("type", type);
        }

        if (filter.Process is { } process)
        {
            // Process keys are slugs (validated), so they hold no LIKE wildcards.
            sql.Append(" and ").Append(AuditSql.OfProcess(store));
            command.Parameters.AddWithValue("process", process);
            command.Parameters.AddWithValue("processChildren", process + "/%");
            command.Parameters.AddWithValue("processOwn", process + ":%");
        }

        if (filter.StreamKind is { } kind)
        {
            sql.Append(" and ").Append(AuditSql.OfKind(store, kind));
        }

        sql.Append(" order by e.seq_id");
        if (filter.Limit is { } limit)
        {
            sql.Append(" limit @limit");
            command.Parameters.AddWithValue("limit", limit);
        }

        command.CommandText = sql.ToString();
        UnstorableTextGuard.Check(command);
        return command;
    }

    private static async IAsyncEnumerable<AuditEntry> ReadAsync(NpgsqlCommand command, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var payload = JsonDocument.Parse(reader.GetString(11));
            yield return new AuditEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetString(3),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero),
                new RecordedBy(NullableString(reader, 5), NullableString(reader, 6), NullableString(reader, 12)),
                NullableString(reader, 7),
                NullableString(reader, 8),
                NullableString(reader, 9),
                NullableString(reader, 10),
                payload.RootElement.Clone(),
                ReservedSequences.NoteFor(reader.GetString(1)));
        }
    }

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static async Task<NpgsqlConnection> OpenAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
