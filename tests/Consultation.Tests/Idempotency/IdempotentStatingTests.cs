using Consultation.Infrastructure.Idempotency;

namespace Consultation.Tests.Idempotency;

/// <summary>Retrying <c>POST /processes/{process}/issues/{issue}/positions</c> with an Idempotency-Key.</summary>
public sealed class IdempotentStatingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    private static object Body(int stance = 1, string stakeholder = "MEX") => new
    {
        stakeholder,
        stance,
        summary = "Supports the cooperative framework",
        meeting = "stocktaking-2017",
        statedOn = "2017-12-05",
    };

    private async Task<string> PositionsUrlAsync()
    {
        var (process, _) = await _secretariat.OpenStocktakingAsync("sovereignty");
        return $"/processes/{process}/issues/sovereignty/positions";
    }

    [Fact]
    public async Task A_retry_replays_the_original_answer_without_appending()
    {
        var url = await PositionsUrlAsync();
        var key = IdempotentRequests.NewKey();
        var before = await api.CountEventsAsync();

        var first = await Client.PostWithKeyAsync(url, Body(), key);
        var retry = await Client.PostWithKeyAsync(url, Body(), $"\"{key}\"");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("\"1\"", first.Headers.ETag?.Tag);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Content.Headers.ContentType, retry.Content.Headers.ContentType);
        Assert.False(first.Headers.Contains(IdempotencyFilter.ReplayedHeader));
        Assert.Equal(["true"], retry.Headers.GetValues(IdempotencyFilter.ReplayedHeader));
        Assert.Equal(before + 1, await api.CountEventsAsync());
    }

    [Fact]
    public async Task The_replay_is_the_original_answer_even_after_the_position_changed()
    {
        var url = await PositionsUrlAsync();
        var key = IdempotentRequests.NewKey();
        var first = await Client.PostWithKeyAsync(url, Body(), key);
        await _secretariat.UpdateOkAsync(first.Headers.Location!.OriginalString, "correct", new { stance = 2, summary = "Strongly supports", meeting = "stocktaking-2017", statedOn = "2017-12-05", reason = "Typo" });

        var retry = await Client.PostWithKeyAsync(url, Body(), key);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("\"1\"", retry.Headers.ETag?.Tag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_and_writes_nothing()
    {
        var url = await PositionsUrlAsync();
        var key = IdempotentRequests.NewKey();
        Assert.Equal(HttpStatusCode.Created, (await Client.PostWithKeyAsync(url, Body(), key)).StatusCode);
        var before = await api.CountEventsAsync();

        var problem = await (await Client.PostWithKeyAsync(url, Body(stance: -2), key)).AssertProblemAsync(422);
        Assert.Contains("different request", problem.GetProperty("detail").GetString());
        await (await Client.PostWithKeyAsync(url.Replace("sovereignty", "other"), Body(), key)).AssertProblemAsync(422);

        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_append_once_and_all_get_the_result()
    {
        var url = await PositionsUrlAsync();
        var key = IdempotentRequests.NewKey();
        var before = await api.CountEventsAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.PostWithKeyAsync(url, Body(), key)));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.Created, $"{(int)r.StatusCode}"));
        Assert.Single(bodies.Distinct());
        Assert.Single(responses.Select(r => r.Headers.ETag?.Tag).Distinct());
        Assert.Single(responses, r => !r.Headers.Contains(IdempotencyFilter.ReplayedHeader));
        Assert.Equal(before + 1, await api.CountEventsAsync());
    }

    [Theory]
    [InlineData("not a key")]
    [InlineData("a/b")]
    [InlineData("clé")]
    [InlineData("kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk")]
    public async Task A_malformed_key_is_refused(string key)
    {
        var url = await PositionsUrlAsync();
        var before = await api.CountEventsAsync();

        var problem = await (await Client.PostWithKeyAsync(url, Body(), key)).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor("Idempotency-Key"));
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task A_refused_request_is_not_remembered_so_its_retry_runs_again()
    {
        var url = await PositionsUrlAsync();
        var key = IdempotentRequests.NewKey();
        var body = Body(stakeholder: "PER");

        await (await Client.PostWithKeyAsync(url, body, key)).AssertProblemAsync(404);
        await _secretariat.EnsureStakeholderAsync("PER", name: "Peru");
        await _secretariat.EnsureParticipantAsync(url.Split('/')[2], "stocktaking-2017", "PER");
        var retry = await Client.PostWithKeyAsync(url, body, key);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.False(retry.Headers.Contains(IdempotencyFilter.ReplayedHeader));
    }

    [Fact]
    public async Task A_retry_whose_original_answer_was_never_recorded_reads_the_position_back()
    {
        var url = await PositionsUrlAsync();
        var key = IdempotentRequests.NewKey();
        var first = await Client.PostWithKeyAsync(url, Body(), key);
        await using (var session = api.Store.LightweightSession())
        {
            // As if the service stopped after committing the events and the key, before recording the answer.
            var record = Assert.Single(await session.Query<IdempotencyRecord>().Where(r => r.Key == key).ToListAsync());
            session.Store(record with { Response = null, CompletedAt = null });
            await session.SaveChangesAsync();
        }

        var before = await api.CountEventsAsync();
        var retry = await Client.PostWithKeyAsync(url, Body(), key);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(["true"], retry.Headers.GetValues(IdempotencyFilter.ReplayedHeader));
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task Without_a_key_a_repeated_request_is_a_new_request()
    {
        var url = await PositionsUrlAsync();
        Assert.Equal(HttpStatusCode.Created, (await Client.PostJsonAsync(url, Body())).StatusCode);

        await (await Client.PostJsonAsync(url, Body())).AssertProblemAsync(409);
    }

    [Fact]
    public async Task The_record_keeps_who_sent_the_key_and_under_which_correlation()
    {
        var url = await PositionsUrlAsync();
        var key = IdempotentRequests.NewKey();
        Assert.Equal(HttpStatusCode.Created, (await Client.PostWithKeyAsync(url, Body(), key)).StatusCode);

        await using var session = api.Store.QuerySession();
        var record = Assert.Single(await session.Query<IdempotencyRecord>().Where(r => r.Key == key).ToListAsync());
        Assert.Equal(TestIdentity.DefaultUser, record.UserName);
        Assert.Equal("POST /processes/{process}/issues/{issue}/positions", record.Scope);
        Assert.Equal(201, record.Response?.StatusCode);
        Assert.False(string.IsNullOrEmpty(record.CorrelationId));
    }
}
