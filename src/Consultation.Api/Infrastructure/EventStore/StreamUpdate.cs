using Consultation.Domain;
using JasperFx.Events;
using Marten;
using Mediator;

namespace Consultation.Infrastructure.EventStore;

/// <summary>A command that changes an existing stream the client read at <see cref="ExpectedVersion"/> (its If-Match).</summary>
public interface IStreamUpdate : ICommand<StreamWritten>
{
    string StreamKey { get; }

    long ExpectedVersion { get; }
}

/// <summary>
/// The shell every update handler shares: fetch the stream for writing, 404 when it does not exist,
/// 412 when the client's version is stale, let the slice decide the events, append, save.
/// A concurrent writer between fetch and save makes Marten refuse the save (also 412).
/// </summary>
public abstract class StreamUpdateHandler<TAggregate, TCommand>(
    IDocumentSession session,
    string what,
    Func<TAggregate, TCommand, IReadOnlyList<object>>? decide = null)
    : ICommandHandler<TCommand, StreamWritten>
    where TAggregate : class
    where TCommand : IStreamUpdate
{
    protected IDocumentSession Session { get; } = session;

    public async ValueTask<StreamWritten> Handle(TCommand command, CancellationToken cancellationToken)
    {
        var stream = await FetchAsync(command, cancellationToken);
        if (stream.Aggregate is null)
        {
            throw new StreamNotFound(what, command.StreamKey);
        }

        var version = stream.CurrentVersion ?? 0;
        if (version != command.ExpectedVersion)
        {
            throw new StaleVersion(what, command.StreamKey, command.ExpectedVersion, version);
        }

        var events = await DecideAsync(stream.Aggregate, command, cancellationToken);
        stream.AppendMany([.. events]);
        await Session.SaveChangesAsync(cancellationToken);
        await SavedAsync(stream, cancellationToken);
        return new StreamWritten(command.StreamKey, version + events.Count);
    }

    /// <summary>Fetches the stream for writing; slices may override to read what they decide on in the same round trip.</summary>
    protected virtual Task<IEventStream<TAggregate>> FetchAsync(TCommand command, CancellationToken cancellationToken) =>
        Session.Events.FetchForWriting<TAggregate>(command.StreamKey, cancellationToken);

    /// <summary>Runs after a successful save, e.g. to keep the state written for the answer.</summary>
    protected virtual ValueTask SavedAsync(IEventStream<TAggregate> stream, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <summary>
    /// The slice's pure Decide, given to the constructor; slices whose rules need other streams'
    /// read models override this to load them first and pass them in.
    /// </summary>
    protected virtual ValueTask<IReadOnlyList<object>> DecideAsync(TAggregate current, TCommand command, CancellationToken cancellationToken) =>
        decide is null
            ? throw new InvalidOperationException($"{GetType().FullName} must pass a decide function or override DecideAsync.")
            : ValueTask.FromResult(decide(current, command));
}
