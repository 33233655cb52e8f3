using Consultation.Positions;
using Consultation.Positions.Reading;

namespace Consultation.Tests.Positions;

public sealed class PositionsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    private static object Body(int stance = 1, string statedOn = "2017-12-05", string stakeholder = "MEX", string? onBehalfOf = null, string meeting = "stocktaking-2017") => new
    {
        stakeholder,
        onBehalfOf,
        stance,
        conditions = stance == 1 ? "if national sovereignty is respected" : null,
        summary = "Supports the cooperative framework",
        quote = "Apoyamos un pacto cooperativo",
        quoteLanguage = "es",
        meeting,
        documentReference = "Closing statement, para. 12",
        statedOn,
    };

    private async Task<string> OpenProcessAsync()
    {
        var (process, _) = await _secretariat.OpenStocktakingAsync("sovereignty", "human-rights");
        return process;
    }

    private static string PositionUrl(string process, string stakeholder = "MEX", string issue = "sovereignty") =>
        $"/processes/{process}/issues/{issue}/positions/{stakeholder}";

    [Fact]
    public async Task Stating_a_position_returns_it_with_location_and_etag()
    {
        var process = await OpenProcessAsync();

        var response = await Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", Body());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(PositionUrl(process), response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var position = await response.ReadAsync<PositionDetails>();
        Assert.Equal(1, position.Stance);
        Assert.Equal("if national sovereignty is respected", position.Conditions);
        Assert.Equal(new VerbatimQuote("Apoyamos un pacto cooperativo", "es"), position.Quote);
        Assert.Equal(new DateOnly(2017, 12, 5), position.StatedOn);
        Assert.Equal(PositionStatus.Standing, position.Status);
        Assert.Equivalent(position, await (await Client.GetAsync(PositionUrl(process))).ReadAsync<PositionDetails>(), strict: true);
    }

    [Fact]
    public async Task A_position_stated_for_a_group_is_the_groups()
    {
        var process = await OpenProcessAsync();
        await _secretariat.EnsureStakeholderAsync("grulac", kind: "GroupOrBloc", name: "Latin American and Caribbean Group");
        await _secretariat.EnsureAccreditedAsync("grulac", process);

        var response = await Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", Body(onBehalfOf: "grulac"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var position = await response.ReadAsync<PositionDetails>();
        Assert.Equal("grulac", position.Stakeholder);
        Assert.Equal("MEX", position.SpokenBy);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(PositionUrl(process))).StatusCode);
    }

    [Theory]
    [InlineData(3, "2017-12-05", "stance")]
    [InlineData(-3, "2017-12-05", "stance")]
    public async Task Invalid_positions_get_400_naming_the_field(int stance, string statedOn, string field)
    {
        var process = await OpenProcessAsync();

        var problem = await (await Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", Body(stance, statedOn))).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task Missing_content_and_malformed_keys_are_named()
    {
        var process = await OpenProcessAsync();

        var problem = await (await Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", new { stakeholder = "Mexico!", meeting = "Stocktaking 2017", quote = "x" })).AssertProblemAsync(400);

        foreach (var field in new[] { "stakeholder", "stance", "summary", "meeting", "statedOn", "quoteLanguage" })
        {
            Assert.NotEmpty(problem.ErrorsFor(field));
        }
    }

    [Fact]
    public async Task The_rules_around_issue_meeting_and_date_are_enforced()
    {
        var process = await OpenProcessAsync();
        await _secretariat.RetireIssueAsync(process, "human-rights");

        await (await Client.PostJsonAsync($"/processes/{process}/issues/missing/positions", Body())).AssertProblemAsync(404);
        await (await Client.PostJsonAsync($"/processes/{process}/issues/human-rights/positions", Body())).AssertProblemAsync(409);
        await (await Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", Body(meeting: "nowhere"))).AssertProblemAsync(404);
        await (await Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", Body(stakeholder: "XYZ"))).AssertProblemAsync(404);
        var outside = await (await Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", Body(statedOn: "2017-12-07"))).AssertProblemAsync(409);
        Assert.Contains("must fall within meeting", outside.GetProperty("detail").GetString());
        await (await Client.PostJsonAsync($"/processes/unknown/issues/sovereignty/positions", Body())).AssertProblemAsync(404);
    }

    [Fact]
    public async Task A_standing_position_is_not_stated_twice()
    {
        var process = await OpenProcessAsync();
        Assert.Equal(HttpStatusCode.Created, (await Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", Body())).StatusCode);

        var again = await (await Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", Body(stance: 2))).AssertProblemAsync(409);

        Assert.Contains("revise", again.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Revisions_and_corrections_are_kept_apart_in_the_history()
    {
        var process = await OpenProcessAsync();
        var url = PositionUrl(process);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", Body())).StatusCode);

        var corrected = await _secretariat.UpdateOkAsync(url, "correct", new { stance = 2, summary = "Strongly supports the cooperative framework", meeting = "stocktaking-2017", statedOn = "2017-12-05", reason = "Stance was entered wrong" });
        Assert.Equal("\"2\"", corrected.Headers.ETag?.Tag);
        var revised = await (await _secretariat.UpdateOkAsync(url, "revise", new { stance = -1, summary = "Now has reservations", meeting = "stocktaking-2017", statedOn = "2017-12-06", reason = "New instructions from the capital" })).ReadAsync<PositionDetails>();
        Assert.Equal(-1, revised.Stance);
        Assert.Equal(3, revised.Version);

        var history = await (await Client.GetAsync(url + "/history")).ReadAsync<List<GetPositionHistory.Change>>();
        Assert.Equal([GetPositionHistory.ChangeKind.Stated, GetPositionHistory.ChangeKind.Corrected, GetPositionHistory.ChangeKind.Revised], history.Select(h => h.Kind));
        Assert.Null(history[0].Before);
        Assert.Equal(1, history[1].Before!.Stance);
        Assert.Equal(2, history[1].After!.Stance);
        Assert.Equal("Stance was entered wrong", history[1].Reason);
        Assert.Equal(2, history[2].Before!.Stance);
        Assert.Equal(-1, history[2].After!.Stance);
        Assert.All(history, h => Assert.Equal(TestIdentity.DefaultUser, h.RecordedBy));
        Assert.All(history, h => Assert.False(string.IsNullOrEmpty(h.CorrelationId)));
    }

    [Fact]
    public async Task Updates_need_the_current_version_and_a_reason()
    {
        var process = await OpenProcessAsync();
        var url = PositionUrl(process);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", Body())).StatusCode);
        var revision = new { stance = -1, summary = "Now has reservations", meeting = "stocktaking-2017", statedOn = "2017-12-06", reason = "Shift" };

        await (await Client.PostJsonAsync(url + "/revise", revision)).AssertProblemAsync(428);
        await _secretariat.UpdateOkAsync(url, "revise", revision);
        await (await Client.PostJsonAsync(url + "/revise", revision with { }, "\"1\"")).AssertProblemAsync(412);
        var noReason = await (await _secretariat.UpdateAsync(url, "revise", new { stance = -2, summary = "Opposes", meeting = "stocktaking-2017", statedOn = "2017-12-06" })).AssertProblemAsync(400);
        Assert.NotEmpty(noReason.ErrorsFor("reason"));
        await (await Client.PostJsonAsync(PositionUrl(process, "ECU") + "/revise", revision, "\"1\"")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task Concurrent_revisions_from_the_same_version_let_exactly_one_through()
    {
        var process = await OpenProcessAsync();
        var url = PositionUrl(process);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", Body())).StatusCode);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Client.PostJsonAsync(
            url + "/revise",
            new { stance = i % 2 == 0 ? -1 : 2, summary = $"Revision {i}", meeting = "stocktaking-2017", statedOn = "2017-12-06", reason = "race" },
            "\"1\"")));

        Assert.Single(attempts, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        Assert.Equal(2, (await (await Client.GetAsync(url)).ReadAsync<PositionDetails>()).Version);
    }

    [Fact]
    public async Task A_withdrawn_position_can_be_stated_again()
    {
        var process = await OpenProcessAsync();
        var url = PositionUrl(process);
        Assert.Equal(HttpStatusCode.Created, (await Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", Body(statedOn: "2017-12-04"))).StatusCode);

        var withdrawn = await (await _secretariat.UpdateOkAsync(url, "withdraw", new { meeting = "stocktaking-2017", withdrawnOn = "2017-12-05", reason = "Awaiting instructions" })).ReadAsync<PositionDetails>();
        Assert.Equal(PositionStatus.Withdrawn, withdrawn.Status);
        await (await _secretariat.UpdateAsync(url, "revise", new { stance = 2, summary = "x", meeting = "stocktaking-2017", statedOn = "2017-12-06", reason = "x" })).AssertProblemAsync(409);

        var restated = await Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", Body(stance: 2, statedOn: "2017-12-06"));

        Assert.Equal(HttpStatusCode.Created, restated.StatusCode);
        Assert.Equal(PositionStatus.Standing, (await restated.ReadAsync<PositionDetails>()).Status);
        var history = await (await Client.GetAsync(url + "/history")).ReadAsync<List<GetPositionHistory.Change>>();
        Assert.Equal([GetPositionHistory.ChangeKind.Stated, GetPositionHistory.ChangeKind.Withdrawn, GetPositionHistory.ChangeKind.Stated], history.Select(h => h.Kind));
    }
}
