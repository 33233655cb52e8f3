using Consultation.Infrastructure.Security;
using Consultation.Convergence.Areas;
using Consultation.Convergence.Measuring;
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
        services.AddSingleton<SettledSnapshots>();

    public static void MapConvergence(this IEndpointRouteBuilder app)
    {
        app.MapGroup(string.Empty).WithTags("Areas of convergence").MapAreas();
        app.MapGroup(string.Empty).WithTags("Measured convergence").For(Access.Read).MapMeasures();
    }
}
