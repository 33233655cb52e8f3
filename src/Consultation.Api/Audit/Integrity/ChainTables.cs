using System.Runtime.CompilerServices;
using Npgsql;

namespace Consultation.Audit.Integrity;

/// <summary>A link as stored in the chain table.</summary>
public sealed record StoredLink(long Sequence, string StreamKey, long Version, string Link, DateTimeOffset ChainedAt);

/// <summary>
/// Raw SQL over <c>mt_events</c> and the chain table, in global sequence order: the same reads serve the
/// subscription that extends the chain and the verification that recomputes it.
/// </summary>
public static class ChainTables
{
    public static async IAsyncEnumerable<ChainedEvent> ReadEventsAsync(
        NpgsqlConnection connection, string schema, long after, long upTo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
             select seq_id, stream_id, version, type, timestamp, user_name, correlation_id, causation_id, headers::text, data::text
             from {schema}.mt_events where seq_id > $1 and seq_id <= $2 order by seq_id
             """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = upTo });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ChainedEvent(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetInt64(2),
                reader.GetString(3),
                reader.GetFieldValue<DateTime>(4),
                NullableString(reader, 5),
                NullableString(reader, 6),
                NullableString(reader, 7),
                NullableString(reader, 8),
                reader.GetString(9));
        }
    }

    public static async IAsyncEnumerable<StoredLink> ReadLinksAsync(
        NpgsqlConnection connection, string schema, long upTo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select seq_id, stream_id, version, link, chained_at from {schema}.{AppendOnlySchema.ChainTableName} where seq_id <= $1 order by seq_id",
            connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = upTo });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return ReadLink(reader);
        }
    }

    /// <summary>The last link of the chain, or null while nothing is chained.</summary>
    public static async Task<StoredLink?> ReadHeadAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"select seq_id, stream_id, version, link, chained_at from {schema}.{AppendOnlySchema.ChainTableName} order by seq_id desc limit 1",
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadLink(reader) : null;
    }

    public static async Task<long> CountEventsAfterAsync(NpgsqlConnection connection, string schema, long after, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select count(*) from {schema}.mt_events where seq_id > $1", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>How far the chain's subscription says it has read (0 before its first page).</summary>
    public static async Task<long> ReadChainProgressAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select last_seq_id from {schema}.mt_event_progression where name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = AuditChainSubscription.ProgressName });
        return await command.ExecuteScalarAsync(cancellationToken) is long progress ? progress : 0;
    }

    /// <summary>The recorded time of one event (for the attestation).</summary>
    public static async Task<DateTimeOffset?> ReadRecordedAtAsync(NpgsqlConnection connection, string schema, long sequence, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select timestamp from {schema}.mt_events where seq_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sequence });
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    private static StoredLink ReadLink(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetInt64(2),
        reader.GetString(3),
        new DateTimeOffset(DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(4), DateTimeKind.Utc)));

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
