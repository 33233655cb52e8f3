using JasperFx.Events.Daemon;
using Npgsql;

namespace Consultation.Projections;

/// <summary>
/// A second store with the service's own configuration (every event type and projection) on a throw-away schema of
/// the same database, to rebuild into without touching the live projections. Its schema is dropped afterwards.
/// </summary>
public static class ScratchStore
{
    public const string Marker = "_verify_";

    /// <summary><c>{live schema}_verify_{8 hex}</c>, within PostgreSQL's 63 characters.</summary>
    public static string NewSchemaName(string liveSchema)
    {
        var suffix = Marker + Guid.NewGuid().ToString("N")[..8];
        return liveSchema[..Math.Min(liveSchema.Length, 63 - suffix.Length)] + suffix;
    }

    public static DocumentStore Create(StoreConfiguration configuration, string connectionString, string schema)
    {
        var options = new StoreOptions();
        configuration.Apply(options, connectionString, schema);
        // Nothing ever appends to the copy, so a gap in its sequence (a transaction rolled back in the live store) is final: skip it at once.
        options.Projections.StaleSequenceThreshold = TimeSpan.FromMilliseconds(100);
        // Only our own daemon rebuilds in it; saying so also keeps Marten from printing "the async daemon is disabled" on standard output.
        options.Projections.AsyncMode = DaemonMode.Solo;
        return new DocumentStore(options);
    }

    /// <summary>Drops the scratch schema and all it holds; answers whether it is gone.</summary>
    public static async Task<bool> DropAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade", connection) { CommandTimeout = 0 })
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using var check = new NpgsqlCommand("select not exists (select 1 from pg_namespace where nspname = @schema)", connection);
        check.Parameters.AddWithValue("schema", schema);
        return (bool)(await check.ExecuteScalarAsync())!;
    }
}
