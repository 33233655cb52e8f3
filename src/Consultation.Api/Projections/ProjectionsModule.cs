using Consultation.Infrastructure.Security;

namespace Consultation.Projections;

/// <summary>
/// Operations on the read models: rebuilding every projection from the events and verifying the live projections against a
/// rebuild (<c>/admin/projections</c>, and <c>audit rebuild</c> / <c>audit verify</c> on the command line).
/// </summary>
public static class ProjectionsModule
{
    public const string AdministrationTag =
        "The read models: their state and failures, rebuilds from the events (with progress) and verification against a rebuild. Administrators.";

    public static void AddRebuilding(this StoreOptions options) => options.Events.AddEventType<ProjectionsRebuilt>();

    public static IServiceCollection AddRebuildingServices(this IServiceCollection services)
    {
        services.AddSingleton<RebuildQueue>();
        services.AddHostedService<RebuildWorker>();
        return services;
    }

    public static void MapRebuilding(this IEndpointRouteBuilder app)
    {
        // Rebuilding is administration; auditors may list and verify.
        var audit = app.For(Access.Audit);
        var administer = audit.For(Access.Administer);
        ListProjections.Map(audit);
        RebuildProjections.Map(administer);
        GetRebuild.Map(administer);
        ListProjectionFailures.Map(administer);
        VerifyProjections.Map(audit);
    }
}
