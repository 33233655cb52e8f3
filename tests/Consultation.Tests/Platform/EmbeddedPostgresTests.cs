using Consultation.Infrastructure.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Consultation.Tests.Platform;

/// <summary>README command 1 runs on a private cluster made from the machine's PostgreSQL programs.</summary>
public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "consultation-embedded-" + Guid.NewGuid().ToString("N")[..8]);

    [SkippableFact]
    public async Task Creates_starts_stops_and_restarts_a_private_cluster_keeping_its_data()
    {
        Skip.If(PostgresBinaries.Search() is null, "No PostgreSQL server programs on this machine.");
        var options = new EmbeddedPostgresOptions(_root, 56000 + Random.Shared.Next(0, 900), null);

        var first = new EmbeddedPostgres(options, NullLogger<EmbeddedPostgres>.Instance);
        var connectionString = first.Start();
        await ExecuteAsync(connectionString, "create table kept (note text); insert into kept values ('still here')");
        first.Stop();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(connectionString, "select 1"));

        var second = new EmbeddedPostgres(options, NullLogger<EmbeddedPostgres>.Instance);
        var again = second.Start();
        try
        {
            Assert.Equal(connectionString, again);
            Assert.Equal("still here", await ExecuteAsync(again, "select note from kept"));
            var builder = new NpgsqlConnectionStringBuilder(again);
            Assert.Equal("127.0.0.1", builder.Host);
            Assert.False(string.IsNullOrEmpty(builder.Password));
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => ExecuteAsync(new NpgsqlConnectionStringBuilder(again) { Password = "wrong" }.ConnectionString, "select 1"));

            // A CLI command run beside the service uses its cluster and must not stop it when it exits.
            var beside = new EmbeddedPostgres(options, NullLogger<EmbeddedPostgres>.Instance);
            Assert.Equal(again, beside.Start());
            beside.Stop();
            Assert.Equal("still here", await ExecuteAsync(again, "select note from kept"));
        }
        finally
        {
            second.Stop();
        }
    }

    private static async Task<object?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
