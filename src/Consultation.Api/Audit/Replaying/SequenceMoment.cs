using Npgsql;

namespace Consultation.Audit.Replaying;

/// <summary>What a global sequence number resolves to as a recorded moment.</summary>
public abstract record SequenceMoment(long Sequence)
{
    /// <summary>
    /// The record as of <see cref="AsOf"/> (recorded time, µs) holds exactly the events up to <see cref="SequenceMoment.Sequence"/>:
    /// <see cref="AsOf"/> is the latest recording time among them, and no later event was recorded by then.
    /// </summary>
    public sealed record Exact(long Sequence, DateTimeOffset AsOf) : SequenceMoment(Sequence);

    /// <summary>No such event yet: the record ends at <see cref="Head"/>.</summary>
    public sealed record BeyondHead(long Sequence, long Head) : SequenceMoment(Sequence);

    /// <summary>
    /// Events on both sides of the sequence share recording times (written concurrently), so no recorded moment holds
    /// exactly the events up to it. <see cref="NearestBefore"/> and <see cref="NearestAfter"/> are the closest sequences
    /// that can be answered (null when none within the window looked at).
    /// </summary>
    public sealed record Inseparable(long Sequence, DateTimeOffset AsOf, IReadOnlyList<long> Conflicting, long? NearestBefore, long? NearestAfter)
        : SequenceMoment(Sequence);
}

/// <summary>
/// Resolves "as the record stood after event N" to a recorded time T. Read models answer as of recorded time
/// (<c>timestamp &lt;= T</c>), and timestamps are assigned by the application when a session saves, so sequence order and
/// time order can disagree between events written concurrently. T is the latest timestamp of the events up to N; the
/// answer is exact when no event after N was recorded at or before T. Only a window of <see cref="Window"/> sequences
/// either side of N is read (a primary-key range scan), on the assumption that concurrent writes never interleave
/// further apart than that.
/// </summary>
public static class SequenceMoments
{
    public const int Window = 1000;

    private const int MaxConflictsNamed = 10;

    public static async Task<SequenceMoment> ResolveAsync(IDocumentStore store, long sequence, CancellationToken cancellationToken)
    {
        var table = $"{store.Options.Events.DatabaseSchemaName}.mt_events";
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);

        var head = await HeadAsync(connection, table, cancellationToken);
        if (sequence > head)
        {
            return new SequenceMoment.BeyondHead(sequence, head);
        }

        var rows = await ReadAsync(connection, $"select seq_id, timestamp from {table} where seq_id between @low and @high order by seq_id", cancellationToken, sequence - Window, sequence + Window);
        if (!rows.Any(r => r.Sequence <= sequence))
        {
            // A gap of a whole window before N: the last event before it decides.
            rows.InsertRange(0, await ReadAsync(connection, $"select seq_id, timestamp from {table} where seq_id between @low and @high order by seq_id desc limit 1", cancellationToken, 0, sequence));
        }

        return Resolve(sequence, head, rows);
    }

    public static SequenceMoment Resolve(long sequence, long head, IReadOnlyList<(long Sequence, DateTimeOffset At)> rows)
    {
        var upTo = rows.Where(r => r.Sequence <= sequence).ToList();
        var after = rows.Where(r => r.Sequence > sequence).ToList();
        if (upTo.Count == 0 && after.Count == 0)
        {
            return new SequenceMoment.Exact(sequence, DateTimeOffset.UnixEpoch); // nothing recorded up to N nor near it
        }

        var asOf = upTo.Count > 0 ? upTo.Max(r => r.At) : after.Min(r => r.At).AddTicks(-10); // nothing recorded up to N: just before the first
        var conflicting = after.Where(r => r.At <= asOf).Select(r => r.Sequence).ToList();
        if (conflicting.Count == 0)
        {
            return new SequenceMoment.Exact(sequence, asOf);
        }

        var separable = Separable(rows, head);
        return new SequenceMoment.Inseparable(
            sequence,
            asOf,
            [.. conflicting.Take(MaxConflictsNamed)],
            separable.Where(s => s < sequence).Cast<long?>().LastOrDefault(),
            separable.Where(s => s > sequence).Cast<long?>().FirstOrDefault());
    }

    /// <summary>The sequences k among <paramref name="rows"/> whose events were all recorded before any later one's (within the rows read).</summary>
    private static List<long> Separable(IReadOnlyList<(long Sequence, DateTimeOffset At)> rows, long head)
    {
        var suffixMin = new DateTimeOffset[rows.Count + 1];
        suffixMin[rows.Count] = DateTimeOffset.MaxValue;
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            suffixMin[i] = rows[i].At < suffixMin[i + 1] ? rows[i].At : suffixMin[i + 1];
        }

        var result = new List<long>();
        var prefixMax = DateTimeOffset.MinValue;
        for (var i = 0; i < rows.Count; i++)
        {
            prefixMax = rows[i].At > prefixMax ? rows[i].At : prefixMax;
            var lastRead = i == rows.Count - 1;
            if (prefixMax < suffixMin[i + 1] && (!lastRead || rows[i].Sequence == head))
            {
                result.Add(rows[i].Sequence);
            }
        }

        return result;
    }

    private static async Task<long> HeadAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {table}", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<List<(long Sequence, DateTimeOffset At)>> ReadAsync(
        NpgsqlConnection connection, string sql, CancellationToken cancellationToken, long low, long high)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("low", low);
        command.Parameters.AddWithValue("high", high);
        var rows = new List<(long, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetInt64(0), new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero)));
        }

        return rows;
    }
}
