using JasperFx.Events;

namespace Consultation.Positions;

/// <summary>
/// What an update of a position stream reads before it decides: the position (its inline document, with the version) and
/// the facts its rules need, in one round trip; the handler then makes its <c>session.UpdateStream</c> call
/// on that stream and keeps what it wrote for the answer (<see cref="WrittenPosition"/>).
/// </summary>
public static class PositionUpdate
{
    /// <summary>
    /// The stream and its facts; <paramref name="source"/> gives the meeting and statement the updated position will cite,
    /// from the recorded content (null before the stream is read).
    /// </summary>
    public static async Task<(IEventStream<PositionDetails> Stream, PositionFacts Facts)> FetchAsync(
        IDocumentSession session,
        IStreamUpdate command,
        Func<PositionContent?, (string? Meeting, string? Statement)> source,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // The key names the process, the issue and the owner (Position.KeyFor), so their facts are read with the stream; should the stream
        // say otherwise, the facts are those of the stream's own process and owner, read again.
        var named = command.StreamKey.Split('/') is [var process, var issue, var owner] ? (process, issue, owner) : (command.StreamKey, command.StreamKey, command.StreamKey);
        // A command that does not name its source (a correction that keeps the recorded meeting) reads the facts of no meeting
        // with the stream, then those of the source it will cite once the recorded one is known.
        var (meeting, statement) = source(null);
        var (stream, facts) = await PositionFactsLoader.FetchForWritingAsync(
            session, command.StreamKey, named.Item1, named.Item2, named.Item3, null, meeting ?? string.Empty, statement, withVersionRows: true, now, cancellationToken);
        if (stream.Aggregate is { } current
            && (meeting is null || current.Process != named.Item1 || current.Issue != named.Item2 || current.Stakeholder != named.Item3))
        {
            (meeting, statement) = source(Position.From(current).Content);
            facts = await PositionFactsLoader.LoadAsync(session, current.Process, current.Issue, current.Stakeholder, null, meeting!, statement, cancellationToken) with { Now = facts.Now };
        }

        return (stream, facts);
    }
}
