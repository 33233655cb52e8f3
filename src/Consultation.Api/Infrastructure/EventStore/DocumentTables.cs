namespace Consultation.Infrastructure.EventStore;

public static class DocumentTables
{
    /// <summary>The qualified table of document type <typeparamref name="T"/>, for the few reads written in SQL.</summary>
    public static string TableOf<T>(this IDocumentStore store) => store.Options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;
}
