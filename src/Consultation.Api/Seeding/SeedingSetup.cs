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

/// <summary>Loads <c>seeds/</c> at start-up when <c>Seeds:Enabled</c> (default true) and the folder holds seed files.</summary>
public sealed class SeedOnStartup(SeedLoader loader, IConfiguration configuration, IHostEnvironment environment, ILogger<SeedOnStartup> logger)
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

        await loader.LoadAsync(directory, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
