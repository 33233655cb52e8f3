using Marten;
using Npgsql;
using NpgsqlTypes;
using Weasel.Core;

namespace Consultation.Audit.Rebuilding;

/// <summary>
/// Documents folded from whole streams, written together: Marten's bulk insert (COPY), then, for revisioned documents, the
/// revision Marten's own rebuild would leave (the stream's version: a bulk insert writes revision 1).
/// </summary>
public sealed class FoldedBatch(IDocumentStore store, RevisionedTypes revisionedTypes)
{
    private readonly List<object> _documents = [];
    private readonly Dictionary<RevisionedType, (List<string> Ids, List<long> Revisions)> _revisions = [];

    public int Count => _documents.Count;

    public void Add(IEnumerable<object> documents, long streamVersion)
    {
        foreach (var document in documents)
        {
            _documents.Add(document);
            if (revisionedTypes.For(document.GetType()) is { } revisioned)
            {
                if (!_revisions.TryGetValue(revisioned, out var pending))
                {
                    _revisions[revisioned] = pending = ([], []);
                }

                pending.Ids.Add((string)revisioned.Id.GetValue(document)!);
                pending.Revisions.Add(streamVersion);
            }
        }
    }

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (_documents.Count == 0)
        {
            return;
        }

        await store.BulkInsertDocumentsAsync(_documents, BulkInsertMode.InsertsOnly, _documents.Count, cancellationToken);
        if (_revisions.Count == 0)
        {
            return;
        }

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        foreach (var (type, (ids, revisions)) in _revisions)
        {
            await using var command = new NpgsqlCommand(
                $"update {type.Table} as d set mt_version = v.revision from unnest(@ids, @revisions) as v(id, revision) where d.id = v.id",
                connection) { CommandTimeout = 0 };
            command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ids.ToArray() });
            command.Parameters.Add(new NpgsqlParameter("revisions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = revisions.ToArray() });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
