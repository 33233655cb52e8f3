using Npgsql;
using NpgsqlTypes;
using Weasel.Core;

namespace Consultation.Projections;

/// <summary>
/// Documents folded from whole streams, written together. A revisioned document is stored with the revision Marten's own
/// rebuild would leave (the stream's version): by a COPY of its own that writes <c>mt_version</c> when its table has only
/// Marten's plain columns, else by Marten's bulk insert (which writes revision 1) and an update of the revisions. Other
/// documents go through Marten's bulk insert (COPY).
/// </summary>
public sealed class FoldedBatch(IDocumentStore store, RevisionedTypes revisionedTypes)
{
    private readonly List<object> _documents = [];
    private readonly Dictionary<RevisionedType, List<(object Document, long Revision)>> _revisioned = [];

    public int Count { get; private set; }

    public void Add(IEnumerable<object> documents, long streamVersion)
    {
        foreach (var document in documents)
        {
            Count++;
            if (revisionedTypes.For(document.GetType()) is not { } revisioned)
            {
                _documents.Add(document);
                continue;
            }

            if (!_revisioned.TryGetValue(revisioned, out var pending))
            {
                _revisioned[revisioned] = pending = [];
            }

            pending.Add((document, streamVersion));
        }
    }

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        if (_documents.Count > 0)
        {
            await store.BulkInsertDocumentsAsync(_documents, BulkInsertMode.InsertsOnly, _documents.Count, cancellationToken);
        }

        if (_revisioned.Count == 0)
        {
            return;
        }

        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        foreach (var (type, documents) in _revisioned)
        {
            if (await revisionedTypes.HasPlainColumnsAsync(type, connection, cancellationToken))
            {
                await CopyAsync(connection, type, documents, cancellationToken);
            }
            else
            {
                await store.BulkInsertDocumentsAsync(documents.Select(d => d.Document), BulkInsertMode.InsertsOnly, documents.Count, cancellationToken);
                await UpdateRevisionsAsync(connection, type, documents, cancellationToken);
            }
        }
    }

    private async Task CopyAsync(NpgsqlConnection connection, RevisionedType type, List<(object Document, long Revision)> documents, CancellationToken cancellationToken)
    {
        var serializer = store.Options.Serializer();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"copy {type.Table} (id, data, mt_dotnet_type, mt_version) from stdin (format binary)", cancellationToken);
        foreach (var (document, revision) in documents)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync((string)type.Id.GetValue(document)!, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(serializer.ToJson(document), NpgsqlDbType.Jsonb, cancellationToken);
            await importer.WriteAsync(document.GetType().FullName!, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(revision, NpgsqlDbType.Bigint, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task UpdateRevisionsAsync(NpgsqlConnection connection, RevisionedType type, List<(object Document, long Revision)> documents, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"update {type.Table} as d set mt_version = v.revision from unnest(@ids, @revisions) as v(id, revision) where d.id = v.id",
            connection) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = documents.Select(d => (string)type.Id.GetValue(d.Document)!).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("revisions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = documents.Select(d => d.Revision).ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
