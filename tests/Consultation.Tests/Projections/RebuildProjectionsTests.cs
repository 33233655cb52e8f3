using Marten.Events;
using Npgsql;

namespace Consultation.Tests.Projections;

/// <summary>Rebuilding the projections from the events through the admin endpoint, followed on its status resource and recorded on 'audit:rebuilds'.</summary>
public sealed class RebuildProjectionsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();
    private RebuildSteps Steps => new(_client, api.Schema);

    [Fact]
    public async Task A_rebuild_restores_damaged_documents_shows_progress_and_is_recorded_with_who_asked()
    {
        await Steps.RegisterAsync("MEX", "Mexico", "LatinAmericanAndCaribbean");
        await Steps.RegisterAsync("ECU", "Ecuador", "LatinAmericanAndCaribbean");
        Assert.Equal(1, await Steps.SqlAsync("delete from {schema}.mt_doc_stakeholderdetails where id = 'MEX'"));
        Assert.Equal(1, await Steps.SqlAsync("update {schema}.mt_doc_stakeholderdetails set data = jsonb_set(data, '{name}', '\"Tampered\"') where id = 'ECU'"));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/stakeholders/MEX")).StatusCode);
        Assert.Equal("Tampered", (await Steps.GetJsonAsync("/stakeholders/ECU")).GetProperty("name").GetString());

        var location = await Steps.StartRebuildAsync();
        var status = await Steps.WaitForRebuildAsync(location);

        Assert.True(status.GetProperty("state").GetString() == "Succeeded", status.ToString());
        Assert.Equal(TestIdentity.DefaultUser, status.GetProperty("requestedBy").GetString());
        var head = status.GetProperty("headSequence").GetInt64();
        Assert.True(head > 0, status.ToString());
        var projections = status.GetProperty("projections").EnumerateArray().ToList();
        Assert.Contains(projections, p => p.GetProperty("name").GetString() == "StakeholderDetails");
        Assert.Contains(projections, p => p.GetProperty("name").GetString() == "StakeholderStatistics");
        Assert.All(projections, p =>
        {
            Assert.Equal("Succeeded", p.GetProperty("state").GetString());
            Assert.Equal(100, p.GetProperty("percent").GetDouble());
            Assert.Equal(p.GetProperty("headSequence").GetInt64(), p.GetProperty("sequence").GetInt64());
            Assert.True(p.GetProperty("finishedAt").GetDateTimeOffset() >= p.GetProperty("startedAt").GetDateTimeOffset());
        });

        Assert.Equal("Mexico", (await Steps.GetJsonAsync("/stakeholders/MEX")).GetProperty("name").GetString());
        Assert.Equal("Ecuador", (await Steps.GetJsonAsync("/stakeholders/ECU")).GetProperty("name").GetString());

        var recorded = (await Steps.GetJsonAsync("/audit/streams/audit:rebuilds")).EnumerateArray().Last();
        Assert.Equal(TestIdentity.DefaultUser, recorded.GetProperty("recordedBy").GetProperty("user").GetString());
        Assert.Equal(TestIdentity.DefaultDisplayName, recorded.GetProperty("recordedBy").GetProperty("displayName").GetString());
        var payload = recorded.GetProperty("payload");
        Assert.Equal(location.Split('/').Last(), payload.GetProperty("rebuildId").GetString());
        Assert.Equal("succeeded", payload.GetProperty("outcome").GetString());
        Assert.Equal("api", payload.GetProperty("via").GetString());
        Assert.Equal(head, payload.GetProperty("headSequence").GetInt64());
        Assert.Equal(projections.Count, payload.GetProperty("projections").GetArrayLength());
    }

    [Fact]
    public async Task A_second_rebuild_while_one_runs_is_refused_with_409()
    {
        await Steps.RegisterAsync("THA", "Thailand", "AsiaPacific");

        // Holding a lock on the projection's table keeps the first rebuild running (it cannot tear the table down) until released.
        await using var blocker = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await blocker.OpenAsync();
        var transaction = await blocker.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand($"lock table {api.Schema}.mt_doc_stakeholderdetails in access exclusive mode", blocker, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        var first = await Steps.StartRebuildAsync(new { projections = new[] { "StakeholderDetails" } });
        var refused = await _client.PostJsonAsync("/admin/projections/rebuild", new { projections = new[] { "ProcessDetails" } });
        var problem = await refused.AssertProblemAsync(409);
        Assert.Contains(first, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains((await Steps.GetJsonAsync(first)).GetProperty("state").GetString(), new[] { "Queued", "Running" });
        Assert.Equal(first.Split('/').Last(), (await Steps.GetJsonAsync("/admin/projections")).GetProperty("rebuildRunning").GetString());
        var verify = await (await _client.PostAsync("/admin/projections/verify", null)).AssertProblemAsync(409);
        Assert.Contains(first, verify.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await transaction.RollbackAsync();
        var status = await Steps.WaitForRebuildAsync(first);
        Assert.True(status.GetProperty("state").GetString() == "Succeeded", status.ToString());
        Assert.Equal("StakeholderDetails", Assert.Single(status.GetProperty("projections").EnumerateArray()).GetProperty("name").GetString());

        var next = await Steps.StartRebuildAsync(new { projections = new[] { "processdetails" } });
        Assert.Equal("Succeeded", (await Steps.WaitForRebuildAsync(next)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_unknown_projection_is_refused_with_400_listing_the_known_ones()
    {
        var response = await _client.PostJsonAsync("/admin/projections/rebuild", new { projections = new[] { "StakeholderDetails", "Nonsense" } });
        var problem = await response.AssertProblemAsync(400);
        var messages = problem.GetProperty("errors").EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(m => m.GetString()!).ToList();
        var message = Assert.Single(messages);
        Assert.Contains("'Nonsense' is not a projection", message, StringComparison.Ordinal);
        Assert.Contains("StakeholderStatistics", message, StringComparison.Ordinal);
        Assert.Contains("PositionVersions", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_rebuild_is_404()
    {
        var response = await _client.GetAsync($"/admin/projections/rebuilds/{Guid.NewGuid()}");
        await response.AssertProblemAsync(404);
    }

    [Fact]
    public async Task The_projection_list_names_every_projection_with_lifecycle_documents_and_progress()
    {
        await Steps.RegisterAsync("SLE", "Sierra Leone", "African");
        await api.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var overview = await Steps.GetJsonAsync("/admin/projections");
        var head = overview.GetProperty("headSequence").GetInt64();
        Assert.True(head > 0);
        var projections = overview.GetProperty("projections").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        foreach (var (name, lifecycle, document) in new[]
                 {
                     ("StakeholderDetails", "Inline", "StakeholderDetails"),
                     ("StakeholderStatistics", "Async", "StakeholderStatistics"),
                     ("PositionVersions", "Inline", "PositionVersion"),
                     ("AreaDetails", "Inline", "AreaDetails"),
                     ("ConvergenceSettings", "Inline", "ConvergenceSettings"),
                 })
        {
            Assert.True(projections.TryGetValue(name, out var projection), $"{name} is not listed: {overview}");
            Assert.Equal(lifecycle, projection.GetProperty("lifecycle").GetString());
            Assert.Contains(document, projection.GetProperty("documentTypes").EnumerateArray().Select(d => d.GetString()));
            Assert.Equal(head, projection.GetProperty("sequence").GetInt64());
            Assert.Equal(0, projection.GetProperty("behind").GetInt64());
        }

        // Live aggregations (the write models) store nothing and are not projections to rebuild.
        Assert.DoesNotContain("Stakeholder", projections.Keys);
    }
}
