using System.Text.RegularExpressions;
using Consultation.Infrastructure.Resilience;
using Npgsql;

namespace Consultation.Infrastructure.Database;

/// <summary>
/// The PostgreSQL the service talks to: the configured connection string
/// (<c>ConnectionStrings:Consultation</c>), or else a private cluster under the repository,
/// started on first use and stopped when the host stops (its data stays for the next run).
/// </summary>
public sealed partial class ConsultationDatabase(IConfiguration configuration, IHostEnvironment environment, ILoggerFactory loggers)
    : IDisposable
{
    public const string ConnectionStringName = "Consultation";

    private readonly Lock _gate = new();
    private string? _connectionString;
    private EmbeddedPostgres? _embedded;

    public string ConnectionString
    {
        get
        {
            lock (_gate)
            {
                return _connectionString ??= StatementPreparation.Apply(DatabaseTimeouts.Apply(Resolve(), configuration), configuration);
            }
        }
    }

    /// <summary>Schema for documents and events; tests give each class its own.</summary>
    public string SchemaName => SchemaFrom(configuration);

    /// <summary>The configured schema (default <c>consultation</c>), refused unless it is a plain PostgreSQL identifier.</summary>
    public static string SchemaFrom(IConfiguration configuration)
    {
        var schema = configuration["Marten:Schema"] is { Length: > 0 } configured ? configured : "consultation";
        return SchemaPattern().IsMatch(schema)
            ? schema
            : throw new InvalidOperationException(
                $"Setting 'Marten:Schema' must be a PostgreSQL identifier (lowercase letters, digits and underscores, at most 63); it is '{schema}'.");
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaPattern();

    /// <summary>The server address without credentials, for start-up messages.</summary>
    public string Describe()
    {
        var csb = new NpgsqlConnectionStringBuilder(ConnectionString);
        var where = _embedded is null ? "configured server" : $"private cluster in {_embedded.DataDirectory}";
        return $"{csb.Host}:{csb.Port}/{csb.Database} ({where})";
    }

    private string Resolve()
    {
        var configured = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var options = EmbeddedPostgresOptions.From(configuration, environment);
        _embedded = new EmbeddedPostgres(options, loggers.CreateLogger<EmbeddedPostgres>());
        return _embedded.Start();
    }

    public void Dispose() => _embedded?.Stop();
}
