using Consultation.Positions.Batching;
using Consultation.Positions.Correcting;
using Consultation.Positions.Reading;
using Consultation.Positions.Revising;
using Consultation.Positions.Stating;
using Consultation.Positions.Views;
using Consultation.Positions.Withdrawing;
using JasperFx.Events.Projections;
using Marten;

namespace Consultation.Positions;

public static class PositionsModule
{
    public static void AddPositions(this StoreOptions options)
    {
        options.Projections.LiveStreamAggregation<Position>();
        options.Projections.Add<PositionDetailsProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<PositionDetails>()
            .Index(x => x.Process)
            .Index(x => x.Stakeholder);
        options.AddPositionBatches();
        options.AddPositionViews();
    }

    public static void MapPositions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).WithTags("Positions");
        StatePosition.Map(group);
        GetPosition.Map(group);
        GetPositionHistory.Map(group);
        RevisePosition.Map(group);
        CorrectPosition.Map(group);
        WithdrawPosition.Map(group);
        group.MapPositionBatches();
        group.MapPositionViews();
    }
}
