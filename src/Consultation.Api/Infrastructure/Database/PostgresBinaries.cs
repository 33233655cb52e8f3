namespace Consultation.Infrastructure.Database;

/// <summary>Finds the machine's PostgreSQL server programs, installing Debian's package if they are missing and we are root.</summary>
public static class PostgresBinaries
{
    private const string DebianRoot = "/usr/lib/postgresql";

    public static string Locate(string? configured, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasServer(configured)
                ? configured
                : throw new InvalidOperationException($"EmbeddedPostgres:BinDirectory '{configured}' has no initdb/pg_ctl.");
        }

        var found = Search();
        if (found is not null)
        {
            return found;
        }

        if (Environment.UserName == "root" && ExternalCommand.FindOnPath("apt-get") is { } aptGet)
        {
            logger.LogInformation("PostgreSQL server programs not found; installing Debian's postgresql package (a minute or two)");
            var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
            ExternalCommand.RunChecked(aptGet, ["update"], TimeSpan.FromMinutes(5), environment);
            ExternalCommand.RunChecked(aptGet, ["install", "-y", "--no-install-recommends", "postgresql"], TimeSpan.FromMinutes(10), environment);
            found = Search();
        }

        return found ?? throw new InvalidOperationException(
            "No PostgreSQL server programs (initdb, pg_ctl) were found. Install PostgreSQL (Debian/Ubuntu: 'sudo apt-get install postgresql'), "
            + "set EmbeddedPostgres__BinDirectory to its bin folder, or set ConnectionStrings__Consultation to an existing server.");
    }

    /// <summary>The newest server programs on this machine, or null; never installs anything.</summary>
    public static string? Search()
    {
        if (Directory.Exists(DebianRoot))
        {
            var newest = Directory.GetDirectories(DebianRoot)
                .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), out var v) ? v : 0))
                .OrderByDescending(x => x.version)
                .Select(x => Path.Combine(x.dir, "bin"))
                .FirstOrDefault(HasServer);
            if (newest is not null)
            {
                return newest;
            }
        }

        // The folder of the program itself, not of a link to it (e.g. /usr/local/bin/pg_ctl -> /usr/lib/postgresql/15/bin/pg_ctl).
        var onPath = ExternalCommand.FindOnPath("pg_ctl") is { } path ? Program(path) : null;
        return onPath is null ? null : Path.GetDirectoryName(onPath.FullName) is { } dir && HasServer(dir) ? dir : null;
    }

    private static bool HasServer(string dir) => Program(Path.Combine(dir, "initdb")) is not null && Program(Path.Combine(dir, "pg_ctl")) is not null;

    /// <summary>The file a path names, links followed; null when there is none (File.Exists is true of a link whose target is gone).</summary>
    private static FileInfo? Program(string path)
    {
        var file = new FileInfo(Path.GetFullPath(path));
        var target = file.LinkTarget is null ? file : file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
        return target is { Exists: true } ? target : null;
    }
}
