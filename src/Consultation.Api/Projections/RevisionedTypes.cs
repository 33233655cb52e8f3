using System.Reflection;
using Npgsql;

namespace Consultation.Projections;

/// <summary>
/// Which document types Marten stores with a numeric revision (<c>mt_version</c>, the version of the last event applied to an
/// aggregate projection's document, which <c>FetchForWriting</c>/<c>FetchLatest</c> compare with the stream), with their
/// string id and table. Read from the store's mappings once per type.
/// </summary>
public sealed class RevisionedTypes(IDocumentStore store)
{
    private static readonly string[] PlainColumns = ["data", "id", "mt_dotnet_type", "mt_last_modified", "mt_version"];

    private readonly Dictionary<Type, RevisionedType?> _types = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<RevisionedType, bool> _plain = [];

    /// <summary>Whether the table has only Marten's plain columns (no duplicated fields, tenant or other metadata columns), so a COPY of id, data, type and revision fills it as Marten would.</summary>
    public async ValueTask<bool> HasPlainColumnsAsync(RevisionedType type, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (_plain.TryGetValue(type, out var plain))
        {
            return plain;
        }

        await using var command = new NpgsqlCommand("select array_agg(attname::text order by attname::text collate \"C\") from pg_attribute where attrelid = @table::regclass and attnum > 0 and not attisdropped", connection);
        command.Parameters.AddWithValue("table", type.Table);
        var columns = (string[])(await command.ExecuteScalarAsync(cancellationToken))!;
        return _plain[type] = columns.SequenceEqual(PlainColumns, StringComparer.Ordinal);
    }

    public RevisionedType? For(Type type)
    {
        lock (_types)
        {
            if (!_types.TryGetValue(type, out var revisioned))
            {
                var mapping = (Marten.Schema.DocumentMapping)store.Options.FindOrResolveDocumentType(type);
                revisioned = !mapping.UseNumericRevisions
                    ? null
                    : mapping.IdMember is PropertyInfo { PropertyType: var idType } id && idType == typeof(string)
                        ? new RevisionedType(id, mapping.TableName.QualifiedName)
                        : throw new NotSupportedException($"{type.Name}: a stream-by-stream rebuild handles numeric revisions for string ids only.");
                _types[type] = revisioned;
            }

            return revisioned;
        }
    }
}

public sealed record RevisionedType(PropertyInfo Id, string Table);
