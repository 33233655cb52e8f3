using Consultation.Positions.Reading;
using Consultation.Tests.Idempotency;
using Xunit.Abstractions;

namespace Consultation.Tests.Reliability.Retries;

/// <summary>
/// Clients on a faulty network (<see cref="FaultyNetwork"/>: answers dropped after the server answered, timeouts while
/// it works) resend with the same Idempotency-Key until answered, all at once. Each write must be recorded exactly once;
/// the key reused for another body is refused (422) and writes nothing.
/// </summary>
public sealed class IdempotentRetryTests(ReliabilityApiFactory api, ITestOutputHelper output) : IClassFixture<ReliabilityApiFactory>
{
    private static readonly string[] Issues = ["mobility", "returns", "labour"];
    private static readonly string[] Stakeholders = ["RTA", "RTB", "RTC", "RTD", "RTE", "RTF", "RTG", "RTH"];

    [Fact]
    public async Task Statings_resent_after_dropped_answers_and_timeouts_are_each_recorded_once()
    {
        var (steps, process) = await OpenAsync();
        var network = new FaultyNetwork(seed: 11);
        var client = new RetryingClient(api.CreateDefaultClient(network).Authorize(TestIdentity.Everyone()));
        var writes = (from issue in Issues from stakeholder in Stakeholders select (Issue: issue, Stakeholder: stakeholder, Key: IdempotentRequests.NewKey())).ToList();
        var before = await api.CountEventsAsync();
        var head = await EventsSince.HeadAsync(api.Schema);

        var answers = await Task.WhenAll(writes.Select(w => client.PostAsync($"/processes/{process}/issues/{w.Issue}/positions", Body(w.Stakeholder, $"Stated once by {w.Key}"), w.Key)));

        output.WriteLine($"{writes.Count} statings, {answers.Sum(a => a.Attempts)} sends; injected: dropped {network.Injected(NetworkFault.DroppedResponse)}, timeouts {network.Injected(NetworkFault.Timeout)}.");
        Assert.All(answers, a => Assert.True(a.Answer.StatusCode == HttpStatusCode.Created, $"{(int)a.Answer.StatusCode} {a.Answer.Content.ReadAsStringAsync().Result}"));
        Assert.True(network.Injected(NetworkFault.DroppedResponse) > 0 && network.Injected(NetworkFault.Timeout) > 0, "The network injected no fault of some kind.");
        var after = await api.CountEventsAsync();
        Assert.True(after == before + writes.Count, $"{after - before} events written:\n" + string.Join("\n", await EventsSince.ListAsync(api.Schema, head)));
        foreach (var w in writes)
        {
            var history = await steps.GetOkAsync<List<GetPositionHistory.Change>>(PositionSteps.PositionUrl(process, w.Issue, w.Stakeholder) + "/history");
            Assert.Equal($"Stated once by {w.Key}", Assert.Single(history).After!.Summary);
        }

        await AssertReusedKeysAreRefusedAsync(writes.Select(w => ($"/processes/{process}/issues/{w.Issue}/positions", (object)Body(w.Stakeholder, "Another body"), w.Key)));
    }

    [Fact]
    public async Task Batches_resent_after_dropped_answers_and_timeouts_are_each_recorded_once()
    {
        var (steps, process) = await OpenAsync();
        var network = new FaultyNetwork(seed: 12);
        var client = new RetryingClient(api.CreateDefaultClient(network).Authorize(TestIdentity.Everyone()));
        var batches = Stakeholders.Select(s => (Stakeholder: s, Key: IdempotentRequests.NewKey())).ToList();
        var before = await api.CountEventsAsync();
        var head = await EventsSince.HeadAsync(api.Schema);

        var answers = await Task.WhenAll(batches.Select(b => client.PostAsync($"/processes/{process}/positions/batch", Batch(b.Stakeholder, $"Batch {b.Key}"), b.Key)));

        output.WriteLine($"{batches.Count} batches of {Issues.Length}, {answers.Sum(a => a.Attempts)} sends; injected: dropped {network.Injected(NetworkFault.DroppedResponse)}, timeouts {network.Injected(NetworkFault.Timeout)}.");
        Assert.All(answers, a => Assert.True(a.Answer.StatusCode == HttpStatusCode.Created, $"{(int)a.Answer.StatusCode} {a.Answer.Content.ReadAsStringAsync().Result}"));
        var after = await api.CountEventsAsync();
        Assert.True(after == before + (batches.Count * Issues.Length), $"{after - before} events written:\n" + string.Join("\n", await EventsSince.ListAsync(api.Schema, head)));
        foreach (var b in batches)
        {
            foreach (var issue in Issues)
            {
                var history = await steps.GetOkAsync<List<GetPositionHistory.Change>>(PositionSteps.PositionUrl(process, issue, b.Stakeholder) + "/history");
                Assert.Equal($"Batch {b.Key}", Assert.Single(history).After!.Summary);
            }
        }

        await AssertReusedKeysAreRefusedAsync(batches.Select(b => ($"/processes/{process}/positions/batch", Batch(b.Stakeholder, "Another batch"), b.Key)));
    }

    [Fact]
    public async Task An_update_resent_after_its_answer_was_lost_is_refused_412_not_applied_twice()
    {
        var (steps, process) = await OpenAsync();
        await steps.StateAsync(process, Issues[0], Stakeholders[0], 1);
        var url = PositionSteps.PositionUrl(process, Issues[0], Stakeholders[0]);
        var etag = await steps.Secretariat.ETagAsync(url);
        var revision = new { stance = -1, summary = "Has reservations", meeting = "stocktaking-2017", statedOn = "2017-12-06", reason = "New instructions" };
        var lossy = api.CreateDefaultClient(new FaultyNetwork(seed: 0, always: NetworkFault.DroppedResponse)).Authorize(TestIdentity.Everyone());

        using var first = new HttpRequestMessage(HttpMethod.Post, $"{url}/revise") { Content = System.Net.Http.Json.JsonContent.Create(revision) };
        first.Headers.TryAddWithoutValidation("If-Match", etag);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => lossy.SendAsync(first));
        var resent = await steps.Client.PostJsonAsync($"{url}/revise", revision, etag);

        var problem = await resent.AssertProblemAsync(412);
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt64());
        var history = await steps.GetOkAsync<List<GetPositionHistory.Change>>(url + "/history");
        Assert.Equal([GetPositionHistory.ChangeKind.Stated, GetPositionHistory.ChangeKind.Revised], history.Select(c => c.Kind));
    }

    private async Task AssertReusedKeysAreRefusedAsync(IEnumerable<(string Url, object Body, string Key)> reuses)
    {
        var before = await api.CountEventsAsync();
        var client = api.CreateClient();
        foreach (var (url, body, key) in reuses)
        {
            var problem = await (await client.PostWithKeyAsync(url, body, key)).AssertProblemAsync(422);
            Assert.Contains("different request", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, await api.CountEventsAsync());
    }

    private async Task<(PositionSteps Steps, string Process)> OpenAsync()
    {
        var steps = new PositionSteps(api.CreateClient());
        var process = await steps.OpenAsync(Issues);
        foreach (var stakeholder in Stakeholders)
        {
            await steps.Secretariat.EnsureStakeholderAsync(stakeholder, regionalGroup: "African");
            await steps.Secretariat.EnsureParticipantAsync(process, "stocktaking-2017", stakeholder);
        }

        return (steps, process);
    }

    private static object Body(string stakeholder, string summary) =>
        new { stakeholder, stance = 1, summary, meeting = "stocktaking-2017", statedOn = "2017-12-05" };

    private static object Batch(string stakeholder, string summary) =>
        new { items = Issues.Select(issue => new { issue, stakeholder, stance = 2, summary, meeting = "stocktaking-2017", statedOn = "2017-12-05" }) };
}
