using Consultation.Positions.Stating;
using Consultation.Positions.Views;
using JasperFx.Events;

namespace Consultation.Positions.Writing;

/// <summary>
/// The one seam of the single-position write path (README, "The write path"): the stating, revising, correcting and
/// withdrawing handlers write through it, and what they read once is reused instead of read again.
/// <list type="bullet">
/// <item>It reads, in one round trip, the stream for writing — its inline <see cref="PositionDetails"/> with the version,
/// from which the write model is taken (<see cref="Position.From"/>) — the facts the rules need and, for an update, the open
/// rows of the stream's versions table.</item>
/// <item>It carries those rows to <see cref="PositionVersionsProjection"/>, which the save runs and which would read them
/// again (<see cref="TryTakeOpenRows"/>).</item>
/// <item>It keeps the position as the write left it for the request's answer (<see cref="Written"/>, read by
/// <see cref="Reading.GetPosition"/>).</item>
/// </list>
/// Lifetime: one per request (scoped). The first write attaches it to the request's Marten session as a listener, which is how
/// the inline projection, handed that same session by the save, finds it; it goes with the session at the end of the request.
/// </summary>
public sealed class PositionWriteSession(TimeProvider time) : DocumentSessionListenerBase
{
    private readonly Dictionary<string, (long StreamVersion, IReadOnlyList<PositionVersion> Rows)> _openRows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PositionDetails> _written = new(StringComparer.Ordinal);

    /// <summary>
    /// States a position: reads its stream (a withdrawn position may be stated again) and facts, appends what
    /// <paramref name="decide"/> says on the current write model (none before the first statement), saves and keeps the result.
    /// <paramref name="statedConcurrently"/> is the refusal when another save started the same stream first.
    /// </summary>
    public async Task<StreamWritten> StateAsync(
        IDocumentSession session,
        StatePosition.Command command,
        Func<Position?, PositionFacts, PositionStated> decide,
        Func<Exception> statedConcurrently,
        CancellationToken cancellationToken)
    {
        var key = command.PositionKey;
        var (stream, facts) = await OpenAsync(
            session, key, command.Process, command.Issue, command.Owner, command.Speaker, command.Source, withOpenRows: false, cancellationToken);
        await session.RefuseAnotherKindsAsync(stream, cancellationToken);
        stream.AppendOne(decide(stream.Aggregate is null ? null : Position.From(stream.Aggregate), facts));
        await session.SaveOrRefuseAsync(statedConcurrently, cancellationToken);
        await KeepWrittenAsync(session, key, cancellationToken);
        return new StreamWritten(key, (stream.StartingVersion ?? 0) + 1);
    }

    /// <summary>
    /// Updates a standing stream the client read at its If-Match: reads it with its open version rows and facts
    /// (<see cref="OpenToUpdateAsync"/>), then <c>session.UpdateStream</c> (404, 412, <paramref name="decide"/>, append, save) and
    /// keeps the result.
    /// </summary>
    public async Task<StreamWritten> UpdateAsync(
        IDocumentSession session,
        IStreamUpdate command,
        Func<PositionContent?, PositionSource?> source,
        Func<Position, PositionFacts, object> decide,
        CancellationToken cancellationToken)
    {
        var (stream, facts) = await OpenToUpdateAsync(session, command, source, cancellationToken);
        var updated = await session.UpdateStream(stream, command, "Position", current => [decide(Position.From(current), facts)], cancellationToken);
        await KeepWrittenAsync(session, command.StreamKey, cancellationToken);
        return updated;
    }

    /// <summary>
    /// The stream to update, with its open version rows (kept for the save), and the facts of the source (meeting and statement, or
    /// submission) the updated position will cite: <paramref name="source"/> names it from the recorded content (null before the
    /// stream is read), or answers null when the command names none of its own.
    /// </summary>
    public async Task<(IEventStream<PositionDetails> Stream, PositionFacts Facts)> OpenToUpdateAsync(
        IDocumentSession session,
        IStreamUpdate command,
        Func<PositionContent?, PositionSource?> source,
        CancellationToken cancellationToken)
    {
        // The key names the process, the issue and the owner (Position.KeyFor), so their facts are read with the stream; should the stream
        // say otherwise, the facts are those of the stream's own process and owner, read again.
        var (process, issue, owner) = PartsOf(command.StreamKey);
        // A command that does not name its source (a correction that keeps the recorded one) reads the facts of no source
        // with the stream, then those of the source it will cite once the recorded one is known.
        var named = source(null);
        var (stream, facts) = await OpenAsync(session, command.StreamKey, process, issue, owner, null, named, withOpenRows: true, cancellationToken);
        if (stream.Aggregate is { } current && NeedsFactsOfItsOwn(command.StreamKey, named, current))
        {
            var cited = source(Position.From(current).Content);
            facts = await PositionFactsLoader.LoadAsync(session, current.Process, current.Issue, current.Stakeholder, null, cited, cancellationToken) with { Now = facts.Now };
        }

        return (stream, facts);
    }

    /// <summary>
    /// <see cref="OpenToUpdateAsync"/> for many positions at once (the batch of changes): every stream for writing, its open version
    /// rows (kept for the save) and the facts of the source it names, in one round trip; then, in a second one and only if
    /// any needs it, the facts of the positions whose source is known only from the recorded content (a correction keeping it) or
    /// whose stream names another process, issue or owner than its key. A refusal while reading one position's facts (a broken
    /// rule, something it names that does not exist) is that position's, in <see cref="OpenedForUpdate.Refusal"/>, as
    /// <see cref="OpenToUpdateAsync"/> would have thrown it; the others are read all the same.
    /// </summary>
    public async Task<IReadOnlyList<OpenedForUpdate>> OpenManyToUpdateAsync(
        IDocumentSession session,
        IReadOnlyList<(IStreamUpdate Command, Func<PositionContent?, PositionSource?> Source)> updates,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Attach(session);
        var batch = session.CreateBatchQuery();
        var enlisted = updates.Select(update =>
        {
            var key = update.Command.StreamKey;
            var (process, issue, owner) = PartsOf(key);
            var named = update.Source(null);
            return (
                Key: key,
                Named: named,
                Stream: batch.Events.FetchForWriting<PositionDetails>(key),
                Rows: batch.Query<PositionVersion>().Where(x => x.PositionKey == key && x.SupersededAt == null).ToList(),
                Facts: PositionFactsLoader.Enlist(batch, session.DocumentStore, process, issue, owner, null, named));
        }).ToList();
        await batch.Execute(cancellationToken);

        var opened = new OpenedForUpdate[updates.Count];
        var again = session.CreateBatchQuery();
        var readAgain = new Dictionary<int, Func<Task<PositionFacts>>>();
        for (var i = 0; i < updates.Count; i++)
        {
            var (key, named, streamRead, rowsRead, factsRead) = enlisted[i];
            var stream = await streamRead;
            if (stream.Aggregate is not null)
            {
                _openRows[key] = (stream.CurrentVersion ?? 0, await rowsRead);
            }

            opened[i] = await RefusedOr(stream, async () => await factsRead() with { Now = now });
            if (opened[i].Refusal is null && stream.Aggregate is { } current && NeedsFactsOfItsOwn(key, named, current))
            {
                opened[i] = await RefusedOr(stream, () =>
                {
                    var cited = updates[i].Source(Position.From(current).Content);
                    readAgain[i] = PositionFactsLoader.Enlist(again, session.DocumentStore, current.Process, current.Issue, current.Stakeholder, null, cited);
                    return Task.FromResult(opened[i].Facts!);
                });
            }
        }

        if (readAgain.Count > 0)
        {
            await again.Execute(cancellationToken);
            foreach (var (i, factsRead) in readAgain)
            {
                opened[i] = await RefusedOr(opened[i].Stream, async () => await factsRead() with { Now = now });
            }
        }

        return opened;
    }

    /// <summary>The position as a write of this request left it, for the answer; null when none wrote it.</summary>
    public PositionDetails? Written(string key) => _written.GetValueOrDefault(key);

    /// <summary>
    /// For <see cref="PositionVersionsProjection"/>: the open rows of <paramref name="key"/>'s versions table that the write session
    /// saving through <paramref name="operations"/> read with the stream, when this save's first event directly follows the
    /// version they were read at. Had another save committed since, this save's append is refused anyway (optimistic
    /// concurrency), and the whole transaction with it. Taken once.
    /// </summary>
    public static bool TryTakeOpenRows(IDocumentOperations operations, string key, long firstVersion, out IReadOnlyList<PositionVersion> rows)
    {
        rows = [];
        if (operations is not IDocumentSession session
            || session.Listeners.OfType<PositionWriteSession>().FirstOrDefault() is not { } writes
            || !writes._openRows.Remove(key, out var read)
            || read.StreamVersion + 1 != firstVersion)
        {
            return false;
        }

        rows = read.Rows;
        return true;
    }

    /// <summary>
    /// The stream fetched for writing and the facts, in one round trip; <paramref name="withOpenRows"/> (an update) also the open
    /// rows of its versions table, read after the stream and kept for the save. A statement does not read them: a new stream has
    /// none, and a withdrawn position stated again is rare enough to leave them to the projection.
    /// </summary>
    private async Task<(IEventStream<PositionDetails> Stream, PositionFacts Facts)> OpenAsync(
        IDocumentSession session, string key, string process, string issue, string owner, string? speaker, PositionSource? source, bool withOpenRows, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        Attach(session);
        var batch = session.CreateBatchQuery();
        var stream = batch.Events.FetchForWriting<PositionDetails>(key);
        var rows = withOpenRows ? batch.Query<PositionVersion>().Where(x => x.PositionKey == key && x.SupersededAt == null).ToList() : null;
        var facts = PositionFactsLoader.Enlist(batch, session.DocumentStore, process, issue, owner, speaker, source);
        await batch.Execute(cancellationToken);
        var fetched = await stream;
        if (rows is not null && fetched.Aggregate is not null)
        {
            _openRows[key] = (fetched.CurrentVersion ?? 0, await rows);
        }

        return (fetched, await facts() with { Now = now });
    }

    /// <summary>The process, issue and owner a position's key names (<see cref="Position.KeyFor"/>).</summary>
    private static (string Process, string Issue, string Owner) PartsOf(string key) =>
        key.Split('/') is [var p, var i, var o] ? (p, i, o) : (key, key, key);

    /// <summary>Whether the facts read with the stream are not those of the source it will cite: none was named, or the stream is another's.</summary>
    private static bool NeedsFactsOfItsOwn(string key, PositionSource? named, PositionDetails current)
    {
        var (process, issue, owner) = PartsOf(key);
        return named is null || current.Process != process || current.Issue != issue || current.Stakeholder != owner;
    }

    private void Attach(IDocumentSession session)
    {
        if (!session.Listeners.Contains(this))
        {
            session.Listeners.Add(this);
        }
    }

    /// <summary>The opened position with its facts, or with the refusal reading them raised (a broken rule, something named that does not exist).</summary>
    private static async Task<OpenedForUpdate> RefusedOr(IEventStream<PositionDetails> stream, Func<Task<PositionFacts>> facts)
    {
        try
        {
            return new OpenedForUpdate(stream, await facts(), null);
        }
        catch (Exception refusal) when (refusal is DomainRuleViolation or StreamNotFound)
        {
            return new OpenedForUpdate(stream, null, refusal);
        }
    }

    /// <summary>
    /// The position as saved: the inline document the save projected, which Marten keeps in the session (aggregates use the
    /// identity map), so reading it costs no round trip.
    /// </summary>
    private async Task KeepWrittenAsync(IDocumentSession session, string key, CancellationToken cancellationToken)
    {
        if (await session.Events.FetchLatest<PositionDetails>(key, cancellationToken) is { } position)
        {
            _written[key] = position;
        }
    }
}

/// <summary>A position opened for an update in a batch: its stream, and the facts its rules need or the refusal reading them raised.</summary>
public sealed record OpenedForUpdate(IEventStream<PositionDetails> Stream, PositionFacts? Facts, Exception? Refusal);
