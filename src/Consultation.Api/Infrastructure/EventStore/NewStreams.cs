using System.Reflection;
using JasperFx.Events;

namespace Consultation.Infrastructure.EventStore;

/// <summary>
/// Creating a record: its key must not already name a stream of any kind. Keys of different kinds can look alike (a
/// process and a stakeholder are both slugs), and Marten appends to an existing stream whatever aggregate it is fetched
/// as, so a creation that finds a stream it cannot build is refused (409 naming the owner's kind) instead of appending
/// into another record's stream.
/// </summary>
public static class NewStreams
{
    /// <summary>Fetches the stream for a creating write; throws when the key belongs to a record of another kind.</summary>
    public static async Task<IEventStream<T>> FetchForCreatingAsync<T>(this IDocumentSession session, string key, CancellationToken cancellationToken)
        where T : class
    {
        var stream = await session.Events.FetchForWriting<T>(key, cancellationToken);
        await session.RefuseAnotherKindsAsync(stream, cancellationToken);
        return stream;
    }

    /// <summary>Throws when <paramref name="stream"/>, fetched for a creating write, exists but is not a <typeparamref name="T"/>.</summary>
    public static async Task RefuseAnotherKindsAsync<T>(this IDocumentSession session, IEventStream<T> stream, CancellationToken cancellationToken)
        where T : class
    {
        if (stream.Aggregate is null && stream.CurrentVersion > 0)
        {
            throw await TakenAsync(session, stream.Key ?? stream.Id.ToString(), cancellationToken);
        }
    }

    /// <summary>
    /// Saves a creating write of <paramref name="stream"/>; when a concurrent writer created a stream with the same key
    /// first, throws <paramref name="alreadyThere"/> if it is a record of the same kind, or the refusal naming the other kind.
    /// </summary>
    public static async Task SaveNewStreamAsync<T>(this IDocumentSession session, IEventStream<T> stream, Func<Exception> alreadyThere, CancellationToken cancellationToken)
        where T : class
    {
        var key = stream.Key ?? stream.Id.ToString();
        var kind = KindStartedBy(stream.Events[0]);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e.IsConcurrentWrite())
        {
            await using var query = session.DocumentStore.QuerySession();
            throw await KindOfAsync(query, key, cancellationToken) is { } owner && owner != kind
                ? Taken(key, owner)
                : alreadyThere();
        }
    }

    /// <summary>The kind of record whose stream <paramref name="key"/> names, from the event that began it; null when there is none.</summary>
    public static async Task<string?> KindOfAsync(IQuerySession session, string key, CancellationToken cancellationToken)
    {
        var first = (await session.Events.FetchStreamAsync(key, version: 1, token: cancellationToken)).FirstOrDefault();
        return first is null ? null : KindStartedBy(first);
    }

    private static string KindStartedBy(IEvent first) =>
        first.EventType.GetCustomAttribute<StartsStreamOfAttribute>()?.Kind ?? $"record whose history begins with '{first.EventTypeName}'";

    private static async Task<Exception> TakenAsync(IDocumentSession session, string key, CancellationToken cancellationToken) =>
        Taken(key, await KindOfAsync(session, key, cancellationToken) ?? "record of another kind");

    private static DomainRuleViolation Taken(string key, string owner) =>
        new($"'{key}' is already the key of a {owner}; a key names one record, of one kind, and is never reused. Choose another key.");
}
