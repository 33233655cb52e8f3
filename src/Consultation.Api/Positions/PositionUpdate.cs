using Consultation.Infrastructure.EventStore;
using JasperFx.Events;
using Marten;

namespace Consultation.Positions;

/// <summary>
/// The update shell for a position stream: the position (its inline document, with the version) and the facts its rules
/// need are read in one round trip, then the slice's pure Decide runs on the write model.
/// </summary>
public abstract class PositionUpdateHandler<TCommand>(
    IDocumentSession session,
    WrittenViews written,
    TimeProvider time,
    Func<Position, TCommand, PositionFacts, object> decide,
    Func<TCommand, PositionContent?, (string? Meeting, string? Statement)> source)
    : StreamUpdateHandler<PositionDetails, TCommand>(session, "Position")
    where TCommand : IStreamUpdate
{
    private PositionFacts? _facts;

    protected override async Task<IEventStream<PositionDetails>> FetchAsync(TCommand command, CancellationToken cancellationToken)
    {
        // The key names the process, the issue and the owner (Position.KeyFor), so their facts are read with the stream; should the stream
        // say otherwise, the facts are those of the stream's own process and owner, read again.
        var named = command.StreamKey.Split('/') is [var process, var issue, var owner] ? (process, issue, owner) : (command.StreamKey, command.StreamKey, command.StreamKey);
        // A command that does not name its source (a correction that keeps the recorded meeting) reads the facts of no meeting
        // with the stream, then those of the source it will cite once the recorded one is known.
        var (meeting, statement) = source(command, null);
        (var stream, _facts) = await PositionFactsLoader.FetchForWritingAsync(
            Session, command.StreamKey, named.Item1, named.Item2, named.Item3, null, meeting ?? string.Empty, statement, withVersionRows: true, time.GetUtcNow(), cancellationToken);
        if (stream.Aggregate is { } current
            && (meeting is null || current.Process != named.Item1 || current.Issue != named.Item2 || current.Stakeholder != named.Item3))
        {
            (meeting, statement) = source(command, Position.From(current).Content);
            _facts = await PositionFactsLoader.LoadAsync(Session, current.Process, current.Issue, current.Stakeholder, null, meeting!, statement, cancellationToken) with { Now = _facts.Now };
        }

        return stream;
    }

    protected override async ValueTask SavedAsync(IEventStream<PositionDetails> stream, CancellationToken cancellationToken) =>
        await WrittenPosition.KeepAsync(Session, written, stream.Key!, cancellationToken);

    protected override ValueTask<IReadOnlyList<object>> DecideAsync(PositionDetails current, TCommand command, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<object>>([decide(Position.From(current), command, _facts!)]);
}
