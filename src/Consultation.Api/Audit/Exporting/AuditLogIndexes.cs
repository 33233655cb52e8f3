using JasperFx.Events;
using Weasel.Core;
using Weasel.Core.Migrations;

namespace Consultation.Audit.Exporting;

/// <summary>
/// Indexes on <c>mt_events</c> for the audit log's selective filters, created with the schema (<c>db-apply</c>, start-up):
/// <c>type</c> through Marten's own option (<c>(type, seq_id)</c>), <c>timestamp</c>, <c>(user_name, seq_id)</c> and
/// <c>stream_id</c> for key prefixes (<c>LIKE 'gcm/area:%'</c>: the areas as of a moment) as a feature of our own. Marten's table has no hook for extra indexes, so ours are told to its schema diff as ignored
/// (else it would drop them as unknown) and created by a feature that Marten applies after the event tables.
/// </summary>
public sealed class AuditLogIndexes(StoreOptions options) : FeatureSchemaBase("audit-log-indexes", options.Advanced.Migrator)
{
    public const string Timestamp = "idx_mt_events_timestamp";
    public const string UserName = "idx_mt_events_user_name_seq_id";

    /// <summary>
    /// Key prefixes: the primary key's collation cannot serve <c>LIKE 'prefix%'</c>, so without this the areas of a process
    /// as of a moment walked every event recorded before it (the cost grew with the store, not with the process).
    /// </summary>
    public const string StreamKeyPrefix = "idx_mt_events_stream_id_prefix";

    /// <summary>Marten's name for its <c>(type, seq_id)</c> index.</summary>
    public const string Type = "idx_mt_events_event_type_seq_id";

    public static void Register(StoreOptions options)
    {
        options.Events.EnableEventTypeIndex = true;
        options.Events.IgnoreIndex(Timestamp);
        options.Events.IgnoreIndex(UserName);
        options.Events.IgnoreIndex(StreamKeyPrefix);
        options.Storage.Add(new AuditLogIndexes(options));
    }

    public override IEnumerable<Type> DependentTypes() => [typeof(IEvent)];

    protected override IEnumerable<ISchemaObject> schemaObjects()
    {
        var schema = options.Events.DatabaseSchemaName;
        yield return new EventsIndex(schema, Timestamp, "timestamp");
        yield return new EventsIndex(schema, UserName, "user_name, seq_id");
        yield return new EventsIndex(schema, StreamKeyPrefix, "stream_id varchar_pattern_ops");
    }
}
