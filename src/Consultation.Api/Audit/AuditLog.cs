using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Consultation.Infrastructure.Database;
using Consultation.Stakeholders;
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
    private const string Columns =
        "e.seq_id, e.stream_id, e.version, e.type, e.timestamp, e.user_name, e.headers ->> 'role', e.correlation_id, e.causation_id, "
        + "e.headers ->> 'command', e.data ->> 'reason', e.data::text, e.headers ->> 'displayName'";

    public static async IAsyncEnumerable<AuditEntry> StreamAsync(
        IDocumentStore store,
        string key,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(store, cancellationToken);
        await using var command = new NpgsqlCommand($"select {Columns} from {Table(store)} e where e.stream_id = @key order by e.version", connection);
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
        var table = Table(store);
        var command = new NpgsqlCommand { Connection = connection };
        var sql = new StringBuilder($"select {Columns} from {table} e where e.seq_id > @after");
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
            // Process keys are slugs (validated), so they hold no LIKE wildcards. Besides the process's own streams, the registry's
            // events that name it (StakeholderEvents.ConcerningAProcess); their type names are ours, written as literals so the
            // planner can use the accreditations' partial index.
            var concerning = string.Join(", ", StakeholderEvents.ConcerningAProcess.Select(t => $"'{TypeName(store, t)}'"));
            sql.Append(" and (e.stream_id = @process or e.stream_id like @processChildren or e.stream_id like @processOwn")
                .Append($" or (e.type in ({concerning}) and e.data ->> 'processKey' = @process))");
            command.Parameters.AddWithValue("process", process);
            command.Parameters.AddWithValue("processChildren", process + "/%");
            command.Parameters.AddWithValue("processOwn", process + ":%");
        }

        if (filter.StreamKind is { } kind)
        {
            sql.Append(" and ").Append(KindPredicate(kind, table));
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

    /// <summary>
    /// Key shapes: process <c>gcm</c>, stakeholder <c>MEX</c> / <c>african-group</c>, meeting <c>gcm/stocktaking-2017</c>,
    /// position <c>gcm/issue/MEX</c>, area <c>gcm/area:name</c>, settings <c>gcm:convergence-settings</c>, audit <c>audit:…</c>.
    /// Processes and stakeholders share the one-segment shape, so their stream's first event tells them apart.
    /// </summary>
    private static string KindPredicate(StreamKind kind, string table) => kind switch
    {
        StreamKind.Stakeholder => FirstEventIs(table, "stakeholder_registered"),
        StreamKind.Process => FirstEventIs(table, "process_launched"),
        StreamKind.Meeting => "e.stream_id ~ '^[^/:]+/[^/:]+$'",
        StreamKind.Position => "e.stream_id ~ '^[^/:]+/[^/:]+/[^/:]+$'",
        StreamKind.Area => "e.stream_id ~ '^[^/:]+/area:[^/:]+$'",
        StreamKind.Settings => "e.stream_id ~ '^[^/:]+:convergence-settings$'",
        StreamKind.Audit => "e.stream_id like 'audit:%'",
        StreamKind.Reserved => $"e.stream_id = '{ReservedSequences.StreamKey}'",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string FirstEventIs(string table, string type) =>
        $"e.stream_id !~ '[/:]' and exists (select 1 from {table} f where f.stream_id = e.stream_id and f.version = 1 and f.type = '{type}')";

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

    private static string TypeName(IDocumentStore store, Type eventType) =>
        ((Marten.Events.EventGraph)store.Options.Events).EventMappingFor(eventType).EventTypeName;

    private static string Table(IDocumentStore store) => $"{store.Options.Events.DatabaseSchemaName}.mt_events";

    private static async Task<NpgsqlConnection> OpenAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
