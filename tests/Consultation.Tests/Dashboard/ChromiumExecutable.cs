using Consultation.Infrastructure.Database;

namespace Consultation.Tests.Dashboard;

/// <summary>
/// Where the browser tests find Chromium: <c>CONSULTATION_TEST_CHROMIUM</c>, Debian's <c>/usr/bin/chromium</c>, or a
/// <c>chromium</c>/<c>chromium-browser</c> on the path. When there is none and the run is root on Debian/Ubuntu, Debian's
/// package is installed once (as README command 1 installs PostgreSQL); otherwise the tests fail with one line saying what
/// to install.
/// </summary>
public static class ChromiumExecutable
{
    public const string Variable = "CONSULTATION_TEST_CHROMIUM";
    public const string DebianPath = "/usr/bin/chromium";

    private static readonly Lazy<(string? Path, string? Missing)> Found = new(Locate);

    /// <summary>The browser's path; throws one line saying what to install when there is none.</summary>
    public static string Path => Found.Value.Path ?? throw new ChromiumMissingException(Found.Value.Missing!);

    private static (string?, string?) Locate()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? (configured, null) : (null, $"{Variable} names {configured}, which does not exist.");
        }

        if (Search() is { } found)
        {
            return (found, null);
        }

        if (Environment.UserName == "root" && ExternalCommand.FindOnPath("apt-get") is { } aptGet)
        {
            Console.Error.WriteLine("[tests] Chromium not found; installing Debian's chromium package for the browser tests (a minute or two)");
            var environment = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
            try
            {
                ExternalCommand.RunChecked(aptGet, ["update"], TimeSpan.FromMinutes(5), environment);
                ExternalCommand.RunChecked(aptGet, ["install", "-y", "--no-install-recommends", "chromium"], TimeSpan.FromMinutes(15), environment);
            }
            catch (Exception e)
            {
                return (null, $"The browser tests need Chromium and installing Debian's chromium package failed ({e.Message.Split('\n')[0]}).");
            }

            if (Search() is { } installed)
            {
                return (installed, null);
            }
        }

        return (null, $"The browser tests need Chromium: install it (Debian/Ubuntu: sudo apt-get install chromium) or set {Variable} to its path.");
    }

    private static string? Search() =>
        File.Exists(DebianPath) ? DebianPath : ExternalCommand.FindOnPath("chromium") ?? ExternalCommand.FindOnPath("chromium-browser");
}

/// <summary>A missing prerequisite, said in one line (no stack trace of ours is needed to act on it).</summary>
public sealed class ChromiumMissingException(string message) : Exception(message)
{
    public override string? StackTrace => null;
}
