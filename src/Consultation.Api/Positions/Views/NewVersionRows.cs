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
        operations.QueueSqlCommand(
            PositionsSql.InsertVersionRows(options),
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
