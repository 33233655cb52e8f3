using Marten;

namespace Consultation.Positions.Batching;

/// <summary>Batch entry of positions (registered by <see cref="PositionsModule"/>).</summary>
public static class PositionBatchesModule
{
    public static void AddPositionBatches(this StoreOptions options)
    {
    }

    public static void MapPositionBatches(this IEndpointRouteBuilder app)
    {
    }
}
