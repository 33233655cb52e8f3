using System.Reflection;
using Marten;

namespace Consultation.Audit.Rebuilding;

/// <summary>
/// Which document types Marten stores with a numeric revision (<c>mt_version</c>, the version of the last event applied to an
/// aggregate projection's document, which <c>FetchForWriting</c>/<c>FetchLatest</c> compare with the stream), with their
/// string id and table. Read from the store's mappings once per type.
/// </summary>
public sealed class RevisionedTypes(IDocumentStore store)
{
    private readonly Dictionary<Type, RevisionedType?> _types = [];

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
