using JasperFx.CommandLine;

namespace Consultation.Seeding;

public sealed class SeedInput : NetCoreInput
{
    [Description("Seed folder (default: Seeds:Directory, else <repo>/seeds)")]
    [FlagAlias("directory", 'd')]
    public string? DirectoryFlag { get; set; }
}

/// <summary><c>dotnet run -- seed [-d folder]</c>: loads the seed files through the API's commands; safe to repeat.</summary>
[Description("Load the seed data (seeds/) through the API's commands; facts already present are skipped", Name = "seed")]
public sealed class SeedCommand : JasperFxAsyncCommand<SeedInput>
{
    public override async Task<bool> Execute(SeedInput input)
    {
        using var host = input.BuildHost();
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var directory = input.DirectoryFlag is { Length: > 0 } given
            ? Path.GetFullPath(given)
            : SeedingSetup.SeedDirectory(configuration, host.Services.GetRequiredService<IHostEnvironment>());
        Console.WriteLine($"Loading seeds from {directory}");
        try
        {
            var report = await host.Services.GetRequiredService<SeedLoader>().LoadAsync(directory, CancellationToken.None);
            foreach (var line in report.Lines())
            {
                Console.WriteLine("  " + line);
            }

            Console.WriteLine($"Done: {report.TotalAdded} added, {report.TotalPresent} already present.");
            return true;
        }
        catch (SeedFileException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return false;
        }
    }
}
