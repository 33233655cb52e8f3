using System.Reflection;
using Consultation.Meetings;
using Consultation.Positions;
using Consultation.Positions.Views;
using JasperFx.Events.Projections;
using Marten.Events.Aggregation;

namespace Consultation.Projections;

/// <summary>
/// The inline projections rebuilt stream by stream instead of through the daemon: every single-stream projection keyed by
/// the stream key (folded by its own code, see <see cref="AggregateStreamFold{TDoc}"/>), the statement records (one
/// document per statement of a meeting stream) and the position versions. Any other projection, or one of these
/// registered with another lifecycle, goes through Marten.
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
            StatementRecordProjection statements => new StatementRecordFold(statements),
            ProjectionWrapper<IDocumentOperations, IQuerySession> { ProjectionType: var type } when type == typeof(PositionVersionsProjection) => new PositionVersionsFold(),
            _ => AggregateFold(store, source),
        };
    }

    private static IStreamFold? AggregateFold(IDocumentStore store, object source)
    {
        var aggregation = source.GetType();
        while (aggregation is not null && !(aggregation.IsGenericType && aggregation.GetGenericTypeDefinition() == typeof(SingleStreamProjection<,>)))
        {
            aggregation = aggregation.BaseType;
        }

        if (aggregation?.GetGenericArguments() is not [var document, var id] || id != typeof(string)
            || store.Options.FindOrResolveDocumentType(document) is not Marten.Schema.DocumentMapping { IdMember: PropertyInfo identity })
        {
            return null;
        }

        return (IStreamFold)Activator.CreateInstance(typeof(AggregateStreamFold<>).MakeGenericType(document), source, identity)!;
    }
}
