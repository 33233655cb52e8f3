namespace Consultation.Projections;

/// <summary>A projection rebuilt stream by stream, with the fold that rebuilds it and the progress it reports.</summary>
public sealed record FoldedProjection(IStreamFold Fold, ProjectionRebuildProgress Progress);

/// <summary>
/// One step of a rebuild: either one projection through Marten's daemon (<see cref="Folds"/> empty), or projections
/// rebuilt stream by stream from one read of their events, because they read some of the same event types (the two
/// position projections; the meeting record and its statements). A step runs where its first projection was asked for.
/// </summary>
public sealed record RebuildStep(IReadOnlyList<ProjectionRebuildProgress> Projections, IReadOnlyList<FoldedProjection> Folds)
{
    public static IReadOnlyList<RebuildStep> Plan(IDocumentStore store, IReadOnlyList<ProjectionRebuildProgress> projections)
    {
        var folds = projections
            .Select(p => StreamFolds.For(store, p.Name) is { } fold ? new FoldedProjection(fold, p) : null)
            .OfType<FoldedProjection>()
            .ToList();
        var groups = new List<List<FoldedProjection>>();
        foreach (var fold in folds)
        {
            var overlapping = groups.Where(g => g.Any(f => ShareEvents(f.Fold, fold.Fold))).ToList();
            var merged = overlapping.SelectMany(g => g).Append(fold).ToList();
            groups.RemoveAll(overlapping.Contains);
            groups.Add(merged);
        }

        var steps = new List<RebuildStep>();
        foreach (var projection in projections)
        {
            if (steps.Any(s => s.Projections.Contains(projection)))
            {
                continue;
            }

            var group = groups.FirstOrDefault(g => g.Any(f => f.Progress == projection));
            steps.Add(group is null
                ? new RebuildStep([projection], [])
                : new RebuildStep([.. projections.Where(p => group.Any(f => f.Progress == p))], [.. group.OrderBy(f => projections.ToList().IndexOf(f.Progress))]));
        }

        return steps;
    }

    /// <summary>
    /// Whether two folds read some of the same events of the application's. Marten's own event types (<c>Archived</c>, which
    /// every aggregation handles) do not count: they would put every aggregation in one step.
    /// </summary>
    private static bool ShareEvents(IStreamFold a, IStreamFold b) =>
        a.EventTypes.Intersect(b.EventTypes).Any(t => t.Assembly != typeof(JasperFx.Events.IEvent).Assembly);
}
