using Consultation.Infrastructure.Database;
using Consultation.Infrastructure.Security;

namespace Consultation.Seeding;

public static class SeedingSetup
{
    public static IServiceCollection AddConsultationSeeding(this IServiceCollection services)
    {
        services.AddSingleton<SeedLoader>();
        services.AddSingleton<CommandAccess>();
        services.AddHostedService<SeedOnStartup>();
        return services;
    }

    /// <summary><c>Seeds:Directory</c>, or <c>seeds/</c> at the repository root (else beside the content root).</summary>
    public static string SeedDirectory(IConfiguration configuration, IHostEnvironment environment) =>
        configuration["Seeds:Directory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(RepositoryRoot.Find(environment.ContentRootPath) ?? environment.ContentRootPath, "seeds");
}

/// <summary>
/// Loads <c>seeds/</c> at start-up when <c>Seeds:Enabled</c> (default true) and the folder holds seed files. Several nodes
/// starting together on one database load one after the other, under a PostgreSQL advisory lock named after the schema:
/// the first writes what is missing, the others find it there and write nothing (without the lock, two nodes would both
/// find a stakeholder missing and the second's registration would be refused, stopping that node).
/// </summary>
public sealed class SeedOnStartup(SeedLoader loader, IDocumentStore store, IConfiguration configuration, IHostEnvironment environment, ILogger<SeedOnStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Seeds:Enabled", true))
        {
            return;
        }

        var directory = SeedingSetup.SeedDirectory(configuration, environment);
        if (!SeedSet.FileNames.Any(f => File.Exists(Path.Combine(directory, f))))
        {
            logger.LogInformation("No seeds found in {Directory}", directory);
            return;
        }

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await LockAsync(connection, "pg_advisory_lock", cancellationToken);
        try
        {
            await loader.LoadAsync(directory, cancellationToken);
        }
        finally
        {
            // Explicitly: a pooled connection's session, and its lock, outlive the connection's disposal.
            await LockAsync(connection, "pg_advisory_unlock", CancellationToken.None);
        }
    }

    private async Task LockAsync(Npgsql.NpgsqlConnection connection, string function, CancellationToken cancellationToken)
    {
        // No command timeout: a node waits for as long as another's load takes (bounded by the host's start-up being cancelled).
        await using var command = new Npgsql.NpgsqlCommand($"select {function}(hashtext(@name))", connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("name", $"{store.Options.DatabaseSchemaName}:seeds");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
