using System.Net.Http.Json;

namespace Consultation.Tests.Positions;

/// <summary>
/// A position write reads of its process only the status and the one issue's status (selected in the database): the
/// issue checked must be the position's own, wherever it stands in the process's list, for statings and updates alike.
/// </summary>
public sealed class ProcessFactsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private static object Position(string statedOn = "2017-12-04", int stance = 1) =>
        new { stakeholder = "MEX", stance, summary = $"Stance {stance}", meeting = "stocktaking-2017", statedOn };

    private static object Revision(int stance) =>
        new { stance, summary = $"Now {stance}", meeting = "stocktaking-2017", statedOn = "2017-12-05", reason = "New instructions" };

    [Fact]
    public async Task Only_the_positions_own_issue_decides_among_many_and_a_retirement_stops_its_revisions()
    {
        var issues = Enumerable.Range(1, 40).Select(i => $"issue-{i:00}").ToArray();
        var (process, _) = await _secretariat.OpenStocktakingAsync(issues);
        await _secretariat.RetireIssueAsync(process, "issue-20");

        var last = await _secretariat.Client.PostJsonAsync($"/processes/{process}/issues/issue-40/positions", Position());
        Assert.True(last.StatusCode == HttpStatusCode.Created, await last.Content.ReadAsStringAsync());
        var retired = await (await _secretariat.Client.PostJsonAsync($"/processes/{process}/issues/issue-20/positions", Position())).AssertProblemAsync(409);
        Assert.Contains($"'{process}/issue-20' is retired", retired.GetProperty("detail").GetString());
        var first = await _secretariat.Client.PostJsonAsync($"/processes/{process}/issues/issue-01/positions", Position());
        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        await (await _secretariat.Client.PostJsonAsync($"/processes/{process}/issues/issue-41/positions", Position())).AssertProblemAsync(404);

        var url = PositionSteps.PositionUrl(process, "issue-01", "MEX");
        await _secretariat.UpdateOkAsync(url, "revise", Revision(2));
        await _secretariat.RetireIssueAsync(process, "issue-01");
        var refused = await (await _secretariat.UpdateAsync(url, "revise", Revision(-1))).AssertProblemAsync(409);
        Assert.Contains($"'{process}/issue-01' is retired", refused.GetProperty("detail").GetString());
        Assert.Equal(2, (await _secretariat.Client.GetFromJsonAsync<System.Text.Json.JsonElement>(url)).GetProperty("stance").GetInt32());
        await _secretariat.UpdateOkAsync(PositionSteps.PositionUrl(process, "issue-40", "MEX"), "revise", Revision(2));
    }

    [Fact]
    public async Task A_concluded_process_takes_no_statings_revisions_or_withdrawals()
    {
        var (process, meeting) = await _secretariat.OpenStocktakingAsync("sovereignty", "migration");
        var stated = await _secretariat.Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", Position());
        Assert.True(stated.StatusCode == HttpStatusCode.Created, await stated.Content.ReadAsStringAsync());
        await _secretariat.UpdateOkAsync(meeting, "close", new { summary = "Stocktaking concluded" });
        await _secretariat.ConcludeAsync(process, new DateOnly(2018, 12, 10));

        var url = PositionSteps.PositionUrl(process, "sovereignty", "MEX");
        foreach (var refused in new[]
        {
            await _secretariat.Client.PostJsonAsync($"/processes/{process}/issues/migration/positions", Position()),
            await _secretariat.UpdateAsync(url, "revise", Revision(2)),
            await _secretariat.UpdateAsync(url, "withdraw", new { meeting = "stocktaking-2017", withdrawnOn = "2017-12-06", reason = "Awaiting instructions" }),
        })
        {
            var problem = await refused.AssertProblemAsync(409);
            Assert.Contains("is concluded", problem.GetProperty("detail").GetString());
        }

        Assert.Equal(1, (await _secretariat.Client.GetFromJsonAsync<System.Text.Json.JsonElement>(url)).GetProperty("stance").GetInt32());
    }
}
