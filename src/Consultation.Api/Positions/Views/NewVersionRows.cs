namespace Consultation.Positions.Views;

/// <summary>
/// Writes the versions-table rows of the position streams a save starts as one statement, instead of one
/// <see cref="IDocumentOperations.Store{T}(T[])"/> per row: a batch of 500 statings otherwise sends 500 inserts. The rows are
/// what <c>Store</c> writes — the document serialized by the store's serializer, its .NET type, the duplicated columns
/// from the same members — and an id that already exists is overwritten as <c>Store</c>'s upsert does; the write time
/// and <c>mt_version</c> (a fresh value on every write, which nothing reads) come from the columns' defaults.
/// Queued in the unit of work, it commits or rolls back with the events.
/// </summary>
public static class NewVersionRows
{
    /// <summary>Below this many rows, <c>Store</c> is as cheap and stays the path (a single stating writes one row).</summary>
    public const int Threshold = 2;

    public static void Queue(IDocumentOperations operations, IReadOnlyCollection<PositionVersion> rows)
    {
        if (rows.Count < Threshold)
        {
            foreach (var row in rows)
            {
                operations.Store(row);
            }

            return;
        }

        var options = operations.DocumentStore.Options;
        var serializer = options.Serializer();
        var table = options.FindOrResolveDocumentType(typeof(PositionVersion)).TableName.QualifiedName;
        operations.QueueSqlCommand(
            $"""
             insert into {table} as d (id, data, mt_dotnet_type, position_key, process, issue, stakeholder, recorded_at, superseded_at, stated_on, valid_to)
             select r.id, r.data::jsonb, ?, r.position_key, r.process, r.issue, r.stakeholder, r.recorded_at, r.superseded_at, r.stated_on, r.valid_to
             from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) as r(id, data, position_key, process, issue, stakeholder, recorded_at, superseded_at, stated_on, valid_to)
             on conflict (id) do update set
                 data = excluded.data, mt_dotnet_type = excluded.mt_dotnet_type, mt_last_modified = transaction_timestamp(),
                 mt_version = md5(random()::text || clock_timestamp()::text)::uuid, position_key = excluded.position_key,
                 process = excluded.process, issue = excluded.issue, stakeholder = excluded.stakeholder, recorded_at = excluded.recorded_at,
                 superseded_at = excluded.superseded_at, stated_on = excluded.stated_on, valid_to = excluded.valid_to
             """,
            typeof(PositionVersion).FullName!,
            rows.Select(r => r.Id).ToArray(),
            rows.Select(r => serializer.ToJson(r)).ToArray(),
            rows.Select(r => r.PositionKey).ToArray(),
            rows.Select(r => r.Process).ToArray(),
            rows.Select(r => r.Issue).ToArray(),
            rows.Select(r => r.Stakeholder).ToArray(),
            rows.Select(r => r.RecordedAt.ToUniversalTime()).ToArray(),
            rows.Select(r => r.SupersededAt?.ToUniversalTime()).ToArray(),
            rows.Select(r => r.StatedOn).ToArray(),
            rows.Select(r => r.ValidTo).ToArray());
    }
}
