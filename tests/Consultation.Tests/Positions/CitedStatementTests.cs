using System.Net.Http.Json;

namespace Consultation.Tests.Positions;

/// <summary>A position may cite the statement it was expressed in: only a statement recorded at that meeting is accepted.</summary>
public sealed class CitedStatementTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private static object Position(string stakeholder, int stance, string? statement) => new
    {
        stakeholder,
        stance,
        summary = $"Stance {stance}",
        meeting = "stocktaking-2017",
        statement,
        statedOn = "2017-12-04",
    };

    /// <summary>Mexico's statement on sovereignty, recorded as the meeting's first (s1).</summary>
    private Task RecordStatementAsync(string meeting) => _secretariat.UpdateOkAsync(meeting, "statements", new
    {
        speaker = "MEX",
        issues = new[] { "sovereignty" },
        summary = "Stressed national sovereignty.",
        language = "es",
        saidOn = new DateOnly(2017, 12, 4),
    });

    [Fact]
    public async Task A_statement_recorded_at_the_meeting_can_be_cited_and_any_other_is_refused_with_404()
    {
        var (process, meeting) = await _secretariat.OpenStocktakingAsync("sovereignty");
        await RecordStatementAsync(meeting);
        var positions = $"/processes/{process}/issues/sovereignty/positions";

        var unknown = await (await _secretariat.Client.PostJsonAsync(positions, Position("MEX", 1, "s2"))).AssertProblemAsync(404);
        Assert.Contains("s2", unknown.GetProperty("detail").GetString());
        var cited = await _secretariat.Client.PostJsonAsync(positions, Position("MEX", 1, "s1"));
        Assert.True(cited.StatusCode == HttpStatusCode.Created, await cited.Content.ReadAsStringAsync());

        var url = PositionSteps.PositionUrl(process, "sovereignty", "MEX");
        var revise = new { stance = 2, summary = "Now 2", meeting = "stocktaking-2017", statement = "s7", statedOn = "2017-12-05", reason = "New instructions" };
        var refused = await (await _secretariat.UpdateAsync(url, "revise", revise)).AssertProblemAsync(404);
        Assert.Contains("s7", refused.GetProperty("detail").GetString());
        await _secretariat.UpdateOkAsync(url, "revise", revise with { statement = "s1" });
        await (await _secretariat.UpdateAsync(url, "withdraw", new { meeting = "stocktaking-2017", statement = "s3", withdrawnOn = "2017-12-06", reason = "Awaiting instructions" }))
            .AssertProblemAsync(404);
        Assert.Equal(2, (await _secretariat.Client.GetFromJsonAsync<System.Text.Json.JsonElement>(url)).GetProperty("stance").GetInt32());
    }

    [Fact]
    public async Task A_batch_s_items_may_cite_recorded_statements_and_an_item_citing_any_other_is_refused_by_index()
    {
        var (process, meeting) = await _secretariat.OpenStocktakingAsync("sovereignty", "labour");
        await _secretariat.EnsureStakeholderAsync("ECU");
        await _secretariat.EnsureParticipantAsync(process, "stocktaking-2017", "ECU");
        await RecordStatementAsync(meeting);
        var batch = $"/processes/{process}/positions/batch";
        object Item(string issue, string stakeholder, string? statement) =>
            new { issue, stakeholder, stance = 1, summary = "Stance 1", meeting = "stocktaking-2017", statement, statedOn = "2017-12-04" };

        var refused = await (await _secretariat.Client.PostJsonAsync(batch, new { items = new[] { Item("sovereignty", "MEX", "s1"), Item("labour", "ECU", "s9") } }))
            .AssertProblemAsync(422);
        Assert.Contains("s9", Assert.Single(refused.ErrorsFor("items[1]")));
        Assert.Empty(refused.ErrorsFor("items[0]"));

        var written = await _secretariat.Client.PostJsonAsync(batch, new { items = new[] { Item("sovereignty", "MEX", "s1"), Item("labour", "MEX", "s1"), Item("labour", "ECU", null) } });
        Assert.True(written.StatusCode == HttpStatusCode.Created, await written.Content.ReadAsStringAsync());
        Assert.Equal("s1", (await _secretariat.Client.GetFromJsonAsync<System.Text.Json.JsonElement>(PositionSteps.PositionUrl(process, "labour", "MEX")))
            .GetProperty("source").GetProperty("statement").GetString());
    }

    [Fact]
    public async Task A_withdrawn_statement_stays_cited_where_it_was_but_no_position_newly_cites_it()
    {
        var (process, meeting) = await _secretariat.OpenStocktakingAsync("sovereignty", "labour");
        await _secretariat.EnsureStakeholderAsync("ECU");
        await _secretariat.EnsureParticipantAsync(process, "stocktaking-2017", "ECU");
        await RecordStatementAsync(meeting);
        var positions = $"/processes/{process}/issues/sovereignty/positions";
        var cited = await _secretariat.Client.PostJsonAsync(positions, Position("MEX", 1, "s1"));
        Assert.True(cited.StatusCode == HttpStatusCode.Created, await cited.Content.ReadAsStringAsync());
        await _secretariat.UpdateOkAsync($"{meeting}/statements/s1", "withdraw", new { reason = "Recorded at the wrong meeting" });

        var stated = await (await _secretariat.Client.PostJsonAsync(positions, Position("ECU", 1, "s1"))).AssertProblemAsync(409);
        Assert.Contains("was withdrawn from the record; a position cannot newly cite it", stated.GetProperty("detail").GetString());
        var inBatch = await (await _secretariat.Client.PostJsonAsync($"/processes/{process}/positions/batch", new
        {
            items = new[] { new { issue = "labour", stakeholder = "ECU", stance = 1, summary = "Stance 1", meeting = "stocktaking-2017", statement = "s1", statedOn = "2017-12-04" } },
        })).AssertProblemAsync(422);
        Assert.Contains("withdrawn", Assert.Single(inBatch.ErrorsFor("items[0]")));

        var url = PositionSteps.PositionUrl(process, "sovereignty", "MEX");
        await _secretariat.UpdateOkAsync(url, "correct", new { stance = 2, reason = "Stance entered wrong" });
        var position = await _secretariat.Client.GetFromJsonAsync<System.Text.Json.JsonElement>(url);
        Assert.Equal(("s1", true), (position.GetProperty("source").GetProperty("statement").GetString(), position.GetProperty("citedStatementWithdrawn").GetBoolean()));
        var revise = new { stance = 1, summary = "Now 1", meeting = "stocktaking-2017", statement = "s1", statedOn = "2017-12-05", reason = "New instructions" };
        await (await _secretariat.UpdateAsync(url, "revise", revise)).AssertProblemAsync(409);
    }
}
