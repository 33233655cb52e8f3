using Consultation.Stakeholders;

namespace Consultation.Tests.Stakeholders;

public sealed class RenamingStakeholdersTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private async Task RegisterAsync(string key, string name) =>
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/stakeholders", StakeholderRequests.MemberState(key, name, "African"))).StatusCode);

    [Fact]
    public async Task Renaming_with_the_current_etag_changes_the_name_and_keeps_the_history()
    {
        await RegisterAsync("ZAF", "South Africa");

        var response = await _client.PostJsonAsync("/stakeholders/ZAF/rename", new { name = "Republic of South Africa", reason = "Official name used in the list of participants" }, "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal("Republic of South Africa", (await response.ReadAsync<StakeholderDetails>()).Name);
        await using var session = api.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync("ZAF");
        var renamed = Assert.IsType<StakeholderRenamed>(events[1].Data);
        Assert.Equal("South Africa", renamed.PreviousName);
        Assert.Equal("Official name used in the list of participants", renamed.Reason);
    }

    [Fact]
    public async Task A_stale_etag_is_refused_with_412_and_nothing_is_written()
    {
        await RegisterAsync("NGA", "Nigeria");
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync("/stakeholders/NGA/rename", new { name = "Federal Republic of Nigeria", reason = "official" }, "\"1\"")).StatusCode);

        var stale = await _client.PostJsonAsync("/stakeholders/NGA/rename", new { name = "Nigeria (FRN)", reason = "typo" }, "\"1\"");

        var problem = await stale.AssertProblemAsync(412);
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt64());
        await using var session = api.Store.QuerySession();
        Assert.Equal(2, (await session.Events.FetchStreamAsync("NGA")).Count);
        Assert.Equal("Federal Republic of Nigeria", (await session.LoadAsync<StakeholderDetails>("NGA"))!.Name);
    }

    [Fact]
    public async Task Concurrent_renames_from_the_same_version_let_exactly_one_through()
    {
        await RegisterAsync("GHA", "Ghana");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            _client.PostJsonAsync("/stakeholders/GHA/rename", new { name = $"Ghana {i}", reason = "race" }, "\"1\"")));

        Assert.Single(attempts, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        await using var session = api.Store.QuerySession();
        Assert.Equal(2, (await session.Events.FetchStreamAsync("GHA")).Count);
    }

    [Fact]
    public async Task Renaming_without_if_match_is_refused_with_428()
    {
        await RegisterAsync("KEN", "Kenya");

        var problem = await (await _client.PostJsonAsync("/stakeholders/KEN/rename", new { name = "Republic of Kenya", reason = "official" })).AssertProblemAsync(428);

        Assert.Contains("If-Match", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_malformed_if_match_is_a_validation_error()
    {
        await RegisterAsync("SEN", "Senegal");

        var problem = await (await _client.PostJsonAsync("/stakeholders/SEN/rename", new { name = "Republic of Senegal", reason = "official" }, "version-one")).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor("if-Match"));
    }

    [Fact]
    public async Task Renaming_needs_a_reason_and_an_actual_change()
    {
        await RegisterAsync("MLI", "Mali");

        var noReason = await (await _client.PostJsonAsync("/stakeholders/MLI/rename", new { name = "Republic of Mali" }, "\"1\"")).AssertProblemAsync(400);
        Assert.NotEmpty(noReason.ErrorsFor("reason"));
        await (await _client.PostJsonAsync("/stakeholders/MLI/rename", new { name = "Mali", reason = "same" }, "\"1\"")).AssertProblemAsync(409);
        await using var session = api.Store.QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync("MLI"));
    }

    [Fact]
    public async Task Renaming_an_unknown_stakeholder_is_not_found()
    {
        await (await _client.PostJsonAsync("/stakeholders/XXX/rename", new { name = "Nowhere", reason = "test" }, "\"1\"")).AssertProblemAsync(404);
    }
}
