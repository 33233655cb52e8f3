using JasperFx.Events;

namespace Consultation.Infrastructure.EventStore;

/// <summary>A command that changes an existing stream the client read at <see cref="ExpectedVersion"/> (its If-Match).</summary>
public interface IStreamUpdate : ICommand<StreamWritten>
{
    string StreamKey { get; }

    long ExpectedVersion { get; }
}

/// <summary>
/// The one call every update handler makes: fetch the stream for writing, 404 when it does not exist,
/// 412 when the client's version is stale, let the slice decide the events on the current state, append, save.
/// A concurrent writer between fetch and save makes Marten refuse the save (also 412).
/// Facts from other streams that the command names are loaded by the handler before the call and captured by
/// <c>decide</c>; facts the stream's own state names (its process) are loaded inside an asynchronous <c>decide</c>.
/// </summary>
public static class StreamUpdate
{
    public static Task<StreamWritten> UpdateStream<TAggregate>(
        this IDocumentSession session, IStreamUpdate command, string what, Func<TAggregate, IReadOnlyList<object>> decide, CancellationToken cancellationToken)
        where TAggregate : class =>
        session.UpdateStream<TAggregate>(command, what, current => ValueTask.FromResult(decide(current)), cancellationToken);

    public static async Task<StreamWritten> UpdateStream<TAggregate>(
        this IDocumentSession session, IStreamUpdate command, string what, Func<TAggregate, ValueTask<IReadOnlyList<object>>> decide, CancellationToken cancellationToken)
        where TAggregate : class =>
        await session.UpdateStream(
            await session.Events.FetchForWriting<TAggregate>(command.StreamKey, cancellationToken), command, what, decide, cancellationToken);

    /// <summary>The same, on a stream the slice fetched itself (e.g. together with its facts in one round trip).</summary>
    public static Task<StreamWritten> UpdateStream<TAggregate>(
        this IDocumentSession session, IEventStream<TAggregate> stream, IStreamUpdate command, string what, Func<TAggregate, IReadOnlyList<object>> decide, CancellationToken cancellationToken)
        where TAggregate : class =>
        session.UpdateStream(stream, command, what, current => ValueTask.FromResult(decide(current)), cancellationToken);

    private static async Task<StreamWritten> UpdateStream<TAggregate>(
        this IDocumentSession session, IEventStream<TAggregate> stream, IStreamUpdate command, string what, Func<TAggregate, ValueTask<IReadOnlyList<object>>> decide, CancellationToken cancellationToken)
        where TAggregate : class
    {
        if (stream.Aggregate is null)
        {
            throw new StreamNotFound(what, command.StreamKey);
        }

        var version = stream.CurrentVersion ?? 0;
        if (version != command.ExpectedVersion)
        {
            throw new StaleVersion(what, command.StreamKey, command.ExpectedVersion, version);
        }

        var events = await decide(stream.Aggregate);
        stream.AppendMany([.. events]);
        await session.SaveChangesAsync(cancellationToken);
        return new StreamWritten(command.StreamKey, version + events.Count);
    }
}
