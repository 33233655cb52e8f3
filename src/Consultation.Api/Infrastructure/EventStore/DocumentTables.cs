using System.Linq.Expressions;
using Marten.Schema;

namespace Consultation.Infrastructure.EventStore;

/// <summary>Names in the store's schema for the few reads and writes written in SQL (with <see cref="StoredJson"/> for the JSON in them).</summary>
public static class DocumentTables
{
    /// <summary>The qualified table of document type <typeparamref name="T"/>.</summary>
    public static string TableOf<T>(this IDocumentStore store) => store.Options.TableOf<T>();

    /// <inheritdoc cref="TableOf{T}(IDocumentStore)"/>
    public static string TableOf<T>(this IReadOnlyStoreOptions options) => options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;

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
