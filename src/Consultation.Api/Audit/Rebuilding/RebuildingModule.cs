using Consultation.Infrastructure.Security;
using Marten;

namespace Consultation.Audit.Rebuilding;

/// <summary>Registration for rebuilding every projection from the events and verifying the live projections against a rebuild.</summary>
public static class RebuildingModule
{
    public static void AddRebuilding(this StoreOptions options) => options.Events.AddEventType<ProjectionsRebuilt>();

    public static IServiceCollection AddRebuildingServices(this IServiceCollection services)
    {
        services.AddSingleton<RebuildQueue>();
        services.AddHostedService<RebuildWorker>();
        return services;
    }

    public static void MapRebuilding(this IEndpointRouteBuilder app)
    {
        // Rebuilding is administration; auditors (already allowed by the Audit group) may list and verify.
        var administer = app.For(Access.Administer);
        ListProjections.Map(app);
        RebuildProjections.Map(administer);
        GetRebuild.Map(administer);
        ListProjectionFailures.Map(administer);
        VerifyProjections.Map(app);
    }
}
