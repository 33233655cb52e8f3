using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Consultation.Infrastructure.Resilience;

/// <summary>
/// How long the service waits on PostgreSQL before giving up, so a request fails fast (503) instead of hanging when
/// the server is down or unreachable. Settings <c>Database:ConnectTimeoutSeconds</c> (default 15, as Npgsql),
/// <c>Database:CommandTimeoutSeconds</c> (30) and <c>Database:KeepAliveSeconds</c> (10, TCP keepalive probes that
/// find a dead server on idle pooled connections). A value written in the connection string itself wins.
/// <c>Database:DeadClientCheckSeconds</c> (1; 0 turns it off) is the other direction: PostgreSQL's
/// <c>client_connection_check_interval</c>, sent as the connection's <c>Options</c> (unless the connection string has its
/// own), so a server notices a killed node even while one of its statements is running — the async daemon's advisory lock
/// is held by a session that waits in <c>pg_sleep</c>, and without the check that lock would outlive the node and no
/// other node could take its projections over until the sleep ended (issue 26).
/// </summary>
public static class DatabaseTimeouts
{
    public const int DefaultConnectSeconds = 15;
    public const int DefaultCommandSeconds = 30;
    public const int DefaultKeepAliveSeconds = 10;
    public const int DefaultDeadClientCheckSeconds = 1;

    public static string Apply(string connectionString, IConfiguration configuration)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet();
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        SetUnlessGiven(given, "timeout", () => csb.Timeout = Seconds(configuration, "ConnectTimeoutSeconds", DefaultConnectSeconds));
        SetUnlessGiven(given, "commandtimeout", () => csb.CommandTimeout = Seconds(configuration, "CommandTimeoutSeconds", DefaultCommandSeconds));
        SetUnlessGiven(given, "keepalive", () => csb.KeepAlive = Seconds(configuration, "KeepAliveSeconds", DefaultKeepAliveSeconds));
        SetUnlessGiven(given, "options", () =>
        {
            var check = Seconds(configuration, "DeadClientCheckSeconds", DefaultDeadClientCheckSeconds);
            if (check > 0)
            {
                csb.Options = $"-c client_connection_check_interval={check * 1000}";
            }
        });
        return csb.ConnectionString;
    }

    private static void SetUnlessGiven(HashSet<string> given, string keyword, Action set)
    {
        if (!given.Contains(keyword))
        {
            set();
        }
    }

    private static int Seconds(IConfiguration configuration, string name, int fallback)
    {
        var text = configuration[$"Database:{name}"];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 3600
            ? seconds
            : throw new InvalidOperationException($"Setting 'Database:{name}' must be a whole number of seconds from 0 to 3600; it is '{text}'.");
    }
}
