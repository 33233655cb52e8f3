using Consultation.Infrastructure.Security;
using Consultation.Positions.Batching;
using Consultation.Positions.Correcting;
using Consultation.Positions.Reading;
using Consultation.Positions.Revising;
using Consultation.Positions.Stating;
using Consultation.Positions.Views;
using Consultation.Positions.Withdrawing;
using Consultation.Positions.Writing;
using JasperFx.Events.Projections;

namespace Consultation.Positions;

public static class PositionsModule
{
    public static void AddPositions(this StoreOptions options)
    {
        options.Projections.LiveStreamAggregation<Position>();
        options.Projections.Add<PositionDetailsProjection>(ProjectionLifecycle.Inline);
        // Only the process overview filters this table (by process); a stakeholder's positions are read from the versions table.
        options.Schema.For<PositionDetails>().Index(x => x.Process);
        options.AddPositionBatches();
        options.AddPositionViews();
    }

    public static IServiceCollection AddPositionsServices(this IServiceCollection services) =>
        services.AddScoped<PositionWriteSession>();

    public static void MapPositions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).WithTag("Positions", "What each stakeholder said on each issue: stated, revised, corrected and withdrawn as events, singly or in batches, readable as of any moment.");
        var record = group.For(Access.Record);
        var read = group.For(Access.Read);
        StatePosition.Map(record);
        GetPosition.Map(read);
        GetPositionHistory.Map(read);
        RevisePosition.Map(record);
        CorrectPosition.Map(record);
        WithdrawPosition.Map(record);
        record.MapPositionBatches();
        read.MapPositionViews();
    }
}
