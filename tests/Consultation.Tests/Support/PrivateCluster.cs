using System.Net.Sockets;
using Consultation.Infrastructure.Database;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Consultation.Tests.Support;

/// <summary>
/// The test run's database where no Docker engine answers: a PostgreSQL cluster of this run's own, made by the service's
/// <see cref="EmbeddedPostgres"/> (which installs Debian's PostgreSQL server package when the programs are missing and it
/// runs as root, as README command 1 does) in a temporary directory on a free loopback port, stopped and removed when the
/// run ends. Windows is not served: there Docker (or <c>CONSULTATION_TEST_DB</c>) is needed.
/// </summary>
public static class PrivateCluster
{
    public static string Start(string why, Action<string> announce)
    {
        var root = Path.Combine(Path.GetTempPath(), $"consultation-tests-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        var cluster = new EmbeddedPostgres(new EmbeddedPostgresOptions(root, FreePort(), null), Logger());
        string connectionString;
        try
        {
            connectionString = cluster.Start();
        }
        catch (Exception e)
        {
            Remove(root);
            throw new InvalidOperationException($"The tests need PostgreSQL and {why}; a private cluster could not start either: {e.Message}", e);
        }

        RemoveAfterThisRun(root);
        announce($"a private cluster in {root} on 127.0.0.1 ({why}; removed when the run ends)");
        return connectionString;
    }

    /// <summary>
    /// The test host is ended without time for a clean shutdown once the run reports, so a watcher of its own session waits
    /// for this process to end, then stops the server (fast shutdown) and removes the directory.
    /// </summary>
    private static void RemoveAfterThisRun(string root)
    {
        const string Watcher = """
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            pid=$(head -n 1 "$2/data/postmaster.pid" 2>/dev/null)
            if [ -n "$pid" ]; then
                kill -INT "$pid" 2>/dev/null
                i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 120 ]; do sleep 0.5; i=$((i+1)); done
            fi
            rm -rf "$2"
            """;
        var info = new System.Diagnostics.ProcessStartInfo(File.Exists("/usr/bin/setsid") ? "/usr/bin/setsid" : "/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (info.FileName.EndsWith("setsid", StringComparison.Ordinal))
        {
            info.ArgumentList.Add("/bin/sh");
        }

        foreach (var argument in new[] { "-c", Watcher, "cluster-watcher", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), root })
        {
            info.ArgumentList.Add(argument);
        }

        System.Diagnostics.Process.Start(info)?.Dispose();
    }

    private static ILogger<EmbeddedPostgres> Logger() =>
        Environment.GetEnvironmentVariable("CONSULTATION_TEST_VERBOSE") == "true"
            ? LoggerFactory.Create(b => b.AddSimpleConsole()).CreateLogger<EmbeddedPostgres>()
            : NullLogger<EmbeddedPostgres>.Instance;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Remove(string root)
    {
        try
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open by a stopping server: the temporary directory is the system's to clean.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
