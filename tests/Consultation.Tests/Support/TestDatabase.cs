using Xunit.Abstractions;
using Xunit.Sdk;
using Npgsql;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using Testcontainers.PostgreSql;

namespace Consultation.Tests.Support;

/// <summary>
/// One PostgreSQL for the whole test run: the server named by <c>CONSULTATION_TEST_DB</c> (a connection
/// string; no container is started); or else a container started by Testcontainers from
/// <c>CONSULTATION_TEST_PG_IMAGE</c> (default: the official <c>postgres:15-bookworm</c>) when a Docker engine answers;
/// or else a private cluster of the machine's own PostgreSQL programs (<see cref="PrivateCluster"/>), as the
/// service's command 1 runs on.
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

    /// <summary>Whether this run's database is a container (Docker answers): known once <see cref="ConnectionStringAsync"/> has completed.</summary>
    public static bool UsesContainers => _container is not null;

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
            Announce($"the server named by {ConnectionStringVariable}");
            return existing;
        }

        var image = Environment.GetEnvironmentVariable(ImageVariable) is { Length: > 0 } configured ? configured : DefaultImage;
        try
        {
            return await StartContainerAsync(image);
        }
        catch (Exception e) when (e is DockerUnavailableException || !RequiresDocker)
        {
            var why = e is DockerUnavailableException
                ? "no Docker engine answers"
                : $"Docker answered but the {image} container did not start ({e.GetType().Name}: {e.Message.Split('\n')[0].Trim()})";
            return PrivateCluster.Start(why, Announce);
        }
    }

    /// <summary>Set (to true) where a run must use Docker, as CI's full run does: no fallback to the private cluster.</summary>
    public const string RequireDockerVariable = "CONSULTATION_TEST_REQUIRE_DOCKER";

    private static bool RequiresDocker => string.Equals(Environment.GetEnvironmentVariable(RequireDockerVariable), "true", StringComparison.OrdinalIgnoreCase);

    private static async Task<string> StartContainerAsync(string image)
    {
        // The reaper (Ryuk) is an image of its own, which a machine without a registry cannot pull, and the container is
        // removed below when the run ends; a run killed before that leaves it behind (.ci/run removes such leftovers).
        if (Environment.GetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED") is null)
        {
            TestcontainersSettings.ResourceReaperEnabled = false;
        }

        var container = new PostgreSqlBuilder(image).Build();
        try
        {
            await container.StartAsync();
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }

        _container = container;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Announce($"a {image} container started by Testcontainers (a Docker engine answers)");
        return container.GetConnectionString();
    }

    private static readonly List<IMessageSink> Reported = [];
    private static string? _announced;

    /// <summary>
    /// Sends the announcement to xunit's diagnostic sink (shown by <c>dotnet test</c>, <c>diagnosticMessages</c> in
    /// xunit.runner.json): once, through the first fixture that offers a sink.
    /// </summary>
    public static void ReportTo(IMessageSink sink)
    {
        lock (Reported)
        {
            if (Reported.Count == 0)
            {
                Reported.Add(sink);
                if (_announced is { } line)
                {
                    sink.OnMessage(new DiagnosticMessage(line));
                }
            }
        }
    }

    /// <summary>
    /// The one line that says which database the run uses and why: on standard error, which <c>dotnet test</c> shows, and
    /// in <c>consultation-test-database.txt</c> beside the test assembly.
    /// </summary>
    private static void Announce(string which)
    {
        var line = $"[tests] PostgreSQL for this run: {which}";
        Console.Error.WriteLine(line);
        lock (Reported)
        {
            _announced = line;
            foreach (var sink in Reported)
            {
                sink.OnMessage(new DiagnosticMessage(line));
            }
        }

        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "consultation-test-database.txt"), line + Environment.NewLine);
    }
}
