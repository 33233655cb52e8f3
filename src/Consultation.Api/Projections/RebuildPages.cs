using JasperFx.Events.Projections;
using JasperFx.Events.Subscriptions;

namespace Consultation.Projections;

/// <summary>
/// The daemon replays a projection in pages of its async options' batch size (500 by default), one query and one
/// transaction a page. An inline projection's async options serve nothing but rebuilds (the service's daemon runs only the
/// async ones), so its pages are widened: measured on the benchmark's 100k store, the small projections rebuilt in about half
/// the time with pages of 5,000.
/// </summary>
public static class RebuildPages
{
    public const int InlineBatchSize = 5_000;

    public static void Widen(IDocumentStore store, string projectionName)
    {
        var source = ((StoreOptions)store.Options).Projections.All.FirstOrDefault(p => p.Name == projectionName);
        if (source is { Lifecycle: ProjectionLifecycle.Inline } and ISubscriptionSource<IDocumentOperations, IQuerySession> { Options: { } options }
            && options.BatchSize < InlineBatchSize)
        {
            options.BatchSize = InlineBatchSize;
        }
    }
}
