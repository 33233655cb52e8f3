using Marten;

namespace Consultation.Positions.Views;

/// <summary>Read views over positions: issue matrix, a stakeholder's positions, shifts, as-of (registered by <see cref="PositionsModule"/>).</summary>
public static class PositionViewsModule
{
    public static void AddPositionViews(this StoreOptions options)
    {
    }

    public static void MapPositionViews(this IEndpointRouteBuilder app)
    {
    }
}
