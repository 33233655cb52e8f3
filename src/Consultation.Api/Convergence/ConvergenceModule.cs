using Consultation.Infrastructure.Security;
using Consultation.Convergence.Areas;
using Consultation.Convergence.Measuring;
using Consultation.Convergence.Measuring.Live;
using Consultation.Convergence.OpinionGroups;
using Consultation.Convergence.Summaries;

namespace Consultation.Convergence;

/// <summary>Facilitators' areas of convergence and the measured convergence beside them.</summary>
public static class ConvergenceModule
{
    public static void AddConvergence(this StoreOptions options)
    {
        options.AddAreas();
        options.AddMeasures();
    }

    public static IServiceCollection AddConvergenceServices(this IServiceCollection services) =>
        services.AddSingleton<LiveMeasures>().AddSingleton<SettledSnapshots>().AddOpinionGroupServices();

    public static void MapConvergence(this IEndpointRouteBuilder app)
    {
        app.MapGroup(string.Empty).WithTag("Areas of convergence", "Areas of convergence facilitators identify, affirm, confirm in text or dissolve, their issues and the divergences within them.").MapAreas();
        app.MapGroup(string.Empty).WithTag("Measured convergence", "The measure across groups (group-informed consensus) per issue, area and process, its timelines and movers, on the stated or recorded axis; the thresholds.").For(Access.Read).MapMeasures();
        app.MapGroup(string.Empty).WithTag("Opinion groups", "Groups inferred from the positions (Polis's method), beside the declared groups: who agrees with whom, blocs that split, bridging issues.").For(Access.Read).MapOpinionGroups();
    }
}
