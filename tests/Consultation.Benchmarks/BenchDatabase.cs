using Testcontainers.PostgreSql;

namespace Consultation.Benchmarks;

/// <summary>
/// A durable PostgreSQL for the benchmark: the server named by <c>CONSULTATION_BENCH_DB</c> (a connection string; its data
/// sets are reused by the next run, which makes a long run resumable), or else a container from the test image
/// (<c>CONSULTATION_TEST_PG_IMAGE</c>, default <c>postgres:15-bookworm</c>). Testcontainers' PostgreSQL module turns fsync,
/// synchronous commit and full-page writes off; they are switched back on here (PostgreSQL takes the last <c>-c</c>).
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    public const string ConnectionStringVariable = "CONSULTATION_BENCH_DB";

    private readonly PostgreSqlContainer? _container;

    private BenchDatabase(string connectionString, PostgreSqlContainer? container)
    {
        ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 200 }.ConnectionString;
        _container = container;
    }

    public string ConnectionString { get; }

    /// <summary>The container's id when the benchmark started the server (its cgroup tells the server's CPU time).</summary>
    public string? ContainerId => _container?.Id;

    public string Origin => _container is null ? $"existing server ({ConnectionStringVariable})" : "Testcontainers, durable settings";

    public static async Task<BenchDatabase> StartAsync()
    {
        if (Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } existing)
        {
            return new BenchDatabase(existing, null);
        }

        var image = Environment.GetEnvironmentVariable("CONSULTATION_TEST_PG_IMAGE") is { Length: > 0 } configured ? configured : "postgres:15-bookworm";
        var container = new PostgreSqlBuilder(image)
            .WithCommand(
                "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "full_page_writes=on", "-c", "max_connections=300",
                // Statement statistics, to say where the server's time goes in a write (ServerStatements).
                "-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=all")
            .Build();
        Log.Line($"Starting PostgreSQL ({image}) with fsync and synchronous commit on");
        await container.StartAsync();
        Cleanup.Register(() => container.DisposeAsync().AsTask().GetAwaiter().GetResult());
        // Straight to the container's address on the bridge network, not through the published port: Docker's userland
        // proxy would add a hop to every round trip, which a real server does not have (and Marten makes more of them).
        var direct = new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Host = container.IpAddress, Port = 5432 };
        return new BenchDatabase(await ReachableAsync(direct.ConnectionString) ? direct.ConnectionString : container.GetConnectionString(), container);
    }

    private static async Task<bool> ReachableAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 3 }.ConnectionString);
            await connection.OpenAsync();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            Log.Line($"The container's own address is not reachable ({e.Message}); going through the published port");
            return false;
        }
    }

    /// <summary>The settings as the server reports them, not as asked for.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SettingsAsync()
    {
        string[] names = ["server_version", "fsync", "synchronous_commit", "full_page_writes", "shared_buffers", "wal_level", "wal_buffers", "wal_sync_method",
            "commit_delay", "max_wal_size", "checkpoint_timeout", "work_mem", "effective_cache_size", "max_connections", "random_page_cost"];
        var settings = new Dictionary<string, string>();
        await using var connection = await OpenAsync();
        foreach (var name in names)
        {
            await using var show = new NpgsqlCommand($"show {name}", connection);
            settings[name] = (string)(await show.ExecuteScalarAsync())!;
        }

        return settings;
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
