using Npgsql;
using Testcontainers.PostgreSql;

namespace Consultation.Tests.Support;

/// <summary>
/// One PostgreSQL for the whole test run: the server named by <c>CONSULTATION_TEST_DB</c> (a connection
/// string; no container is started), or else a container started by Testcontainers from
/// <c>CONSULTATION_TEST_PG_IMAGE</c> (default: the official <c>postgres:15-bookworm</c>).
/// Test classes isolate themselves with their own schema (<see cref="NewSchemaName"/>).
/// </summary>
public static class TestDatabase
{
    public const string ConnectionStringVariable = "CONSULTATION_TEST_DB";
    public const string ImageVariable = "CONSULTATION_TEST_PG_IMAGE";
    public const string DefaultImage = "postgres:15-bookworm";

    private static readonly Lazy<Task<string>> Server = new(StartAsync);
    private static PostgreSqlContainer? _container;

    public static Task<string> ConnectionStringAsync() => Server.Value;

    public static string NewSchemaName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)].ToLowerInvariant();

    /// <summary>Counts the events stored in a schema: how a test proves that nothing was written.</summary>
    public static async Task<long> CountEventsAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        // Marten writes 'tombstone' events on its 'mt_tombstone' stream for sequence numbers a failed append had reserved
        // (so the async daemon never waits on the gap): they are not the application's events.
        await using var command = new NpgsqlCommand($"select count(*) from {schema}.mt_events where stream_id <> 'mt_tombstone'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs one statement on its own connection (schema set-up and tampering in tests).</summary>
    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of the first row of one statement, on its own connection.</summary>
    public static async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> StartAsync()
    {
        var existing = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(existing))
        {
            return existing;
        }

        var image = Environment.GetEnvironmentVariable(ImageVariable) is { Length: > 0 } configured ? configured : DefaultImage;
        _container = new PostgreSqlBuilder(image).Build();
        await _container.StartAsync();

        // Ryuk (the reaper) is disabled where its image cannot be pulled, so remove the container ourselves.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _container.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return _container.GetConnectionString();
    }
}
