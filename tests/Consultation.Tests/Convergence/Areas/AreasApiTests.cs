using System.Net;
using System.Text.Json;
using Consultation.Convergence.Areas;
using Consultation.Convergence.Areas.Reading;
using Consultation.Infrastructure.Http;
using Consultation.Tests.Support;

namespace Consultation.Tests.Convergence.Areas;

public sealed class AreasApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Facilitator _facilitator = new(api.CreateClient());

    private HttpClient Client => _facilitator.Client;

    [Fact]
    public async Task Identifying_answers_201_with_location_etag_and_the_area()
    {
        var process = await _facilitator.ProcessAsync();

        var response = await _facilitator.IdentifyAsync(process, Facilitator.IdentifyBody(issues: ["human-rights", "smuggling"]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/processes/{process}/areas/rejecting-business-as-usual", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var area = await response.ReadAsync<AreaDetails>();
        Assert.Equal(($"{process}/area:rejecting-business-as-usual", process, "rejecting-business-as-usual"), (area.Id, area.Process, area.Area));
        Assert.Equal((AreaStatus.Identified, "stocktaking-2017", Facilitator.StocktakingDay2), (area.Status, area.IdentifiedAt, area.IdentifiedOn));
        Assert.Equal(["human-rights", "smuggling"], area.Issues);
        var change = Assert.Single(area.StatusHistory);
        Assert.Equal((AreaStatus.Identified, Facilitator.StocktakingDay2, "stocktaking-2017"), (change.Status, change.On, change.Meeting));

        var read = await Client.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_400_naming_each_field()
    {
        var process = await _facilitator.ProcessAsync();

        var problem = await (await _facilitator.IdentifyAsync(process, new { area = "Not A Slug", title = "", issues = Array.Empty<string>(), meeting = "" }))
            .AssertProblemAsync(400);

        foreach (var field in new[] { "area", "title", "description", "issues", "meeting", "identifiedOn" })
        {
            Assert.NotEmpty(problem.ErrorsFor(field));
        }

        var duplicates = await (await _facilitator.IdentifyAsync(process, Facilitator.IdentifyBody(issues: ["human-rights", "human-rights"]))).AssertProblemAsync(400);
        Assert.NotEmpty(duplicates.ErrorsFor("issues"));
    }

    [Fact]
    public async Task Identifying_refers_to_an_existing_process_issue_and_meeting()
    {
        var process = await _facilitator.ProcessAsync();

        await (await _facilitator.IdentifyAsync("no-such-process", Facilitator.IdentifyBody())).AssertProblemAsync(404);
        var issue = await (await _facilitator.IdentifyAsync(process, Facilitator.IdentifyBody(issues: ["human-rights", "missing"]))).AssertProblemAsync(404);
        Assert.Contains($"{process}/missing", issue.GetProperty("detail").GetString());
        await (await _facilitator.IdentifyAsync(process, Facilitator.IdentifyBody(meeting: "no-such-meeting"))).AssertProblemAsync(404);
    }

    [Fact]
    public async Task Identifying_breaks_no_rule_of_the_record()
    {
        var process = await _facilitator.ProcessAsync();
        await _facilitator.Secretariat.RetireIssueAsync(process, "returns");
        await _facilitator.Secretariat.UpdateOkAsync($"/processes/{process}/meetings/first-round", "cancel", new { reason = "Postponed" });
        await _facilitator.IdentifyOkAsync(process);

        await (await _facilitator.IdentifyAsync(process, Facilitator.IdentifyBody())).AssertProblemAsync(409);
        await (await _facilitator.IdentifyAsync(process, Facilitator.IdentifyBody("other", issues: ["returns"]))).AssertProblemAsync(409);
        await (await _facilitator.IdentifyAsync(process, Facilitator.IdentifyBody("other", meeting: "first-round", identifiedOn: Facilitator.FirstRoundDay2))).AssertProblemAsync(409);
        var outside = await (await _facilitator.IdentifyAsync(process, Facilitator.IdentifyBody("other", identifiedOn: new DateOnly(2017, 12, 8)))).AssertProblemAsync(409);
        Assert.Contains("runs from 2017-12-04 to 2017-12-06", outside.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_lifecycle_runs_from_identified_through_affirmed_to_confirmed_in_text()
    {
        var process = await _facilitator.ProcessAsync();
        var url = await _facilitator.IdentifyOkAsync(process);

        var early = await _facilitator.UpdateAsync(url, "confirm", new { documentReference = "Zero draft", paragraph = "15", confirmedOn = "2018-02-05" });
        Assert.Contains("not been affirmed", (await early.AssertProblemAsync(409)).GetProperty("detail").GetString());

        var sameMeeting = await _facilitator.UpdateAsync(url, "affirm", new { meeting = "stocktaking-2017", affirmedOn = "2017-12-06" });
        Assert.Contains("later meeting", (await sameMeeting.AssertProblemAsync(409)).GetProperty("detail").GetString());
        await (await _facilitator.UpdateAsync(url, "affirm", new { meeting = "no-such-meeting", affirmedOn = "2018-02-21" })).AssertProblemAsync(404);
        await (await _facilitator.UpdateAsync(url, "affirm", new { meeting = "first-round", affirmedOn = "2018-02-23" })).AssertProblemAsync(409);

        var affirmed = await _facilitator.AffirmOkAsync(url);
        Assert.Equal((AreaStatus.Affirmed, 2L), (affirmed.Status, affirmed.Version));

        var confirmed = await _facilitator.UpdateOkAsync(url, "confirm", new { documentReference = "Zero draft", paragraph = "15", confirmedOn = "2018-03-01" });
        Assert.Equal(AreaStatus.ConfirmedInText, confirmed.Status);
        Assert.Equal(new ConfirmationDetails("Zero draft", "15", new DateOnly(2018, 3, 1), confirmed.Confirmations[0].RecordedAt), Assert.Single(confirmed.Confirmations));
        Assert.Equal(
            [(AreaStatus.Identified, "stocktaking-2017"), (AreaStatus.Affirmed, "first-round"), (AreaStatus.ConfirmedInText, (string?)null)],
            confirmed.StatusHistory.Select(s => (s.Status, s.Meeting)));
        Assert.Equal([Facilitator.StocktakingDay2, Facilitator.FirstRoundDay2, new DateOnly(2018, 3, 1)], confirmed.StatusHistory.Select(s => s.On));

        await (await _facilitator.UpdateAsync(url, "confirm", new { documentReference = "Zero draft", paragraph = "15", confirmedOn = "2018-03-02" })).AssertProblemAsync(409);
        var again = await _facilitator.UpdateOkAsync(url, "confirm", new { documentReference = "Revision 1", paragraph = "16", confirmedOn = "2018-05-28" });
        Assert.Equal(2, again.Confirmations.Count);
    }

    [Fact]
    public async Task Issues_are_linked_and_unlinked_keeping_at_least_one()
    {
        var process = await _facilitator.ProcessAsync();
        var url = await _facilitator.IdentifyOkAsync(process);

        await (await _facilitator.UpdateAsync(url, "issues", new { issue = "missing" })).AssertProblemAsync(404);
        await (await _facilitator.UpdateAsync(url, "issues", new { issue = "human-rights" })).AssertProblemAsync(409);
        Assert.NotEmpty((await (await _facilitator.UpdateAsync(url, "issues", new { issue = "Bad Key" })).AssertProblemAsync(400)).ErrorsFor("issue"));
        var only = await _facilitator.UpdateAsync(url, "issues/human-rights/unlink", new { reason = "Belongs elsewhere" });
        Assert.Contains("only issue", (await only.AssertProblemAsync(409)).GetProperty("detail").GetString());

        var linked = await _facilitator.UpdateOkAsync(url, "issues", new { issue = "smuggling", reason = "Raised together in Puerto Vallarta" });
        Assert.Equal(["human-rights", "smuggling"], linked.Issues);

        await (await _facilitator.UpdateAsync(url, "issues/returns/unlink", new { reason = "x" })).AssertProblemAsync(409);
        await (await _facilitator.UpdateAsync(url, "issues/missing/unlink", new { reason = "x" })).AssertProblemAsync(404);
        Assert.NotEmpty((await (await _facilitator.UpdateAsync(url, "issues/smuggling/unlink", new { })).AssertProblemAsync(400)).ErrorsFor("reason"));
        var unlinked = await _facilitator.UpdateOkAsync(url, "issues/human-rights/unlink", new { reason = "Belongs to another area" });
        Assert.Equal(["smuggling"], unlinked.Issues);
        Assert.Equal(
            [(AreaIssueChangeKind.Linked, "smuggling"), (AreaIssueChangeKind.Unlinked, "human-rights")],
            unlinked.IssueChanges.Select(c => (c.Kind, c.Issue)));
    }

    [Fact]
    public async Task Divergences_are_first_class_records_numbered_d1_d2()
    {
        var process = await _facilitator.ProcessAsync();
        var url = await _facilitator.IdentifyOkAsync(process);
        await _facilitator.Secretariat.EnsureStakeholderAsync("MEX", name: "Mexico");
        await _facilitator.Secretariat.EnsureStakeholderAsync("HUN", name: "Hungary", regionalGroup: "EasternEuropean");

        await (await _facilitator.UpdateAsync(url, "divergences", new { text = "x", issues = new[] { "returns" }, stakeholders = new[] { "ZZZ" }, notedOn = "2017-12-05" }))
            .AssertProblemAsync(404);
        await (await _facilitator.UpdateAsync(url, "divergences", new { text = "x", issues = new[] { "missing" }, notedOn = "2017-12-05" })).AssertProblemAsync(404);
        var invalid = await (await _facilitator.UpdateAsync(url, "divergences", new { text = "", issues = Array.Empty<string>(), stakeholders = new[] { "not a key" } }))
            .AssertProblemAsync(400);
        foreach (var field in new[] { "text", "issues", "stakeholders[0]", "notedOn" })
        {
            Assert.NotEmpty(invalid.ErrorsFor(field));
        }

        await _facilitator.UpdateOkAsync(url, "divergences", new { text = "Whether returns belong here", issues = new[] { "returns" }, stakeholders = new[] { "HUN" }, notedOn = "2017-12-05" });
        var area = await _facilitator.UpdateOkAsync(url, "divergences", new { text = "The language on sovereignty", issues = new[] { "human-rights" }, stakeholders = new[] { "MEX", "HUN" }, notedOn = "2017-12-06" });

        Assert.Equal(["d1", "d2"], area.Divergences.Select(d => d.Id));
        var d2 = area.Divergence("d2")!;
        Assert.Equal(("The language on sovereignty", new DateOnly(2017, 12, 6)), (d2.Text, d2.NotedOn));
        Assert.Equal(["MEX", "HUN"], d2.Stakeholders);
        Assert.Equal(["human-rights"], d2.Issues);
    }

    [Fact]
    public async Task A_dissolved_area_accepts_nothing_more()
    {
        var process = await _facilitator.ProcessAsync();
        var url = await _facilitator.IdentifyOkAsync(process);
        Assert.NotEmpty((await (await _facilitator.UpdateAsync(url, "dissolve", new { })).AssertProblemAsync(400)).ErrorsFor("reason"));

        var dissolved = await _facilitator.UpdateOkAsync(url, "dissolve", new { dissolvedOn = "2018-01-10", reason = "Positions drifted apart" });

        Assert.Equal((AreaStatus.Dissolved, new DateOnly(2018, 1, 10), "Positions drifted apart"), (dissolved.Status, dissolved.DissolvedOn, dissolved.DissolutionReason));
        var refused = await _facilitator.UpdateAsync(url, "affirm", new { meeting = "first-round", affirmedOn = Facilitator.FirstRoundDay2 });
        Assert.Contains("dissolved", (await refused.AssertProblemAsync(409)).GetProperty("detail").GetString());
        await (await _facilitator.UpdateAsync(url, "issues", new { issue = "smuggling" })).AssertProblemAsync(409);
        await (await _facilitator.UpdateAsync(url, "dissolve", new { dissolvedOn = "2018-01-11", reason = "again" })).AssertProblemAsync(409);
    }

    [Fact]
    public async Task Nothing_is_recorded_on_areas_after_the_process_concluded()
    {
        var process = await _facilitator.ProcessAsync();
        var url = await _facilitator.IdentifyOkAsync(process);
        await _facilitator.Secretariat.UpdateOkAsync($"/processes/{process}/meetings/stocktaking-2017", "cancel", new { reason = "Moved" });
        await _facilitator.Secretariat.UpdateOkAsync($"/processes/{process}/meetings/first-round", "cancel", new { reason = "Moved" });
        await _facilitator.Secretariat.ConcludeAsync(process, new DateOnly(2018, 12, 19));

        var refused = await _facilitator.UpdateAsync(url, "issues", new { issue = "smuggling" });
        Assert.Contains("concluded", (await refused.AssertProblemAsync(409)).GetProperty("detail").GetString());
        await (await _facilitator.UpdateAsync(url, "dissolve", new { dissolvedOn = "2018-12-20", reason = "Over" })).AssertProblemAsync(409);
        await (await _facilitator.IdentifyAsync(process, Facilitator.IdentifyBody("late"))).AssertProblemAsync(409);
    }

    [Fact]
    public async Task Updates_need_the_current_version_in_if_match()
    {
        var process = await _facilitator.ProcessAsync();
        var url = await _facilitator.IdentifyOkAsync(process);
        var body = new { issue = "smuggling" };

        await (await Client.PostJsonAsync($"{url}/issues", body)).AssertProblemAsync(428);
        await _facilitator.UpdateOkAsync(url, "issues", body);
        var stale = await (await Client.PostJsonAsync($"{url}/issues", new { issue = "returns" }, "\"1\"")).AssertProblemAsync(412);
        Assert.Equal(2, stale.GetProperty("currentVersion").GetInt64());
        await (await Client.PostJsonAsync($"/processes/{process}/areas/no-such-area/issues", body, "\"1\"")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task Unknown_processes_and_areas_are_404()
    {
        var process = await _facilitator.ProcessAsync();

        await (await Client.GetAsync($"/processes/{process}/areas/no-such-area")).AssertProblemAsync(404);
        await (await Client.GetAsync($"/processes/{process}/areas/no-such-area/history")).AssertProblemAsync(404);
        await (await Client.GetAsync("/processes/no-such-process/areas/anything")).AssertProblemAsync(404);
        await (await Client.GetAsync("/processes/no-such-process/areas")).AssertProblemAsync(404);
        await (await Client.GetAsync($"/processes/{process}/areas?issue=missing")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task Areas_of_a_process_are_listed_in_stable_order_filtered_and_paged()
    {
        var process = await _facilitator.ProcessAsync();
        await _facilitator.IdentifyOkAsync(process, "b-area", ["smuggling"]);
        var a = await _facilitator.IdentifyOkAsync(process, "a-area", ["human-rights", "smuggling"]);
        var c = await _facilitator.IdentifyOkAsync(process, "c-area", ["returns"]);
        await _facilitator.AffirmOkAsync(a);
        await _facilitator.UpdateOkAsync(c, "dissolve", new { dissolvedOn = "2018-01-10", reason = "Merged into a-area" });
        await _facilitator.IdentifyOkAsync(await _facilitator.ProcessAsync(), "elsewhere");

        var all = await Client.GetFromJsonAsync<Page<AreaSummary>>($"/processes/{process}/areas");
        Assert.Equal(["a-area", "b-area", "c-area"], all.Items.Select(x => x.Area));
        Assert.Equal(3, all.TotalItems);
        Assert.Equal(["human-rights", "smuggling"], all.Items[0].Issues);

        var smuggling = await Client.GetFromJsonAsync<Page<AreaSummary>>($"/processes/{process}/areas?issue=smuggling");
        Assert.Equal(["a-area", "b-area"], smuggling.Items.Select(x => x.Area));
        var affirmed = await Client.GetFromJsonAsync<Page<AreaSummary>>($"/processes/{process}/areas?status=affirmed");
        Assert.Equal(["a-area"], affirmed.Items.Select(x => x.Area));
        var dissolved = await Client.GetFromJsonAsync<Page<AreaSummary>>($"/processes/{process}/areas?status=Dissolved&issue=returns");
        Assert.Equal(["c-area"], dissolved.Items.Select(x => x.Area));

        var page2 = await Client.GetFromJsonAsync<Page<AreaSummary>>($"/processes/{process}/areas?page=2&pageSize=2");
        Assert.Equal(["c-area"], page2.Items.Select(x => x.Area));
        Assert.Equal((2, 2, 3L, 2L), (page2.PageNumber, page2.PageSize, page2.TotalItems, page2.TotalPages));

        var bad = await (await Client.GetAsync($"/processes/{process}/areas?status=Agreed&page=0&pageSize=500")).AssertProblemAsync(400);
        foreach (var field in new[] { "status", "page", "pageSize" })
        {
            Assert.NotEmpty(bad.ErrorsFor(field));
        }
    }

    [Fact]
    public async Task History_shows_every_change_with_who_when_and_why()
    {
        var process = await _facilitator.ProcessAsync();
        var url = await _facilitator.IdentifyOkAsync(process);
        await _facilitator.AffirmOkAsync(url);
        await _facilitator.UpdateOkAsync(url, "issues", new { issue = "smuggling", reason = "Raised together" });
        await _facilitator.UpdateOkAsync(url, "dissolve", new { dissolvedOn = "2018-03-01", reason = "Positions drifted apart" });

        var history = await Client.GetFromJsonAsync<JsonElement[]>($"{url}/history");

        Assert.Equal(
            ["Identified", "Affirmed", "IssueLinked", "Dissolved"],
            history.Select(h => h.GetProperty("kind").GetString()));
        Assert.Equal([1L, 2L, 3L, 4L], history.Select(h => h.GetProperty("version").GetInt64()));
        Assert.All(history, h => Assert.False(string.IsNullOrEmpty(h.GetProperty("recordedBy").GetString())));
        Assert.All(history, h => Assert.False(string.IsNullOrEmpty(h.GetProperty("correlationId").GetString())));
        Assert.Equal("Positions drifted apart", history[3].GetProperty("reason").GetString());
        Assert.Equal("first-round", history[1].GetProperty("data").GetProperty("meeting").GetString());
    }

    [Fact]
    public async Task Readiness_stays_healthy_after_areas_are_written()
    {
        var process = await _facilitator.ProcessAsync();
        var url = await _facilitator.IdentifyOkAsync(process);
        await _facilitator.AffirmOkAsync(url);

        var response = await Client.GetAsync("/health/ready");
        for (var attempt = 0; attempt < 60 && response.StatusCode != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(250);
            response = await Client.GetAsync("/health/ready");
        }

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Areas_of_a_process_come_with_their_issues_for_the_measures()
    {
        var process = await _facilitator.ProcessAsync();
        await _facilitator.IdentifyOkAsync(process, "a-area", ["human-rights", "smuggling"]);
        var b = await _facilitator.IdentifyOkAsync(process, "b-area", ["returns"]);
        await _facilitator.UpdateOkAsync(b, "dissolve", new { dissolvedOn = "2018-01-10", reason = "x" });

        await using var session = api.Store.QuerySession();
        var standing = await new AreasOfProcess(session).WithIssuesAsync(process, includeDissolved: false, CancellationToken.None);
        var all = await new AreasOfProcess(session).WithIssuesAsync(process, includeDissolved: true, CancellationToken.None);

        Assert.Equal(["human-rights", "smuggling"], Assert.Single(standing).Issues);
        Assert.Equal([("a-area", AreaStatus.Identified), ("b-area", AreaStatus.Dissolved)], all.Select(x => (x.Area, x.Status)));
    }
}

internal static class AreaReads
{
    public static async Task<T> GetFromJsonAsync<T>(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<T>();
    }
}
