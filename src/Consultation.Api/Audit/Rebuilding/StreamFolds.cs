using Consultation.Positions;
using Consultation.Positions.Views;
using JasperFx.Events.Projections;
using Marten;

namespace Consultation.Audit.Rebuilding;

/// <summary>
/// The inline projections rebuilt stream by stream instead of through the daemon: the two position projections, which
/// are most of the events. Any other projection, or one of these registered with another lifecycle, goes through Marten.
/// </summary>
public static class StreamFolds
{
    public static IStreamFold? For(IDocumentStore store, string projectionName)
    {
        var source = ((StoreOptions)store.Options).Projections.All.FirstOrDefault(p => p.Name == projectionName);
        if (source is not { Lifecycle: ProjectionLifecycle.Inline })
        {
            return null;
        }

        return source switch
        {
            PositionDetailsProjection => new PositionDetailsFold(),
            ProjectionWrapper<IDocumentOperations, IQuerySession> { ProjectionType: var type } when type == typeof(PositionVersionsProjection) => new PositionVersionsFold(),
            _ => null,
        };
    }
}
