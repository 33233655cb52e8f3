using Consultation.Infrastructure.Idempotency;

namespace Consultation.Positions.Batching;

/// <summary>Batch entry of positions (registered by <see cref="PositionsModule"/>).</summary>
public static class PositionBatchesModule
{
    public static void AddPositionBatches(this StoreOptions options)
    {
        // State and the batches accept Idempotency-Key; the records live beside the events.
        options.AddIdempotencyRecords();
    }

    public static void MapPositionBatches(this IEndpointRouteBuilder app)
    {
        StatePositionsInBatch.Map(app);
        ChangePositionsInBatch.Map(app);
    }
}
