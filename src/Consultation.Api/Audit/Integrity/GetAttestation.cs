using Marten.Storage;

namespace Consultation.Audit.Integrity;

/// <summary>The head of the hash chain, for an auditor to record outside the system and check later with /audit/verify.</summary>
public static class GetAttestation
{
    public sealed record Query : IQuery<Attestation>;

    /// <summary>
    /// Sequence 0 with the genesis hash (32 zero bytes) while nothing is chained. <see cref="RecordedAt"/> is when the head event was
    /// recorded, <see cref="ChainedAt"/> when its link was written; <see cref="Pending"/> events are recorded but not chained yet.
    /// </summary>
    public sealed record Attestation(
        long Sequence,
        string Hash,
        string Algorithm,
        string? StreamKey,
        long? Version,
        DateTimeOffset? RecordedAt,
        DateTimeOffset? ChainedAt,
        long Pending);

    public sealed class Handler(IDocumentStore store) : IQueryHandler<Query, Attestation>
    {
        public async ValueTask<Attestation> Handle(Query query, CancellationToken cancellationToken) =>
            await ReadAsync(store, cancellationToken);
    }

    public static async Task<Attestation> ReadAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var connection = store.Storage.Database.CreateConnection(ConnectionUsage.Read);
        await connection.OpenAsync(cancellationToken);
        var head = await ChainTables.ReadHeadAsync(connection, schema, cancellationToken);
        var pending = await ChainTables.CountEventsAfterAsync(connection, schema, head?.Sequence ?? 0, cancellationToken);
        if (head is null)
        {
            return new Attestation(0, ChainLink.ToHex(ChainLink.Genesis), ChainLink.Algorithm, null, null, null, null, pending);
        }

        var recordedAt = await ChainTables.ReadRecordedAtAsync(connection, schema, head.Sequence, cancellationToken);
        return new Attestation(head.Sequence, head.Link.Trim(), ChainLink.Algorithm, head.StreamKey, head.Version, recordedAt, head.ChainedAt, pending);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/audit/attestation", async (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Query(), ct)))
            .WithName("GetAuditAttestation")
            .WithSummary("The head of the hash chain (sequence, hash, time) to record outside the system")
            .WithDescription("Record sequence and hash somewhere the system cannot write (a signed email, a ticket, paper). "
                + "Later, GET /audit/verify?headSequence=…&headHash=… proves that no event up to that sequence changed, even if the chain table itself was rewritten.");
}
