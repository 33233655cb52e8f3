using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Consultation.Infrastructure.Database;

/// <summary>
/// Npgsql's automatic preparation (<c>Max Auto Prepare</c>), on by default: the statements every write repeats (Marten's
/// append function, the inline projections' inserts, the facts read) are parsed and planned once per connection. Without
/// it, Npgsql resets a pooled connection with <c>DISCARD ALL</c>, which also throws away the plans PL/pgSQL cached for
/// Marten's <c>mt_quick_append_events</c>, so every write planned them again (tests/Consultation.Benchmarks/README.md has the
/// measurement). Setting <c>Database:MaxAutoPrepare</c> (default 64; 0 = off);
/// a value in the connection string wins.
/// </summary>
public static class StatementPreparation
{
    public const int DefaultMaxAutoPrepare = 64;

    public static string Apply(string connectionString, IConfiguration configuration)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("maxautoprepare", StringComparison.OrdinalIgnoreCase));
        if (given)
        {
            return connectionString;
        }

        var text = configuration["Database:MaxAutoPrepare"];
        var statements = string.IsNullOrWhiteSpace(text)
            ? DefaultMaxAutoPrepare
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1000
                ? value
                : throw new InvalidOperationException($"Setting 'Database:MaxAutoPrepare' must be a whole number from 0 to 1000; it is '{text}'.");
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = statements }.ConnectionString;
    }
}
