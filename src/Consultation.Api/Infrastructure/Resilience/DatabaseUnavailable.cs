using System.Net.Sockets;
using Npgsql;

namespace Consultation.Infrastructure.Resilience;

/// <summary>
/// Tells "the database cannot be reached or cannot serve now" (worth retrying later: 503) from a real error (500).
/// Marten wraps Npgsql's exceptions, so the whole chain of inner exceptions is searched.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>Seconds a client is told to wait (<c>Retry-After</c>) before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Is))
            {
                return true;
            }

            if (Matches(e))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(Exception e) => e switch
    {
        PostgresException postgres => IsUnavailableState(postgres.SqlState),
        NpgsqlException { IsTransient: true } => true, // broken or refused connections, I/O errors, timeouts
        NpgsqlException npgsql when npgsql.InnerException is SocketException or IOException or TimeoutException => true,
        SocketException or TimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// SQLSTATEs that mean the server is going away, refusing or overloaded: class 08 (connection exception),
    /// 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now), 53300 (too many connections), 53xxx (out of resources).
    /// Serialization failures and deadlocks (40xxx) are left out: the concurrency mapping answers them.
    /// </summary>
    public static bool IsUnavailableState(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState is "57P01" or "57P02" or "57P03" or "57014"
        || sqlState.StartsWith("53", StringComparison.Ordinal);
}
