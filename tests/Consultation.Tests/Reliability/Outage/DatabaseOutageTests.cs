using System.Diagnostics;
using JasperFx.Events.Daemon;
using Marten.Events;
using Xunit.Abstractions;

namespace Consultation.Tests.Reliability.Outage;

/// <summary>
/// PostgreSQL stops in the middle of a write load and starts again, the service running throughout. Clients (each write
/// with its own Idempotency-Key, resent after a 503) must only ever see 2xx or 503 with Retry-After, promptly; readiness must
/// say the database is down; writes must succeed again without restarting the service; afterwards every acknowledged write
/// is recorded exactly once, every batch is whole, and the async projections catch up to what a rebuild gives.
/// </summary>
public sealed class DatabaseOutageTests(OutageApiFactory outage, ITestOutputHelper output) : IClassFixture<OutageApiFactory>
{
    private const int Clients = 6;
    /// <summary>How long the database stays down: <c>CONSULTATION_OUTAGE_SECONDS</c>, default 4 (CI).</summary>
    private static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("CONSULTATION_OUTAGE_SECONDS"), out var seconds) && seconds > 0 ? seconds : 4);

    /// <summary>No answer may take longer than the command timeout plus the connect timeout plus a generous margin for a loaded machine.</summary>
    private static readonly TimeSpan SlowestAllowed = TimeSpan.FromSeconds(OutageApiFactory.CommandTimeoutSeconds + OutageApiFactory.ConnectTimeoutSeconds + 15);

    [SkippableFact]
    public async Task Writes_during_a_database_outage_answer_503_then_resume_and_nothing_acknowledged_is_lost()
    {
        Skip.If(outage.NoDatabaseOfItsOwn, "Stopping the database needs a PostgreSQL of the test's own: a container, or the machine's PostgreSQL programs.");
        var api = outage.Api;
        var steps = new PositionSteps(api.CreateClient());
        var process = await steps.OpenAsync(KeyedWrite.Issues);
        var single = Enumerable.Range(0, 24).Select(i => Stakeholder("O", i)).ToList();
        var batched = Enumerable.Range(0, 12).Select(i => Stakeholder("B", i)).ToList();
        foreach (var stakeholder in single.Concat(batched))
        {
            await steps.Secretariat.EnsureStakeholderAsync(stakeholder, regionalGroup: "African");
            await steps.Secretariat.EnsureParticipantAsync(process, "stocktaking-2017", stakeholder);
        }

        var writes = single.SelectMany(s => KeyedWrite.Issues.Select(issue => KeyedWrite.Stating(process, issue, s)))
            .Concat(batched.Select(s => KeyedWrite.Batch(process, s)))
            .OrderBy(w => w.Key, StringComparer.Ordinal) // batches and statings mixed
            .ToList();
        var tally = new OutageTally();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        var load = Task.WhenAll(Enumerable.Range(0, Clients).Select(c =>
            new OutageClient(api.CreateClient(), [.. writes.Where((_, i) => i % Clients == c)], tally).RunAsync(deadline)));

        await Eventually.HoldsAsync(() => tally.AcknowledgedCount >= 20 || load.IsCompleted, TimeSpan.FromSeconds(60));
        Assert.False(load.IsCompleted, "The load finished before the outage began; give it more writes.");
        var acknowledgedBeforeOutage = tally.AcknowledgedCount;
        await outage.Database!.StopAsync();
        var stoppedAt = DateTime.UtcNow;
        var readiness = await ReadinessAsync(api);
        var readClock = Stopwatch.StartNew();
        using var read = await steps.Client.GetAsync($"/stakeholders/{single[0]}");
        var readTook = readClock.Elapsed;
        await Task.Delay(OutageLength - (DateTime.UtcNow - stoppedAt) is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        var answersDuringOutage = tally.Answers.Count(a => a.At > stoppedAt);
        var startingAt = DateTime.UtcNow;
        await outage.Database.StartAsync();
        var startedAt = DateTime.UtcNow;

        await load;
        // Writes may succeed again before the container's own readiness check returns (the service retries meanwhile):
        // the first acknowledgment after the start began counts, measured from the confirmed start (so it may be negative).
        var recovered = tally.FirstAcknowledgedAfter(startingAt);
        output.WriteLine($"{writes.Count} writes ({single.Count * KeyedWrite.Issues.Length} statings, {batched.Count} batches of {KeyedWrite.Issues.Length}) by {Clients} clients; "
            + $"{acknowledgedBeforeOutage} acknowledged before the stop, {answersDuringOutage} answers while stopped ({(startedAt - stoppedAt).TotalSeconds:0.0} s); "
            + $"readiness while stopped: {readiness.Status} in {readiness.Took.TotalSeconds:0.0} s; a read: {(int)read.StatusCode} in {readTook.TotalSeconds:0.0} s; first write acknowledged {(recovered - startedAt)?.TotalSeconds:0.0} s after the start; "
            + $"answers: {tally.Summary()}; acknowledged {tally.AcknowledgedCount}.");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness.Status);
        Assert.True(read.StatusCode == HttpStatusCode.ServiceUnavailable && read.Headers.RetryAfter is not null, $"A read while stopped: {(int)read.StatusCode}");
        Assert.True(readTook < SlowestAllowed, $"A read while stopped took {readTook.TotalSeconds:0.0} s.");
        Assert.Contains("\"database\":{\"status\":\"Unhealthy\"", readiness.Body, StringComparison.Ordinal);
        Assert.True(answersDuringOutage > 0, "No request was answered during the outage.");
        Assert.All(tally.Answers, a => Assert.True(
            a.Status is >= 200 and < 300 || (a.Status is 503 or 409 && a.RetryAfter),
            $"{a.Status} (Retry-After: {a.RetryAfter}) {a.Body}"));
        Assert.Contains(tally.Answers, a => a.Status == 503);
        Assert.All(tally.Answers, a => Assert.True(a.Took < SlowestAllowed, $"An answer took {a.Took.TotalSeconds:0.0} s: {a.Status} {a.Body}"));
        Assert.Empty(tally.NoAnswers);
        Assert.True(recovered is not null && recovered - startedAt < TimeSpan.FromSeconds(60), "Writes did not succeed again within 60 s of the database's return.");
        Assert.Equal(writes.Count, tally.AcknowledgedCount);

        // Every acknowledged write exactly once, every batch whole, nothing else in the process's position streams.
        var counts = await StreamCounts.OfProcessAsync(api.ConnectionString, api.Schema, process);
        var expected = writes.SelectMany(w => w.Streams).ToHashSet();
        Assert.All(expected, stream => Assert.True(counts.GetValueOrDefault(stream) == 1, $"{stream} holds {counts.GetValueOrDefault(stream)} events."));
        Assert.DoesNotContain(counts.Keys, k => k.Count(c => c == '/') == 2 && !expected.Contains(k));

        // The service recovered without a restart: ready again, the daemon caught up (also with events written after the outage).
        await steps.Secretariat.EnsureStakeholderAsync(Stakeholder("N", 0), regionalGroup: "African");
        await Eventually.HoldsAsync(async () => (await ReadinessAsync(api)).Status == HttpStatusCode.OK, TimeSpan.FromSeconds(60));
        await api.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var report = await (await steps.Client.PostAsync("/admin/projections/verify", null)).ReadAsync<JsonElement>();
        Assert.True(report.GetProperty("identical").GetBoolean(), report.ToString());
        Assert.All(report.GetProperty("projections").EnumerateArray(), p => Assert.Equal("Identical", p.GetProperty("outcome").GetString()));
    }

    private static string Stakeholder(string prefix, int i) => $"{prefix}{(char)('A' + (i / 26))}{(char)('A' + (i % 26))}";

    private static async Task<(HttpStatusCode Status, string Body, TimeSpan Took)> ReadinessAsync(OutageApiFactory.ServiceOnOwnDatabase api)
    {
        var clock = Stopwatch.StartNew();
        var response = await api.CreateClient().GetAsync("/health/ready");
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), clock.Elapsed);
    }
}
