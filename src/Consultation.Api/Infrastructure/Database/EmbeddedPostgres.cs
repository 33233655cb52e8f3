using System.Security.Cryptography;
using Npgsql;

namespace Consultation.Infrastructure.Database;

/// <summary>
/// A private PostgreSQL cluster for running the service without any setup: created with the
/// machine's PostgreSQL binaries (installing Debian's package when they are missing and we may),
/// listening on 127.0.0.1 only, password-protected, its data kept between runs.
/// PostgreSQL refuses to run as root, so under root the cluster runs as the <c>postgres</c> user.
/// </summary>
public sealed class EmbeddedPostgres(EmbeddedPostgresOptions options, ILogger<EmbeddedPostgres> logger)
{
    public const string Database = "consultation";
    public const string User = "consultation";
    private const string ServiceUser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private string? _binDirectory;
    private bool _started;

    public string DataDirectory => Path.Combine(options.RootDirectory, "data");

    private string PasswordFile => Path.Combine(options.RootDirectory, "password");

    private string LogFile => Path.Combine(options.RootDirectory, "server.log");

    private static bool RunningAsRoot => Environment.UserName == "root";

    public string Start()
    {
        _binDirectory = PostgresBinaries.Locate(options.BinDirectory, logger);
        Directory.CreateDirectory(options.RootDirectory);
        var password = EnsurePassword();
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            Initialize();
        }

        if (Pg("pg_ctl", ["status", "-D", DataDirectory]).ExitCode == 0)
        {
            // Another process of ours (the service, or a CLI command beside it) runs it: use it, leave stopping to that process.
            logger.LogInformation("Private PostgreSQL cluster in {Directory} is already running; using it", DataDirectory);
        }
        else
        {
            logger.LogInformation("Starting private PostgreSQL cluster in {Directory} on 127.0.0.1:{Port}", DataDirectory, options.Port);
            var started = Pg("pg_ctl", ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", $"-p {options.Port}"]);
            if (started.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"The private PostgreSQL cluster did not start: {started.Output}. See {LogFile} (is port {options.Port} taken? set EmbeddedPostgres__Port).");
            }

            _started = true;
        }

        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = options.Port,
            Database = Database,
            Username = User,
            Password = password,
        }.ConnectionString;
        EnsureDatabase(connectionString);
        return connectionString;
    }

    public void Stop()
    {
        if (!_started)
        {
            return;
        }

        _started = false;
        var stopped = Pg("pg_ctl", ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60"]);
        if (stopped.ExitCode == 0)
        {
            logger.LogInformation("Stopped the private PostgreSQL cluster; its data stays in {Directory}", DataDirectory);
        }
        else
        {
            logger.LogWarning("Stopping the private PostgreSQL cluster failed: {Output}", stopped.Output);
        }
    }

    private string EnsurePassword()
    {
        if (!File.Exists(PasswordFile))
        {
            File.WriteAllText(PasswordFile, Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return File.ReadAllText(PasswordFile).Trim();
    }

    private void Initialize()
    {
        logger.LogInformation("Creating a private PostgreSQL cluster in {Directory}", DataDirectory);
        Directory.CreateDirectory(DataDirectory);
        if (RunningAsRoot)
        {
            ExternalCommand.RunChecked("chown", ["-R", $"{ServiceUser}:", options.RootDirectory], CommandTimeout);
        }

        Pg(
            "initdb",
            ["-D", DataDirectory, "-U", User, $"--pwfile={PasswordFile}", "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale"],
            check: true);
        File.AppendAllLines(
            Path.Combine(DataDirectory, "postgresql.conf"),
            ["# consultation tracker: loopback only, no unix socket", "listen_addresses = '127.0.0.1'", "unix_socket_directories = ''"]);
    }

    private void EnsureDatabase(string connectionString)
    {
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        using var connection = new NpgsqlConnection(admin.ConnectionString);
        connection.Open();
        using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", connection);
        exists.Parameters.AddWithValue("name", Database);
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"create database {Database}", connection);
            create.ExecuteNonQuery();
            logger.LogInformation("Created database {Database}", Database);
        }
    }

    /// <summary>Runs a PostgreSQL program, as the <c>postgres</c> user when we are root.</summary>
    private ExternalCommand.Result Pg(string program, IEnumerable<string> arguments, bool check = false)
    {
        var path = Path.Combine(_binDirectory!, program);
        var result = RunningAsRoot
            ? ExternalCommand.Run("runuser", ["-u", ServiceUser, "--", path, .. arguments], CommandTimeout)
            : ExternalCommand.Run(path, arguments, CommandTimeout);
        if (check && result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed (exit {result.ExitCode}): {result.Output}");
        }

        return result;
    }
}
