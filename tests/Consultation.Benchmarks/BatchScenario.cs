using System.Net.Http.Json;
using Consultation.Positions.Batching;
using JasperFx.Events;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Benchmarks;

/// <summary>Scenario 2: positions/s through the batch endpoint (500 per request; one client, then two) against Marten's bulk event insert.</summary>
public static class BatchScenario
{
    public static async Task RunAsync(BenchContext context, ApiProcess api)
    {
        var count = context.Options.BatchPositions;
        Log.Line($"Batch import of {count:N0} positions");
        if (!context.Options.Quick)
        {
            // Unmeasured, as for the writes: the batch path's per-request code is otherwise measured while the tiered JIT is
            // still recompiling it (one client measured 2,500 positions/s cold against 4,800 warm).
            await ThroughEndpointAsync(context, api, count, clients: 1, measured: false);
        }

        var (endpoint, writes) = await ThroughEndpointAsync(context, api, count, clients: 1);

        // An importer that keeps a second batch in flight: the service's work on one overlaps PostgreSQL's commit of the other.
        await ThroughEndpointAsync(context, api, count, clients: 2);

        await BreakdownAsync(context);
        count = writes.Count;

        var store = (DocumentStore)context.InProcessStore;
        var process = $"bb-{context.RunId}";
        var actions = writes.Select(w => StreamAction.Start(store.Events, Position.KeyFor(process, w.Issue, w.Stakeholder), [
            new PositionStated(Position.KeyFor(process, w.Issue, w.Stakeholder), process, w.Issue, w.Stakeholder, null, w.Content)])).ToList();
        var clock = Stopwatch.StartNew();
        await store.BulkInsertEventsAsync(actions, 5_000);
        var bulk = count / clock.Elapsed.TotalSeconds;
        context.Report.Add("2 batch import", $"Marten bulk event insert, {count:N0} positions", $"{Report.N(bulk)} positions/s (no inline projections); endpoint/bulk {Report.Ratio(endpoint / bulk)}",
            new { positions = count, positionsPerSecond = bulk, endpointOverBulk = endpoint / bulk });
    }

    /// <summary>Positions/s through the batch endpoint, 500 per request, <paramref name="clients"/> requests in flight; a fresh process each time.</summary>
    private static async Task<(double PositionsPerSecond, List<PositionWrite> Writes)> ThroughEndpointAsync(BenchContext context, ApiProcess api, int count, int clients, bool measured = true)
    {
        var (stakeholders, issues) = context.Options.Quick ? (60, 30) : (250, 150);
        var fixture = await WriteFixture.CreateAsync(context.DataStore, $"{(measured ? "bi" : "bw")}{clients}-{context.RunId}", stakeholders, issues, writesPerPair: 1);
        count = Math.Min(count, fixture.Pairs);
        using var http = api.Client();
        var writes = Enumerable.Range(0, count).Select(i => fixture.Next(0, 1, i)).ToList();
        var chunks = writes.Chunk(StatePositionsInBatch.MaxItems).ToList();
        var latencies = new Histogram();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < chunks.Count; i = Interlocked.Increment(ref next))
            {
                var items = chunks[i].Select(w => new StatePositionsInBatch.Item
                {
                    Issue = w.Issue, Stakeholder = w.Stakeholder, Stance = w.Content.Stance, Summary = w.Content.Summary, Meeting = fixture.Meeting, StatedOn = fixture.StatedOn,
                }).ToList();
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync($"/processes/{fixture.Process}/positions/batch", new StatePositionsInBatch.Request(items), WriteTargets.Json);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"Batch refused, {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                lock (latencies)
                {
                    latencies.Add(Stopwatch.GetTimestamp() - started);
                }
            }
        }));

        var endpoint = count / clock.Elapsed.TotalSeconds;
        if (!measured)
        {
            return (endpoint, writes);
        }

        var perBatch = latencies.Summary();
        context.Report.Add("2 batch import", $"HTTP batch endpoint, {count:N0} positions, {clients} client(s)", $"{Report.N(endpoint)} positions/s; p50 {Report.Ms(perBatch.P50Ms)} ms per 500",
            new { positions = count, clients, positionsPerSecond = endpoint, p50BatchMs = perBatch.P50Ms, p99BatchMs = perBatch.P99Ms });
        return (endpoint, writes);
    }

    /// <summary>Where a batch's time goes: batches of 500 through the in-process pipeline, each database command traced.</summary>
    private static async Task BreakdownAsync(BenchContext context)
    {
        const int batches = 2;
        var fixture = await WriteFixture.CreateAsync(context.InProcessStore, $"bq-{context.RunId}", 150, 30, writesPerPair: 1);
        if (fixture.Pairs < (batches + 1) * StatePositionsInBatch.MaxItems)
        {
            return;
        }

        Operation batch = async (_, sequence, ct) =>
        {
            var items = Enumerable.Range((int)sequence * StatePositionsInBatch.MaxItems, StatePositionsInBatch.MaxItems)
                .Select(i => fixture.Next(0, 1, i))
                .Select(w => new StatePositionsInBatch.Item
                {
                    Issue = w.Issue, Stakeholder = w.Stakeholder, Stance = w.Content.Stance, Summary = w.Content.Summary, Meeting = fixture.Meeting, StatedOn = fixture.StatedOn,
                })
                .ToList();
            await using var scope = context.Host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new StatePositionsInBatch.Command(fixture.Process, new StatePositionsInBatch.Request(items)), ct);
        };
        await batch(0, 0, CancellationToken.None);
        await WriteBreakdown.MeasureAsync(context, "pipeline, batch of 500", batch, 1, batches, "2 batch import", "batch");
    }
}
