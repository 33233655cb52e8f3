using JasperFx.Events.Projections;

namespace Consultation.Projections;

/// <summary>
/// Verifies the live projections against the events: waits (bounded) for async projections to catch up, copies the
/// events and the live projection tables at one snapshot into a scratch schema, rebuilds every projection there from
/// the copied events, and compares document by document. The scratch schema is dropped afterwards, whatever happened.
/// </summary>
public static class ProjectionVerifier
{
    public static readonly TimeSpan DefaultCatchUpWait = TimeSpan.FromSeconds(15);

    public static async Task<VerificationReport> VerifyAsync(
        IDocumentStore live,
        StoreConfiguration configuration,
        string connectionString,
        TimeProvider time,
        Action<string> say,
        Action<ProjectionRebuildProgress>? onProgress,
        CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var projections = ProjectionCatalog.All(live);
        await WaitForAsyncProjectionsAsync(live, projections, DefaultCatchUpWait, say, cancellationToken);

        var liveSchema = live.Options.DatabaseSchemaName;
        var scratchSchema = ScratchStore.NewSchemaName(liveSchema);
        var dropped = false;
        try
        {
            var (head, checks, compared, total, differences) = await CompareInScratchAsync(
                live, configuration, connectionString, scratchSchema, projections, time, say, onProgress, cancellationToken);
            dropped = await DropAsync(connectionString, scratchSchema, say);
            var identical = checks.All(c => c.Outcome is ProjectionCheckOutcome.Identical or ProjectionCheckOutcome.Behind);
            return new VerificationReport(identical, head, scratchSchema, dropped, startedAt, time.GetUtcNow(), checks, compared, total, differences);
        }
        finally
        {
            if (!dropped)
            {
                await DropAsync(connectionString, scratchSchema, say);
            }
        }
    }

    private static async Task<(long Head, List<ProjectionCheck> Checks, long Compared, long Total, List<DocumentDifference> Differences)> CompareInScratchAsync(
        IDocumentStore live,
        StoreConfiguration configuration,
        string connectionString,
        string scratchSchema,
        IReadOnlyList<ProjectionInfo> projections,
        TimeProvider time,
        Action<string> say,
        Action<ProjectionRebuildProgress>? onProgress,
        CancellationToken cancellationToken)
    {
        using var scratch = ScratchStore.Create(configuration, connectionString, scratchSchema);
        say($"Creating scratch schema {scratchSchema}");
        await scratch.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var tables = projections
            .SelectMany(p => p.DocumentTypes.Select(t => (Projection: p, Type: t)))
            .Select((x, i) => new ComparedTable(
                x.Projection,
                x.Type,
                live.Options.FindOrResolveDocumentType(x.Type).TableName.QualifiedName,
                $"{scratchSchema}.live_copy_{i + 1}",
                ((IDocumentStore)scratch).Options.FindOrResolveDocumentType(x.Type).TableName.QualifiedName))
            .ToList();

        await using var connection = live.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        say("Copying the events and the live projections at one snapshot");
        var snapshot = await SnapshotCopy.TakeAsync(connection, live.Options.Events.DatabaseSchemaName, scratchSchema, tables, cancellationToken);
        say($"Snapshot at sequence {snapshot.HeadSequence}: {snapshot.Events} events");

        var sequences = projections.ToDictionary(p => p.Name, p => SequenceAt(p, snapshot));
        var rebuilding = projections
            .Where(p => sequences[p.Name] >= snapshot.HeadSequence)
            .Select(p => new ProjectionRebuildProgress(p.Name, time))
            .ToList();
        say($"Rebuilding {rebuilding.Count} projections in the scratch schema");
        await ProjectionRebuilder.RebuildAsync(scratch, rebuilding, onProgress, cancellationToken);

        var checks = new List<ProjectionCheck>();
        var differences = new List<DocumentDifference>();
        long compared = 0, total = 0;
        foreach (var projection in projections)
        {
            var rebuilt = rebuilding.FirstOrDefault(r => r.Name == projection.Name)?.View();
            if (rebuilt is null)
            {
                checks.Add(Check(projection, ProjectionCheckOutcome.Behind, sequences[projection.Name], 0, 0,
                    $"processed up to sequence {sequences[projection.Name]} of {snapshot.HeadSequence}: not compared"));
                continue;
            }

            if (rebuilt.State != RebuildState.Succeeded)
            {
                checks.Add(Check(projection, ProjectionCheckOutcome.Failed, sequences[projection.Name], 0, 0, $"could not be rebuilt: {rebuilt.Error}"));
                continue;
            }

            long projectionCompared = 0, projectionDifferences = 0;
            foreach (var table in tables.Where(t => t.Projection == projection))
            {
                var result = await DocumentComparison.CompareAsync(connection, table, VerificationReport.MaxDetailed - differences.Count, cancellationToken);
                projectionCompared += result.Compared;
                projectionDifferences += result.Differences;
                differences.AddRange(result.Detailed);
            }

            compared += projectionCompared;
            total += projectionDifferences;
            checks.Add(Check(
                projection,
                projectionDifferences == 0 ? ProjectionCheckOutcome.Identical : ProjectionCheckOutcome.Different,
                sequences[projection.Name],
                projectionCompared,
                projectionDifferences,
                null));
        }

        return (snapshot.HeadSequence, checks, compared, total, differences);
    }

    /// <summary>Inline projections are written with the events, so they are at the snapshot's head; an async one is where its shards were.</summary>
    private static long SequenceAt(ProjectionInfo projection, Snapshot snapshot) =>
        projection.Lifecycle == ProjectionLifecycle.Inline
            ? snapshot.HeadSequence
            : snapshot.Progress.Where(p => projection.OwnsShard(p.Key)).Select(p => p.Value).DefaultIfEmpty(0).Min();

    private static ProjectionCheck Check(ProjectionInfo projection, ProjectionCheckOutcome outcome, long sequence, long compared, long differences, string? note) =>
        new(projection.Name, projection.Lifecycle, projection.DocumentTypeNames, outcome, sequence, compared, differences, note);

    /// <summary>Async projections lag the events by design; give them a bounded moment to reach the current head, so they can be compared.</summary>
    private static async Task WaitForAsyncProjectionsAsync(
        IDocumentStore live,
        IReadOnlyList<ProjectionInfo> projections,
        TimeSpan bound,
        Action<string> say,
        CancellationToken cancellationToken)
    {
        var asynchronous = projections.Where(p => p.Lifecycle == ProjectionLifecycle.Async).ToList();
        if (asynchronous.Count == 0)
        {
            return;
        }

        var head = await ProjectionPositions.HeadAsync(live, cancellationToken);
        var deadline = DateTime.UtcNow + bound;
        var announced = false;
        while (true)
        {
            var progress = await live.Advanced.AllProjectionProgress(token: cancellationToken);
            if (asynchronous.All(p => ProjectionPositions.SequenceOf(p, head, progress) >= head) || DateTime.UtcNow >= deadline)
            {
                return;
            }

            if (!announced)
            {
                say($"Waiting up to {bound.TotalSeconds:0}s for async projections to reach sequence {head}");
                announced = true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
    }

    private static async Task<bool> DropAsync(string connectionString, string schema, Action<string> say)
    {
        try
        {
            var dropped = await ScratchStore.DropAsync(connectionString, schema);
            say(dropped ? $"Dropped scratch schema {schema}" : $"Scratch schema {schema} could not be dropped: drop it by hand");
            return dropped;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
        {
            say($"Scratch schema {schema} could not be dropped ({e.Message}): drop it by hand");
            return false;
        }
    }
}
