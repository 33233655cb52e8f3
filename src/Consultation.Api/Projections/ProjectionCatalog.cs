using JasperFx.Events.Projections;
using JasperFx.Events.Subscriptions;

namespace Consultation.Projections;

/// <summary>A projection that stores documents: its registered name, when it runs, and the document types (tables) it writes.</summary>
public sealed record ProjectionInfo(string Name, ProjectionLifecycle Lifecycle, IReadOnlyList<Type> DocumentTypes)
{
    public IReadOnlyList<string> DocumentTypeNames => DocumentTypes.Select(t => t.Name).ToList();

    /// <summary>The daemon's shards are named <c>{projection}:{shard key}</c>, e.g. <c>StakeholderStatistics:All</c>.</summary>
    public bool OwnsShard(string shardName) => shardName.StartsWith(Name + ":", StringComparison.Ordinal);
}

/// <summary>
/// Every projection the store registers, read from its options so a projection added to a module is covered
/// without a change here. Live aggregations store nothing and subscriptions are not projections, so neither is listed.
/// </summary>
public static class ProjectionCatalog
{
    public static IReadOnlyList<ProjectionInfo> All(IDocumentStore store) =>
        ((StoreOptions)store.Options).Projections.All
            .Where(p => p.Lifecycle != ProjectionLifecycle.Live)
            .Select(p => new ProjectionInfo(p.Name, p.Lifecycle, DocumentTypesOf(p)))
            .ToList();

    /// <summary>The projections named (case-insensitive, in the order given), or all of them when none are named.</summary>
    public static IReadOnlyList<ProjectionInfo> Select(IDocumentStore store, IReadOnlyCollection<string>? names)
    {
        var all = All(store);
        return names is null || names.Count == 0
            ? all
            : names.Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(n => all.FirstOrDefault(p => p.Name.Equals(n, StringComparison.OrdinalIgnoreCase))
                    ?? throw new ArgumentException($"Unknown projection '{n}'. Known: {string.Join(", ", all.Select(p => p.Name))}."))
                .ToList();
    }

    private static IReadOnlyList<Type> DocumentTypesOf(IProjectionSource<IDocumentOperations, IQuerySession> projection)
    {
        // A custom IProjection publishes nothing of itself; what it writes is declared through its async options (DeleteViewTypeOnTeardown).
        var declared = (projection as ISubscriptionSource<IDocumentOperations, IQuerySession>)?.Options.StorageTypes ?? [];
        return projection.PublishedTypes().Concat(declared).Distinct().ToList();
    }
}
