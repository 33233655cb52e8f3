using System.Diagnostics;
using Consultation.Projections;
using Consultation.Meetings;
using Consultation.Processes;
using Consultation.Stakeholders;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;

namespace Consultation.Synthetic;

/// <summary>How the writer appends: through sessions (inline projections run with the appends) or by bulk COPY (then the inline projections are rebuilt).</summary>
public enum SyntheticWriteMode
{
    Sessions,
    Bulk,
}

/// <summary>Where the writing stands: events written so far and the rate.</summary>
public sealed record SyntheticProgress(string Stage, long Events, long Total, TimeSpan Elapsed)
{
    public double EventsPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : Events / Elapsed.TotalSeconds;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Stage}: {Events:N0} / {Total:N0} events, {Elapsed.TotalSeconds:0.0} s, {EventsPerSecond:N0} events/s");
}

/// <summary>
/// Writes a <see cref="SyntheticScenario"/> straight into the event store. <b>A load and demo tool, not a record of real
/// decisions:</b> it bypasses the command pipeline (no validation, no idempotency, no per-request metadata); the events are
/// marked with the user name <see cref="UserName"/> and a correlation id naming the scenario. The builder keeps the domain
/// rules, so the result reads like a consultation recorded through the API.
/// <para>
/// Stakeholder streams already in the store (a fictional registry shared with earlier synthetic processes) are left as they
/// are; their accreditation to the new process is appended. The process must not exist yet.
/// </para>
/// </summary>
public sealed class SyntheticWriter(IDocumentStore store)
{
    public const string UserName = "synthetic-generator";

    public int EventsPerSave { get; init; } = 5_000;

    public async Task<SyntheticProgress> WriteAsync(
        SyntheticScenario scenario, SyntheticWriteMode mode, Action<SyntheticProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var correlation = $"synthetic:{scenario.Process}:seed-{scenario.Options.Seed}";
        await using (var query = store.QuerySession())
        {
            if (await query.Events.FetchStreamStateAsync(scenario.Process, cancellationToken) is not null)
            {
                throw new InvalidOperationException($"Process '{scenario.Process}' already exists; choose another --process or seed.");
            }
        }

        var existing = await ExistingStreamsAsync([.. scenario.Registry.Select(s => s.Key)], cancellationToken);
        var registry = scenario.Registry.Where(s => !existing.Contains(s.Key)).ToList();
        var total = registry.Sum(s => (long)s.Events.Count) + scenario.Appended.Sum(s => (long)s.Events.Count) + scenario.Streams.Sum(s => (long)s.Events.Count);
        long written = 0;

        void Report(string stage)
        {
            progress?.Invoke(new SyntheticProgress(stage, written, total, clock.Elapsed));
        }

        if (mode == SyntheticWriteMode.Sessions)
        {
            await InSessionsAsync(registry, (session, s) => session.Events.StartStream(s.Key, s.Events), correlation, n => { written += n; Report("stakeholders"); }, cancellationToken);
            await InSessionsAsync(scenario.Appended, (session, s) => session.Events.Append(s.Key, s.Events), correlation, n => { written += n; Report("accreditations"); }, cancellationToken);
            await InSessionsAsync(scenario.Streams, (session, s) => session.Events.StartStream(s.Key, s.Events), correlation, n => { written += n; Report("process, meetings, positions"); }, cancellationToken);
        }
        else
        {
            // Registry first (the accreditations are appended to those streams), then everything else.
            await BulkAsync(registry, correlation, n => { written += n; Report("bulk COPY (stakeholders)"); }, cancellationToken);
            await InSessionsAsync(scenario.Appended, (session, s) => session.Events.Append(s.Key, s.Events), correlation, n => { written += n; Report("accreditations"); }, cancellationToken);
            await BulkAsync(scenario.Streams, correlation, n => { written += n; Report("bulk COPY"); }, cancellationToken);
            await RebuildInlineProjectionsAsync(cancellationToken);
            Report("inline projections rebuilt");
        }

        var done = new SyntheticProgress("done", written, total, clock.Elapsed);
        progress?.Invoke(done);
        return done;
    }

    /// <summary>After a bulk COPY: every inline read model rebuilt from all events (the whole store, not only this process), as <c>audit rebuild</c> rebuilds them.</summary>
    public async Task RebuildInlineProjectionsAsync(CancellationToken cancellationToken)
    {
        var projections = ProjectionCatalog.All(store)
            .Where(p => p.Lifecycle == ProjectionLifecycle.Inline)
            .Select(p => new ProjectionRebuildProgress(p.Name, TimeProvider.System))
            .ToList();
        await ProjectionRebuilder.RebuildAsync(store, projections, null, cancellationToken);
        if (projections.Select(p => p.View()).FirstOrDefault(v => v.State != RebuildState.Succeeded) is { } failed)
        {
            throw new InvalidOperationException("Rebuilding the inline projections failed: " + failed.Describe());
        }
    }

    private async Task BulkAsync(IReadOnlyList<SyntheticStream> streams, string correlation, Action<int> saved, CancellationToken cancellationToken)
    {
        var marten = (DocumentStore)store;
        for (var i = 0; i < streams.Count; i += 2_000)
        {
            var chunk = streams.Skip(i).Take(2_000).Select(s =>
            {
                var action = StreamAction.Start(marten.Events, s.Key, [.. s.Events]);
                foreach (var e in action.Events)
                {
                    e.CorrelationId = correlation;
                    e.UserName = UserName;
                }

                return action;
            }).ToList();
            await marten.BulkInsertEventsAsync(chunk, 5_000, cancellationToken);
            saved(chunk.Sum(a => a.Events.Count));
        }
    }

    private async Task InSessionsAsync(
        IReadOnlyList<SyntheticStream> streams, Action<IDocumentSession, SyntheticStream> add, string correlation, Action<int> saved, CancellationToken cancellationToken)
    {
        var i = 0;
        while (i < streams.Count)
        {
            await using var session = store.LightweightSession();
            session.CorrelationId = correlation;
            session.LastModifiedBy = UserName;
            var events = 0;
            while (i < streams.Count && events < EventsPerSave)
            {
                add(session, streams[i]);
                events += streams[i].Events.Count;
                i++;
            }

            await session.SaveChangesAsync(cancellationToken);
            saved(events);
        }
    }

    private async Task<HashSet<string>> ExistingStreamsAsync(string[] keys, CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        var schema = store.Options.Events.DatabaseSchemaName;
        var found = await query.QueryAsync<string>($"select id from {schema}.mt_streams where id = any(?)", cancellationToken, [keys]);
        return found.ToHashSet(StringComparer.Ordinal);
    }
}
