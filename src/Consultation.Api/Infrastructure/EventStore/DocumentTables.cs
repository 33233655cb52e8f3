using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using Marten.Schema;

namespace Consultation.Infrastructure.EventStore;

/// <summary>Names in the store's schema for the few reads and writes written in SQL (with <see cref="StoredJson"/> for the JSON in them).</summary>
public static class DocumentTables
{
    /// <summary>The qualified table of document type <typeparamref name="T"/>.</summary>
    public static string TableOf<T>(this IDocumentStore store) => store.Options.TableOf<T>();

    /// <inheritdoc cref="TableOf{T}(IDocumentStore)"/>
    public static string TableOf<T>(this IReadOnlyStoreOptions options) => options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;

    /// <summary>
    /// Keeps each of <paramref name="members"/> of <typeparamref name="T"/> in a column of its own as well, filled by Marten on
    /// every write and back-filled from the documents when the column is added to an existing table — and adds no index
    /// (<c>Schema.For&lt;T&gt;().Duplicate</c> adds one per column, which costs every write; add those a filter needs).
    /// Marten's LINQ then reads and filters the column instead of the document. A member of a member
    /// (<c>x =&gt; x.Venue.City</c>) gets the column <c>venue_city</c>.
    /// </summary>
    public static void DuplicateWithoutIndex<T>(this StoreOptions options, params Expression<Func<T, object?>>[] members)
    {
        var paths = members.Select(PathOf).ToArray();
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType != typeof(T))
            {
                return;
            }

            foreach (var path in paths)
            {
                mapping.DuplicateField(path, columnName: path.Length > 1 ? JsonNamingPolicy.SnakeCaseLower.ConvertName(string.Concat(path.Select(m => m.Name))) : null);
            }
        });
    }

    private static MemberInfo[] PathOf<T>(Expression<Func<T, object?>> member)
    {
        var path = new List<MemberInfo>();
        var node = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body;
        for (; node is MemberExpression m; node = m.Expression)
        {
            path.Insert(0, m.Member);
        }

        return node is ParameterExpression && path.Count > 0 ? [.. path] : throw new ArgumentException($"Members only, as in x => x.A.B; got {member}.", nameof(member));
    }

    /// <summary>The column Marten keeps a duplicated member of <typeparamref name="T"/> in (<c>x =&gt; x.PositionKey</c> is <c>position_key</c>).</summary>
    public static string DuplicatedColumnOf<T>(this IReadOnlyStoreOptions options, Expression<Func<T, object?>> member)
    {
        var name = (member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body) is MemberExpression m
            ? m.Member.Name
            : throw new ArgumentException($"A member expected; got {member}.", nameof(member));
        var mapping = (DocumentMapping)options.FindOrResolveDocumentType(typeof(T));
        return mapping.DuplicatedFields.SingleOrDefault(f => f.Members is [var only] && only.Name == name)?.ColumnName
            ?? throw new ArgumentException($"{typeof(T).Name}.{name} is not a duplicated column.", nameof(member));
    }
}
