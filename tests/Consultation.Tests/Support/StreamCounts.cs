using Npgsql;

namespace Consultation.Tests.Support;

/// <summary>How many events each stream of a process holds, read straight from the event table.</summary>
public static class StreamCounts
{
    public static async Task<IReadOnlyDictionary<string, long>> OfProcessAsync(string connectionString, string schema, string process)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select stream_id, count(*) from {schema}.mt_events where stream_id like @prefix group by stream_id", connection);
        command.Parameters.AddWithValue("prefix", process + "/%");
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }
}
