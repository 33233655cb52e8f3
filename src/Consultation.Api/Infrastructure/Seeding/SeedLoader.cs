using System.Text.Json;
using Consultation.Infrastructure.Database;
using Consultation.Infrastructure.Pipeline;
using Consultation.Stakeholders.Registering;
using Marten;
using Mediator;

namespace Consultation.Infrastructure.Seeding;

/// <summary>
/// Loads <c>seeds/</c> at start-up when it is present (and <c>Seeds:Enabled</c> is not false):
/// each record goes through the same commands as the API, and records already present are skipped,
/// so restarting never duplicates anything.
/// </summary>
public sealed class SeedLoader(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment, ILogger<SeedLoader> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Seeds:Enabled", true))
        {
            return;
        }

        var directory = configuration["Seeds:Directory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(RepositoryRoot.Find(environment.ContentRootPath) ?? environment.ContentRootPath, "seeds");
        var stakeholdersFile = Path.Combine(directory, "stakeholders.json");
        if (!File.Exists(stakeholdersFile))
        {
            logger.LogInformation("No seeds found in {Directory}", directory);
            return;
        }

        await using var file = File.OpenRead(stakeholdersFile);
        var seeds = await JsonSerializer.DeserializeAsync<StakeholderSeed[]>(file, JsonSerializerOptions.Web, cancellationToken) ?? [];
        var added = 0;
        foreach (var seed in seeds)
        {
            await using var scope = services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<RequestContext>();
            context.UserName = "seed-loader";
            context.Role = "administrator";
            var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
            var state = await session.Events.FetchStreamStateAsync(seed.Key, cancellationToken);
            if (state is not null)
            {
                continue;
            }

            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            await mediator.Send(new RegisterStakeholder.Command(seed.Key, seed.Kind, seed.Name, null, seed.RegionalGroup), cancellationToken);
            added++;
        }

        logger.LogInformation("Seeds: {Added} stakeholders registered, {Skipped} already present (from {File})", added, seeds.Length - added, stakeholdersFile);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed record StakeholderSeed(string Key, string Kind, string Name, string? RegionalGroup, string? Source);
}
