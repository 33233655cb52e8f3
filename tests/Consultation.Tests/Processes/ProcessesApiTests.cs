using Consultation.Infrastructure.Http;
using Consultation.Processes;
using Consultation.Processes.Listing;

namespace Consultation.Tests.Processes;

public sealed class ProcessesApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly ProcessClient _processes = new(api.CreateClient());

    private HttpClient Client => _processes.Http;

    [Fact]
    public async Task Launching_returns_the_process_with_location_and_etag()
    {
        var response = await Client.PostJsonAsync("/processes", new { key = "launch-test", title = "A process", mandateReference = "A/RES/71/1", startsOn = "2017-04-01" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/processes/launch-test", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var process = await response.ReadAsync<ProcessDetails>();
        Assert.Equal(ProcessStatus.Active, process.Status);
        Assert.Equal(new DateOnly(2017, 4, 1), process.StartsOn);
        Assert.Null(process.PlannedEndOn);
    }

    [Fact]
    public async Task Launching_a_key_twice_is_a_conflict()
    {
        await _processes.LaunchAsync("twice");

        await (await Client.PostJsonAsync("/processes", new { key = "twice", title = "Again", mandateReference = "x", startsOn = "2017-04-01" })).AssertProblemAsync(409);
    }

    [Theory]
    [InlineData("""{"key":"Bad Key","title":"T","mandateReference":"R","startsOn":"2017-04-01"}""", "key")]
    [InlineData("""{"key":"ok","mandateReference":"R","startsOn":"2017-04-01"}""", "title")]
    [InlineData("""{"key":"ok","title":"T","startsOn":"2017-04-01"}""", "mandateReference")]
    [InlineData("""{"key":"ok","title":"T","mandateReference":"R"}""", "startsOn")]
    [InlineData("""{"key":"ok","title":"T","mandateReference":"R","startsOn":"2017-04-01","plannedEndOn":"2017-03-01"}""", "plannedEndOn")]
    public async Task Invalid_launches_get_400_naming_the_field(string body, string field)
    {
        var problem = await (await Client.PostRawAsync("/processes", body)).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task A_malformed_date_is_a_bad_request()
    {
        await (await Client.PostRawAsync("/processes", """{"key":"ok","title":"T","mandateReference":"R","startsOn":"4 April 2017"}""")).AssertProblemAsync(400);
    }

    [Fact]
    public async Task Phases_run_one_after_another()
    {
        await _processes.LaunchAsync("phased");
        await _processes.UpdateAsync("phased", "/phases", new { phase = "consultation", title = "Consultation phase", startedOn = "2017-04-01" });

        var overlapping = await _processes.TryUpdateAsync("phased", "/phases", new { phase = "stocktaking", title = "Stocktaking", startedOn = "2017-12-04" });
        Assert.Contains("still under way", (await overlapping.AssertProblemAsync(409)).GetProperty("detail").GetString());

        await _processes.UpdateAsync("phased", "/phases/consultation/end", new { endedOn = "2017-11-30" });
        var process = await _processes.UpdateAsync("phased", "/phases", new { phase = "stocktaking", title = "Stocktaking", startedOn = "2017-12-04" });

        Assert.Equal(["consultation", "stocktaking"], process.Phases.Select(p => p.Key));
        Assert.Equal(new DateOnly(2017, 11, 30), process.Phases[0].EndedOn);
        Assert.Null(process.Phases[1].EndedOn);
        await (await _processes.TryUpdateAsync("phased", "/phases/negotiation/end", new { endedOn = "2018-01-01" })).AssertProblemAsync(404);
    }

    [Fact]
    public async Task Co_facilitators_are_appointed_and_released_with_history()
    {
        await _processes.LaunchAsync("facilitated");
        Assert.Equal(HttpStatusCode.Created, (await Client.PostJsonAsync("/stakeholders", new { key = "CHE", kind = "MemberState", name = "Switzerland", regionalGroup = "WesternEuropeanAndOthers" })).StatusCode);

        await _processes.UpdateAsync("facilitated", "/co-facilitators", new { facilitator = "lauber", name = "Jürg Lauber", representing = "CHE", appointedOn = "2017-04-06" });
        var released = await _processes.UpdateAsync("facilitated", "/co-facilitators/lauber/release", new { releasedOn = "2018-12-19", reason = "Mandate fulfilled" });

        var lauber = Assert.Single(released.CoFacilitators);
        Assert.Equal("CHE", lauber.Representing);
        Assert.Equal(new DateOnly(2018, 12, 19), lauber.ReleasedOn);
        Assert.Equal("Mandate fulfilled", lauber.ReleaseReason);
        var unknown = await _processes.TryUpdateAsync("facilitated", "/co-facilitators", new { facilitator = "nobody", name = "Nobody", representing = "XYZ", appointedOn = "2017-04-06" });
        await unknown.AssertProblemAsync(404);
    }

    [Fact]
    public async Task Issues_are_tabled_retitled_redescribed_and_retired_keeping_every_change()
    {
        await _processes.LaunchAsync("issues");
        await _processes.TableIssueAsync("issues", "human-rights", theme: "Human rights, social inclusion");
        await _processes.UpdateAsync("issues", "/issues/human-rights/retitle", new { title = "Human rights of all migrants", reason = "Wording of the modalities resolution" });
        await _processes.UpdateAsync("issues", "/issues/human-rights/redescribe", new { description = "Protection of the human rights of all migrants", reason = "Clarified" });
        var process = await _processes.UpdateAsync("issues", "/issues/human-rights/retire", new { reason = "Merged into the cross-cutting principles" });

        var issue = Assert.Single(process.Issues);
        Assert.Equal("Human rights of all migrants", issue.Title);
        Assert.Equal(IssueStatus.Retired, issue.Status);
        Assert.Equal("Merged into the cross-cutting principles", issue.RetirementReason);
        await (await _processes.TryUpdateAsync("issues", "/issues/human-rights/retitle", new { title = "Another", reason = "x" })).AssertProblemAsync(409);

        await using var session = api.Store.QuerySession();
        var types = (await session.Events.FetchStreamAsync("issues")).Select(e => e.EventType.Name);
        Assert.Equal(["ProcessLaunched", "IssueTabled", "IssueRetitled", "IssueRedescribed", "IssueRetired"], types);
    }

    [Fact]
    public async Task Issues_are_listed_with_filters_and_pages_in_tabling_order()
    {
        await _processes.LaunchAsync("listed");
        await _processes.TableIssueAsync("listed", "drivers", theme: "Drivers of migration");
        await _processes.TableIssueAsync("listed", "climate", theme: "Drivers of migration", parent: "drivers");
        await _processes.TableIssueAsync("listed", "smuggling", theme: "Smuggling and trafficking");
        await _processes.TableIssueAsync("listed", "trafficking", theme: "Smuggling and trafficking");
        await _processes.UpdateAsync("listed", "/issues/trafficking/retire", new { reason = "Duplicate" });

        async Task<Page<IssueDetails>> List(string query) => await (await Client.GetAsync("/processes/listed/issues" + query)).ReadAsync<Page<IssueDetails>>();

        Assert.Equal(["drivers", "climate", "smuggling", "trafficking"], (await List(string.Empty)).Items.Select(i => i.Key));
        Assert.Equal(["drivers", "climate"], (await List("?theme=drivers%20of%20migration")).Items.Select(i => i.Key));
        Assert.Equal(["trafficking"], (await List("?status=Retired")).Items.Select(i => i.Key));
        Assert.Equal(["climate"], (await List("?parent=drivers")).Items.Select(i => i.Key));
        Assert.Equal(["smuggling"], (await List("?search=SMUGG")).Items.Select(i => i.Key));
        var second = await List("?pageSize=3&page=2");
        Assert.Equal(["trafficking"], second.Items.Select(i => i.Key));
        Assert.Equal(2, second.TotalPages);
        await (await Client.GetAsync("/processes/listed/issues?status=Closed")).AssertProblemAsync(400);
        await (await Client.GetAsync("/processes/unknown/issues")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task One_issue_is_readable_with_the_process_etag()
    {
        var process = await _processes.LaunchAsync("single");
        process = await _processes.TableIssueAsync("single", "governance");

        var response = await Client.GetAsync("/processes/single/issues/governance");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"\"{process.Version}\"", response.Headers.ETag?.Tag);
        Assert.Equal("Title of governance", (await response.ReadAsync<IssueDetails>()).Title);
        await (await Client.GetAsync("/processes/single/issues/missing")).AssertProblemAsync(404);
    }

    [Fact]
    public async Task Updates_need_the_current_version()
    {
        await _processes.LaunchAsync("versioned");

        var missing = await Client.PostJsonAsync("/processes/versioned/issues", new { issue = "a", title = "A", description = "A" });
        await missing.AssertProblemAsync(428);
        await _processes.TableIssueAsync("versioned", "a");
        var stale = await Client.PostJsonAsync("/processes/versioned/issues", new { issue = "b", title = "B", description = "B" }, "\"1\"");
        Assert.Equal(2, (await stale.AssertProblemAsync(412)).GetProperty("currentVersion").GetInt64());
        await (await Client.PostJsonAsync("/processes/nowhere/issues", new { issue = "b", title = "B", description = "B" }, "\"1\"")).AssertProblemAsync(404);

        await using var session = api.Store.QuerySession();
        Assert.Equal(2, (await session.Events.FetchStreamAsync("versioned")).Count);
    }

    [Fact]
    public async Task Invalid_issue_input_gets_400_and_writes_nothing()
    {
        await _processes.LaunchAsync("strict");

        var problem = await (await _processes.TryUpdateAsync("strict", "/issues", new { issue = "Not A Slug", title = new string('t', 301), description = "" })).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor("issue"));
        Assert.NotEmpty(problem.ErrorsFor("title"));
        Assert.NotEmpty(problem.ErrorsFor("description"));
        await using var session = api.Store.QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync("strict"));
    }

    [Fact]
    public async Task A_concluded_process_accepts_nothing_new()
    {
        await _processes.LaunchAsync("concluded");
        await _processes.TableIssueAsync("concluded", "governance");
        var process = await _processes.UpdateAsync("concluded", "/conclude", new { concludedOn = "2018-12-10", outcome = "Compact adopted at the Marrakech conference" });

        Assert.Equal(ProcessStatus.Concluded, process.Status);
        await (await _processes.TryUpdateAsync("concluded", "/issues", new { issue = "late", title = "Late", description = "Late" })).AssertProblemAsync(409);
        await (await _processes.TryUpdateAsync("concluded", "/phases", new { phase = "late", title = "Late", startedOn = "2019-01-01" })).AssertProblemAsync(409);
        await (await _processes.TryUpdateAsync("concluded", "/conclude", new { concludedOn = "2019-01-01" })).AssertProblemAsync(409);
    }

    [Fact]
    public async Task Processes_are_listed_by_status()
    {
        await _processes.LaunchAsync("list-active", startsOn: "2020-01-01", plannedEndOn: null);
        await _processes.LaunchAsync("list-done", startsOn: "2019-01-01", plannedEndOn: null);
        await _processes.UpdateAsync("list-done", "/conclude", new { concludedOn = "2019-06-01" });

        var active = await (await Client.GetAsync("/processes?status=active&pageSize=200")).ReadAsync<Page<ListProcesses.ProcessSummary>>();
        var concluded = await (await Client.GetAsync("/processes?status=Concluded&pageSize=200")).ReadAsync<Page<ListProcesses.ProcessSummary>>();

        Assert.Contains(active.Items, p => p.Id == "list-active");
        Assert.DoesNotContain(active.Items, p => p.Id == "list-done");
        Assert.Contains(concluded.Items, p => p.Id == "list-done");
        await (await Client.GetAsync("/processes?pageSize=201")).AssertProblemAsync(400);
    }
}
