namespace Consultation.Benchmarks;

/// <summary>
/// Where PostgreSQL spends its time during a write run, statement by statement, from <c>pg_stat_statements</c> (loaded
/// by the benchmark's own container; on a server without it, nothing is reported). Statements run inside a function
/// (Marten's <c>mt_quick_append_events</c>) are counted too and marked "inside", so the parts of the append show.
/// </summary>
public sealed class ServerStatements(BenchDatabase database)
{
    private bool? _available;

    public async Task ResetAsync()
    {
        if (await AvailableAsync())
        {
            await database.ExecuteAsync("select pg_stat_statements_reset()");
        }
    }

    /// <summary>The statements with the most execution time since the reset, per operation; null when not measurable.</summary>
    public async Task<IReadOnlyList<ServerStatement>?> TopAsync(long operations, int count = 8)
    {
        if (operations <= 0 || !await AvailableAsync())
        {
            return null;
        }

        await using var connection = await database.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select regexp_replace(query, '\s+', ' ', 'g'), toplevel, calls, total_exec_time
            from pg_stat_statements
            where query not ilike '%pg_stat_statements%'
            order by total_exec_time desc
            limit $1
            """,
            connection);
        command.Parameters.AddWithValue(count);
        var top = new List<ServerStatement>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            top.Add(new ServerStatement(
                reader.GetString(0),
                reader.GetBoolean(1),
                reader.GetInt64(2) / (double)operations,
                reader.GetDouble(3) / operations));
        }

        return top;
    }

    public static string Describe(IReadOnlyList<ServerStatement> top) => string.Join(
        " · ",
        top.Select(s => $"{Report.Ms(s.MsPerOperation)} ms {Shorten(s.Query)}{(s.TopLevel ? string.Empty : " (inside)")} ×{s.CallsPerOperation.ToString("0.##", CultureInfo.InvariantCulture)}"));

    private static string Shorten(string query) => query.Length <= 60 ? query : query[..60] + "…";

    private async Task<bool> AvailableAsync()
    {
        if (_available is { } known)
        {
            return known;
        }

        try
        {
            await database.ExecuteAsync("create extension if not exists pg_stat_statements");
            await database.ExecuteAsync("select pg_stat_statements_reset()");
            _available = true;
        }
        catch (PostgresException e)
        {
            Log.Line($"pg_stat_statements is not loaded on this server ({e.MessageText}); no statement breakdown of the server's time");
            _available = false;
        }

        return _available.Value;
    }
}

/// <summary>One statement's share of the server's time: calls and execution milliseconds per operation of the run.</summary>
public sealed record ServerStatement(string Query, bool TopLevel, double CallsPerOperation, double MsPerOperation);
