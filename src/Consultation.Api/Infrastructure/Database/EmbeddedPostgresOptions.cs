namespace Consultation.Infrastructure.Database;

/// <summary>Where and how the private development cluster lives (section <c>EmbeddedPostgres</c>).</summary>
public sealed record EmbeddedPostgresOptions(string RootDirectory, int Port, string? BinDirectory)
{
    public const int DefaultPort = 55432;

    public static EmbeddedPostgresOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection("EmbeddedPostgres");
        var root = section["Directory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : DefaultRoot(environment);
        var port = int.TryParse(section["Port"], out var p) ? p : DefaultPort;
        return new EmbeddedPostgresOptions(root, port, section["BinDirectory"]);
    }

    /// <summary><c>.data/postgres</c> in the repository (ignored by git), else under the user's data folder.</summary>
    private static string DefaultRoot(IHostEnvironment environment)
    {
        var repository = RepositoryRoot.Find(environment.ContentRootPath) ?? RepositoryRoot.Find(AppContext.BaseDirectory);
        return repository is not null
            ? Path.Combine(repository, ".data", "postgres")
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "consultation-tracker", "postgres");
    }
}
