using Npgsql;

namespace Consultation.Tests.Audit.Integrity;

/// <summary>An event as stored: where it sits in the global sequence and which stream version it is.</summary>
public sealed record StoredEvent(long Sequence, string StreamKey, long Version);

/// <summary>A record built through the API, its hash chain, and the superuser's tools to tamper with it directly in PostgreSQL.</summary>
public sealed class ChainRecord(ApiFactory api)
{
    public HttpClient Client { get; } = api.CreateClient();

    public string Schema => api.Schema;

    /// <summary>The process built by <see cref="BuildAsync"/>.</summary>
    public string Process { get; private set; } = string.Empty;

    /// <summary>A process with two issues, stakeholders and an open meeting, plus a few more issues: events in several streams.</summary>
    public async Task BuildAsync()
    {
        var secretariat = new Secretariat(Client);
        var (process, _) = await secretariat.OpenStocktakingAsync("alpha", "beta");
        await secretariat.TableIssueAsync(process, "gamma");
        await secretariat.TableIssueAsync(process, "delta");
        Process = process;
    }

    /// <summary>Waits until the chain's subscription has chained every event recorded so far.</summary>
    public async Task<JsonElement> WaitForChainAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var attestation = await GetOkAsync("/audit/attestation");
            if (attestation.GetProperty("pending").GetInt64() == 0 && attestation.GetProperty("sequence").GetInt64() > 0)
            {
                return attestation;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The chain did not catch up: {attestation}");
            await Task.Delay(100);
        }
    }

    public async Task<JsonElement> GetOkAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public async Task<IReadOnlyList<StoredEvent>> EventsAsync()
    {
        await using var connection = await SuperuserAsync();
        await using var command = new NpgsqlCommand($"select seq_id, stream_id, version from {Schema}.mt_events order by seq_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync())
        {
            events.Add(new StoredEvent(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return events;
    }

    public async Task<string?> QueryScalarAsync(string sql)
    {
        await using var connection = await SuperuserAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync();
    }

    /// <summary>Runs SQL as the database superuser with triggers switched off, as someone tampering with the database would.</summary>
    public async Task TamperAsync(string sql)
    {
        await using var connection = await SuperuserAsync();
        await using var command = new NpgsqlCommand($"set session_replication_role = replica; {sql}; set session_replication_role = origin;", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Consumes a number of the events sequence, as a transaction that failed after taking it would: a gap in seq_id.</summary>
    public async Task<long> ConsumeSequenceNumberAsync()
    {
        await using var connection = await SuperuserAsync();
        await using var command = new NpgsqlCommand($"select nextval('{Schema}.mt_events_sequence')", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<NpgsqlConnection> SuperuserAsync()
    {
        var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        return connection;
    }
}
