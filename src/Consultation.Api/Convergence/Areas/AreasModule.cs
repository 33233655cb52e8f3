using Consultation.Infrastructure.Security;
using Consultation.Convergence.Areas.Affirming;
using Consultation.Convergence.Areas.Confirming;
using Consultation.Convergence.Areas.Dissolving;
using Consultation.Convergence.Areas.Identifying;
using Consultation.Convergence.Areas.Linking;
using Consultation.Convergence.Areas.Listing;
using Consultation.Convergence.Areas.NotingDivergences;
using Consultation.Convergence.Areas.Reading;
using JasperFx.Events.Projections;

namespace Consultation.Convergence.Areas;

/// <summary>
/// Areas of convergence: facilitators' claims that views on some issues are coming together, with the divergences that
/// remain. Every command here is a facilitator's; until authentication lands (issue 8) the pipeline records the user on
/// each event, but no role is enforced.
/// </summary>
public static class AreasModule
{
    public static void AddAreas(this StoreOptions options)
    {
        // The write model is aggregated live for FetchForWriting; declaring it keeps the readiness schema check
        // from asking for a table after the first write.
        options.Projections.LiveStreamAggregation<Area>();
        options.Projections.Add<AreaDetailsProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<AreaDetails>()
            .Index(x => x.Process)
            .Index(x => x.Status);
    }

    public static void MapAreas(this IEndpointRouteBuilder app)
    {
        var facilitate = app.For(Access.Facilitate);
        var read = app.For(Access.Read);
        IdentifyArea.Map(facilitate);
        ListAreas.Map(read);
        GetArea.Map(read);
        GetAreaHistory.Map(read);
        AffirmArea.Map(facilitate);
        LinkIssue.Map(facilitate);
        UnlinkIssue.Map(facilitate);
        NoteDivergence.Map(facilitate);
        ConfirmArea.Map(facilitate);
        DissolveArea.Map(facilitate);
    }
}
