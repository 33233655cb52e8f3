using System.Reflection;
using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using Marten.Events.Aggregation;

namespace Consultation.Projections;

/// <summary>
/// One stream folded by a single-stream projection's own code, the way Marten applies it to a slice of one stream:
/// <c>DetermineActionAsync</c> from no document (its Create/Apply methods, or whatever the projection overrides), then
/// <c>TryApplyMetadata</c> (identity and version). A document the events delete, or never create, is not stored.
/// </summary>
public sealed class AggregateStreamFold<TDoc>(SingleStreamProjection<TDoc, string> projection, PropertyInfo id) : IStreamFold, IIdentitySetter<TDoc, string>
    where TDoc : notnull
{
    public IReadOnlyList<Type> EventTypes { get; } = ((IAggregateProjection)projection).AllEventTypes;

    public async ValueTask<IReadOnlyList<object>> FoldAsync(IQuerySession session, IReadOnlyList<IEvent> stream, CancellationToken cancellationToken)
    {
        var key = stream[0].StreamKey!;
        var (document, action) = await projection.DetermineActionAsync(session, default, key, this, stream, cancellationToken);
        if (action != ActionType.Store || document is null)
        {
            return [];
        }

        var (_, stored) = ((IAggregationProjection<TDoc, string, IDocumentOperations, IQuerySession>)projection).TryApplyMetadata(stream, document, key, this);
        return [stored!];
    }

    public void SetIdentity(TDoc document, string identity) => id.SetValue(document, identity);

    public string Identity(TDoc document) => (string)id.GetValue(document)!;
}
