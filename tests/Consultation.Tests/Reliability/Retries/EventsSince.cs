using Npgsql;

namespace Consultation.Tests.Reliability.Retries;

/// <summary>The events a schema holds after a sequence number, as "stream type" lines: what a failed count names.</summary>
public static class EventsSince
{
    public static async Task<long> HeadAsync(string schema) => await ScalarAsync<long>($"select coalesce(max(seq_id), 0) from {schema}.mt_events");

    public static async Task<IReadOnlyList<string>> ListAsync(string schema, long after)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select seq_id, stream_id, type, version from {schema}.mt_events where seq_id > {after} order by seq_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add($"{reader.GetInt64(0)} {reader.GetString(1)} v{reader.GetInt64(3)} {reader.GetString(2)}");
        }

        return lines;
    }

    private static async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
