using JasperFx.Events.Projections;
using Npgsql;

namespace Consultation.Projections;

/// <summary>Where the event log and each projection stand: the head sequence and the sequence each async projection has processed.</summary>
public static class ProjectionPositions
{
    public static async Task<long> HeadAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {store.Options.Events.DatabaseSchemaName}.mt_events", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// The sequence up to which the projection's documents reflect the events. Inline projections are written in the same
    /// transaction as the events, so they are always at the head; an async projection is at its slowest shard's progress.
    /// </summary>
    public static long SequenceOf(ProjectionInfo projection, long head, IReadOnlyList<ShardState> progress) =>
        projection.Lifecycle == ProjectionLifecycle.Inline
            ? head
            : progress.Where(s => projection.OwnsShard(s.ShardName)).Select(s => s.Sequence).DefaultIfEmpty(0).Min();
}
