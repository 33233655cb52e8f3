using Consultation.Tests.Reliability.Outage;
using Npgsql;
using Xunit.Abstractions;

namespace Consultation.Tests.Reliability.Crash;

/// <summary>
/// The service process is killed (SIGKILL) in the middle of a write load — batches and single statings in flight, right
/// after a burst of registrations the async daemon has not caught up with — and started again. At the kill every batch is
/// whole or absent and every acknowledged write is there; clients that resend with the same Idempotency-Key after the
/// restart get each write recorded exactly once; the async projections resume and equal a rebuild.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Clients = 4;

    [Fact]
    public async Task A_killed_service_loses_no_acknowledged_write_leaves_no_half_batch_and_its_projections_catch_up()
    {
        var schema = TestDatabase.NewSchemaName("crash");
        var port = ServiceProcess.FreePort();
        var first = await ServiceProcess.StartAsync(schema, port);
        ServiceProcess? second = null;
        try
        {
            await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            using var setup = first.NewClient();
            var secretariat = new Secretariat(setup);
            var (process, _) = await secretariat.OpenStocktakingAsync(KeyedWrite.Issues);
            var single = Enumerable.Range(0, 16).Select(i => Stakeholder("C", i)).ToList();
            var batched = Enumerable.Range(0, 24).Select(i => Stakeholder("D", i)).ToList();
            foreach (var stakeholder in single.Concat(batched))
            {
                await secretariat.EnsureStakeholderAsync(stakeholder, regionalGroup: "African");
                await secretariat.EnsureParticipantAsync(process, "stocktaking-2017", stakeholder);
            }

            var writes = single.SelectMany(s => KeyedWrite.Issues.Select(issue => KeyedWrite.Stating(process, issue, s)))
                .Concat(batched.Select(s => KeyedWrite.Batch(process, s)))
                .OrderBy(w => w.Key, StringComparer.Ordinal)
                .ToList();
            var tally = new OutageTally();
            var deadline = DateTime.UtcNow.AddMinutes(3);
            var clients = Enumerable.Range(0, Clients).Select(_ => first.NewClient(TimeSpan.FromSeconds(30))).ToList();
            var load = Task.WhenAll(clients.Select((client, c) =>
                new OutageClient(client, [.. writes.Where((_, i) => i % Clients == c)], tally).RunAsync(deadline)));

            await Eventually.HoldsAsync(() => tally.AcknowledgedCount >= 30 || load.IsCompleted, TimeSpan.FromSeconds(90));
            Assert.False(load.IsCompleted, "The load finished before the kill; give it more writes.");

            // A burst of registrations for the async daemon to process, then the kill, batches and statings in flight.
            await Task.WhenAll(Enumerable.Range(0, 20).Select(i => secretariat.EnsureStakeholderAsync(Stakeholder("K", i), regionalGroup: "African")));
            var inFlight = tally.InFlight;
            await first.KillAsync();
            var acknowledgedAtKill = tally.Acknowledged.ToList();
            var lag = await StatisticsLagAsync(schema);

            var atKill = await StreamCounts.OfProcessAsync(await TestDatabase.ConnectionStringAsync(), schema, process);
            var present = writes.Count(w => w.Streams.All(s => atKill.GetValueOrDefault(s) == 1));
            Assert.All(writes, w =>
            {
                var found = w.Streams.Count(s => atKill.GetValueOrDefault(s) > 0);
                Assert.True(found == 0 || found == w.Streams.Count, $"{w.Url} ({w.Key}) is half there at the kill: {found} of {w.Streams.Count} positions.");
            });
            Assert.All(acknowledgedAtKill, w => Assert.All(w.Streams, s => Assert.Equal(1, atKill.GetValueOrDefault(s))));

            second = await ServiceProcess.StartAsync(schema, port);
            await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            await load;
            output.WriteLine($"{writes.Count} writes ({single.Count * KeyedWrite.Issues.Length} statings, {batched.Count} batches of {KeyedWrite.Issues.Length}) by {Clients} clients; "
                + $"killed with {acknowledgedAtKill.Count} acknowledged and {present} recorded, {inFlight.Count} in flight ({inFlight.Count(w => w.Streams.Count > 1)} batches); stakeholder statistics {lag} events behind at the kill; "
                + $"after the restart {tally.ReplayedCount} resent writes were answered from their key's record; answers: {tally.Summary()}; acknowledged {tally.AcknowledgedCount}.");

            Assert.True(inFlight.Count > 0, "No write was in flight at the kill.");
            Assert.Equal(writes.Count, tally.AcknowledgedCount);
            Assert.All(tally.Answers, a => Assert.True(a.Status is >= 200 and < 300 || (a.Status is 503 or 409 && a.RetryAfter), $"{a.Status} {a.Body}"));
            var counts = await StreamCounts.OfProcessAsync(await TestDatabase.ConnectionStringAsync(), schema, process);
            Assert.All(writes.SelectMany(w => w.Streams), s => Assert.True(counts.GetValueOrDefault(s) == 1, $"{s} holds {counts.GetValueOrDefault(s)} events."));

            using var admin = second.NewClient();
            await Eventually.HoldsAsync(async () => (await StatisticsLagAsync(schema)) == 0, TimeSpan.FromSeconds(60));
            var report = await (await admin.PostAsync("/admin/projections/verify", null)).ReadAsync<JsonElement>();
            Assert.True(report.GetProperty("identical").GetBoolean(), report.ToString());
            Assert.All(report.GetProperty("projections").EnumerateArray(), p => Assert.Equal("Identical", p.GetProperty("outcome").GetString()));
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/health/ready")).StatusCode);
        }
        finally
        {
            await first.DisposeAsync();
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }

    private static string Stakeholder(string prefix, int i) => $"{prefix}{(char)('A' + (i / 26))}{(char)('A' + (i % 26))}";

    /// <summary>How many events the async stakeholder statistics have not processed yet, from the database.</summary>
    private static async Task<long> StatisticsLagAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select (select coalesce(max(seq_id), 0) from {schema}.mt_events) - coalesce((select max(last_seq_id) from {schema}.mt_event_progression where name like 'StakeholderStatistics%'), 0)",
            connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
