using Consultation.Infrastructure.Idempotency;
using Consultation.Processes;
using Consultation.Processes.Issues;
using Consultation.Tests.Idempotency;

namespace Consultation.Tests.Processes;

/// <summary><c>POST /processes/{key}/issues/batch</c>: many issues on the process's stream in one all-or-nothing request.</summary>
public sealed class IssueBatchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    private static string Url(string process) => $"/processes/{process}/issues/batch";

    private static object Issue(string issue, string? parentIssue = null, string? title = null) =>
        new { issue, title = title ?? $"Issue {issue}", description = $"What the process decides about {issue}.", parentIssue };

    [Fact]
    public async Task A_batch_tables_every_issue_in_one_append_and_answers_the_process_version()
    {
        var process = await _secretariat.LaunchProcessAsync();
        var before = await api.CountEventsAsync();

        var response = await Client.PostJsonAsync(Url(process), new { items = new[] { Issue("drivers"), Issue("climate", parentIssue: "drivers"), Issue("returns") } });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var written = await response.ReadAsync<TableIssuesInBatch.Written>();
        Assert.Equal(["drivers", "climate", "returns"], written.Issues.Select(i => i.Issue));
        Assert.Equal(4, written.Version);
        Assert.Equal("\"4\"", response.Headers.ETag?.Tag);
        Assert.Equal(before + 3, await api.CountEventsAsync());
        var details = await (await Client.GetAsync($"/processes/{process}")).ReadAsync<ProcessDetails>();
        Assert.Equal("drivers", details.Issues.Single(i => i.Key == "climate").ParentIssue);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(written.Issues[2].Location)).StatusCode);
    }

    [Fact]
    public async Task Malformed_and_rule_breaking_items_are_reported_by_index_and_nothing_is_written()
    {
        var process = await _secretariat.LaunchProcessAsync();
        await _secretariat.TableIssueAsync(process, "existing");
        var before = await api.CountEventsAsync();

        var malformed = await (await Client.PostJsonAsync(Url(process), new
        {
            items = new object?[] { Issue("fine"), Issue("Not A Slug"), Issue("long", title: new string('t', 301)), null },
        })).AssertProblemAsync(400);
        var broken = await (await Client.PostJsonAsync(Url(process), new
        {
            items = new[] { Issue("fine"), Issue("existing"), Issue("orphan", parentIssue: "nowhere"), Issue("fine"), Issue("child", parentIssue: "fine") },
        })).AssertProblemAsync(422);

        Assert.NotEmpty(malformed.ErrorsFor("items[1].issue"));
        Assert.NotEmpty(malformed.ErrorsFor("items[2].title"));
        Assert.NotEmpty(malformed.ErrorsFor("items[3]"));
        Assert.DoesNotContain(malformed.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("items[0]", StringComparison.Ordinal));
        Assert.Equal(["items[1]", "items[2]", "items[3]"], broken.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("already exists", broken.ErrorsFor("items[1]").Single(), StringComparison.Ordinal);
        Assert.Contains("nowhere", broken.ErrorsFor("items[2]").Single(), StringComparison.Ordinal);
        Assert.Contains("already exists", broken.ErrorsFor("items[3]").Single(), StringComparison.Ordinal);
        Assert.Contains("3 of 5 items", broken.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task If_match_is_optional_and_a_stale_one_refuses_the_batch()
    {
        var process = await _secretariat.LaunchProcessAsync();

        var stale = await Client.PostJsonAsync(Url(process), new { items = new[] { Issue("a") } }, ifMatch: "\"7\"");
        var current = await Client.PostJsonAsync(Url(process), new { items = new[] { Issue("a") } }, ifMatch: "\"1\"");

        Assert.Equal(1, (await stale.AssertProblemAsync(412)).GetProperty("currentVersion").GetInt64());
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("\"2\"", current.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Unknown_and_concluded_processes_refuse_the_whole_batch()
    {
        var concluded = await _secretariat.LaunchProcessAsync();
        await _secretariat.ConcludeAsync(concluded, new DateOnly(2018, 12, 10));

        await (await Client.PostJsonAsync(Url("no-such-process"), new { items = new[] { Issue("a") } })).AssertProblemAsync(404);
        var problem = await (await Client.PostJsonAsync(Url(concluded), new { items = new[] { Issue("a"), Issue("b") } })).AssertProblemAsync(409);
        Assert.Contains("concluded", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_batch_replays_its_answer_without_writing()
    {
        var process = await _secretariat.LaunchProcessAsync();
        var key = IdempotentRequests.NewKey();
        var body = new { items = new[] { Issue("a"), Issue("b") } };

        var first = await Client.PostWithKeyAsync(Url(process), body, key);
        var afterFirst = await api.CountEventsAsync();
        var retry = await Client.PostWithKeyAsync(Url(process), body, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(["true"], retry.Headers.GetValues(IdempotencyFilter.ReplayedHeader));
        Assert.Equal("\"3\"", retry.Headers.ETag?.Tag);
        Assert.Equal(afterFirst, await api.CountEventsAsync());
    }

    [Fact]
    public async Task A_retry_whose_first_answer_was_never_recorded_answers_it_from_the_key_and_writes_nothing()
    {
        var process = await _secretariat.LaunchProcessAsync();
        var body = new { items = new[] { Issue("a"), Issue("b") } };

        var (first, retry, written) = await Client.RetryAfterUnrecordedAnswerAsync(api, Url(process), body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(["true"], retry.Headers.GetValues(IdempotencyFilter.ReplayedHeader));
        Assert.Equal(0, written);
    }
}
