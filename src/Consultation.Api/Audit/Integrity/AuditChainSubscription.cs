using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten.Storage;
using Marten.Subscriptions;

namespace Consultation.Audit.Integrity;

/// <summary>
/// Extends the hash chain as events arrive: for each page the async daemon hands over, it reads the raw
/// rows after the chain's last link up to the page's ceiling (below the daemon's high-water mark, so no
/// event can still appear in that range) and queues their links. The links are written in the same
/// transaction as the subscription's progress, and the starting point is the chain table itself, so a
/// crash, a retry or a rewound subscription never skips or duplicates a link.
/// </summary>
public sealed class AuditChainSubscription : SubscriptionBase
{
    public const string SubscriptionName = "AuditChain";

    /// <summary>The subscription's row in <c>mt_event_progression</c>.</summary>
    public const string ProgressName = SubscriptionName + ":All";

    public AuditChainSubscription()
    {
        Name = SubscriptionName;
        IncludeArchivedEvents = true;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var schema = operations.DocumentStore.Options.Events.DatabaseSchemaName;
        await using var connection = operations.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(cancellationToken);

        var head = await ChainTables.ReadHeadAsync(connection, schema, cancellationToken);
        var after = head?.Sequence ?? 0;
        if (page.SequenceCeiling <= after)
        {
            return NullChangeListener.Instance;
        }

        var previous = head is null ? ChainLink.Genesis : ChainLink.FromHex(head.Link);
        var sequences = new List<long>();
        var streams = new List<string>();
        var versions = new List<long>();
        var links = new List<string>();
        await foreach (var e in ChainTables.ReadEventsAsync(connection, schema, after, page.SequenceCeiling, cancellationToken))
        {
            previous = ChainLink.Next(previous, e);
            sequences.Add(e.Sequence);
            streams.Add(e.StreamKey);
            versions.Add(e.Version);
            links.Add(ChainLink.ToHex(previous));
        }

        if (sequences.Count > 0)
        {
            operations.QueueSqlCommand(
                $"insert into {schema}.{AppendOnlySchema.ChainTableName} (seq_id, stream_id, version, link) "
                + "select * from unnest(?::bigint[], ?::varchar[], ?::bigint[], ?::char(64)[])",
                sequences.ToArray(), streams.ToArray(), versions.ToArray(), links.ToArray());
        }

        return NullChangeListener.Instance;
    }
}
