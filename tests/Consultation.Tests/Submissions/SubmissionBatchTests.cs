using Consultation.Infrastructure.Http;
using Consultation.Infrastructure.Idempotency;
using Consultation.Submissions.Batching;
using Consultation.Tests.Idempotency;
using Npgsql;

namespace Consultation.Tests.Submissions;

/// <summary><c>POST /processes/{key}/submissions/batch</c>: per-item errors by index, all or nothing, idempotent.</summary>
public sealed class SubmissionBatchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    private static string BatchUrl(string process) => $"/processes/{process}/submissions/batch";

    private static Dictionary<string, object?> Item(string submission, string sender = "MEX", string receivedOn = "2017-10-16") =>
        SubmissionsApiTests.Body(submission, sender, receivedOn: receivedOn, channel: "Survey", link: null);

    private async Task<string> ProcessAsync()
    {
        var process = await _secretariat.LaunchProcessAsync();
        await _secretariat.TableIssueAsync(process, "human-rights");
        foreach (var key in new[] { "MEX", "ECU", "THA" })
        {
            await _secretariat.EnsureStakeholderAsync(key);
        }

        return process;
    }

    /// <summary>Events of the process's submission streams.</summary>
    private async Task<long> CountSubmissionEventsAsync(string process)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {api.Schema}.mt_events where stream_id like @process || '/submission:%'", connection);
        command.Parameters.AddWithValue("process", process);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_survey_of_many_respondents_is_one_request_in_one_transaction()
    {
        var process = await ProcessAsync();
        var items = Enumerable.Range(1, 339).Select(i => Item($"respondent-{i}", sender: (i % 3) switch { 0 => "MEX", 1 => "ECU", _ => "THA" })).ToArray();

        var response = await Client.PostJsonAsync(BatchUrl(process), new { items });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var written = await response.ReadAsync<RecordSubmissionsInBatch.Written>();
        Assert.Equal(339, written.Submissions.Count);
        Assert.Equal((2, $"{process}/submission:respondent-3", 1L, $"/processes/{process}/submissions/respondent-3"), (written.Submissions[2].Index, written.Submissions[2].Key, written.Submissions[2].Version, written.Submissions[2].Location));
        Assert.Equal(339, await CountSubmissionEventsAsync(process));
        var list = await (await Client.GetAsync($"/processes/{process}/submissions?stakeholder=MEX&pageSize=200")).ReadAsync<Page<Consultation.Submissions.SubmissionDetails>>();
        Assert.Equal(113, list.TotalItems);
    }

    [Fact]
    public async Task Every_item_is_checked_and_nothing_is_written_when_one_is_refused()
    {
        var process = await ProcessAsync();
        Assert.Equal(HttpStatusCode.Created, (await Client.PostJsonAsync($"/processes/{process}/submissions", Item("taken"))).StatusCode);

        var malformed = Item("bad", sender: "MEX");
        malformed["channel"] = "Pigeon";
        var invalid = await (await Client.PostJsonAsync(BatchUrl(process), new { items = new[] { Item("a"), malformed } })).AssertProblemAsync(400);
        Assert.NotEmpty(invalid.ErrorsFor("items[1].channel"));
        Assert.Empty(invalid.ErrorsFor("items[0]"));

        var refused = await (await Client.PostJsonAsync(BatchUrl(process), new
        {
            items = new[] { Item("a"), Item("b", sender: "ZZZ"), Item("taken"), Item("a"), Item("early", receivedOn: "2017-01-01") },
        })).AssertProblemAsync(422);

        Assert.Equal("4 of 5 items cannot be recorded (see 'errors', by item index); nothing of the batch was written.", refused.GetProperty("detail").GetString());
        Assert.Equal("Items of the batch break the record's rules.", refused.GetProperty("title").GetString());
        Assert.Empty(refused.ErrorsFor("items[0]"));
        Assert.Contains("'ZZZ' does not exist", refused.ErrorsFor("items[1]").Single());
        Assert.Contains("never reused", refused.ErrorsFor("items[2]").Single());
        Assert.Contains("already recorded by items[0]", refused.ErrorsFor("items[3]").Single());
        Assert.Contains("before the process starts", refused.ErrorsFor("items[4]").Single());
        Assert.Equal(1, await CountSubmissionEventsAsync(process));
        await (await Client.PostJsonAsync(BatchUrl(process), new { items = Array.Empty<object>() })).AssertProblemAsync(400);
        await (await Client.PostJsonAsync("/processes/no-such-process/submissions/batch", new { items = new[] { Item("a") } })).AssertProblemAsync(404);
    }

    [Fact]
    public async Task A_retried_batch_replays_its_answer_and_writes_nothing()
    {
        var process = await ProcessAsync();
        var key = IdempotentRequests.NewKey();
        var body = new { items = new[] { Item("r1"), Item("r2", sender: "ECU") } };

        var first = await Client.PostWithKeyAsync(BatchUrl(process), body, key);
        var retry = await Client.PostWithKeyAsync(BatchUrl(process), body, key);
        var other = await Client.PostWithKeyAsync(BatchUrl(process), new { items = new[] { Item("r3") } }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(["true"], retry.Headers.GetValues(IdempotencyFilter.ReplayedHeader));
        await other.AssertProblemAsync(422);
        Assert.Equal(2, await CountSubmissionEventsAsync(process));
    }
}
