using Marten.Storage;

namespace Consultation.Audit.Integrity;

/// <summary>
/// Recomputes the chain from the events and compares it with the stored links, in one pass over both
/// tables in global sequence order (two ordered readers merged, so memory stays constant however long
/// the record is). Stops at the first broken link, reading on only as far as an attested head.
/// </summary>
public static class ChainVerifier
{
    public static async Task<ChainVerification> VerifyAsync(
        IDocumentStore store, ChainHeadRef? attested, Action<long>? progress, CancellationToken cancellationToken)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var eventsConnection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await using var linksConnection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await eventsConnection.OpenAsync(cancellationToken);
        await linksConnection.OpenAsync(cancellationToken);

        // Progress first, then the head: links and progress are committed together, so every event up to
        // this progress must be chained by the time the head is read.
        var maintainedUpTo = await ChainTables.ReadChainProgressAsync(eventsConnection, schema, cancellationToken);
        var head = await ChainTables.ReadHeadAsync(eventsConnection, schema, cancellationToken);
        var chainedUpTo = head?.Sequence ?? 0;
        var pending = await ChainTables.CountEventsAfterAsync(eventsConnection, schema, Math.Max(chainedUpTo, maintainedUpTo), cancellationToken);
        var readUpTo = Math.Max(Math.Max(chainedUpTo, maintainedUpTo), attested?.Sequence ?? 0);

        var walk = new ChainWalk(chainedUpTo, maintainedUpTo, attested);
        await using var events = ChainTables.ReadEventsAsync(eventsConnection, schema, 0, readUpTo, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using var links = ChainTables.ReadLinksAsync(linksConnection, schema, chainedUpTo, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var hasEvent = await events.MoveNextAsync();
        var hasLink = await links.MoveNextAsync();
        long visited = 0;
        while ((hasEvent || hasLink) && !walk.Done)
        {
            var sequence = Math.Min(hasEvent ? events.Current.Sequence : long.MaxValue, hasLink ? links.Current.Sequence : long.MaxValue);
            var e = hasEvent && events.Current.Sequence == sequence ? events.Current : null;
            var link = hasLink && links.Current.Sequence == sequence ? links.Current : null;
            walk.Step(sequence, e, link);
            if (e is not null)
            {
                hasEvent = await events.MoveNextAsync();
            }

            if (link is not null)
            {
                hasLink = await links.MoveNextAsync();
            }

            if (++visited % ProgressEvery == 0)
            {
                progress?.Invoke(sequence);
            }
        }

        var (broken, attestedCheck) = walk.Finish();
        return new ChainVerification(
            broken is null && attestedCheck is not { Matches: false },
            walk.Checked,
            head is null ? null : new ChainHeadRef(head.Sequence, head.Link.Trim()),
            pending,
            broken,
            attestedCheck,
            await StreamsMixingKinds.FindAsync(store, cancellationToken));
    }

    public const int ProgressEvery = 10_000;

    public static async Task<StoredLink?> ReadHeadAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(cancellationToken);
        return await ChainTables.ReadHeadAsync(connection, store.Options.Events.DatabaseSchemaName, cancellationToken);
    }
}
