using Consultation.Audit;
using Consultation.Audit.Replaying;
using Consultation.Convergence;
using Consultation.Dashboard;
using Consultation.Imports;
using Consultation.Meetings;
using Consultation.Positions;
using Consultation.Processes;
using Consultation.Projections;
using Consultation.Seeding;
using Consultation.Stakeholders;
using Consultation.Submissions;
using Consultation.WriteBudgets;

namespace Consultation;

/// <summary>
/// What the service is: its modules, in one list for each place they plug in (the store, the services, the middleware,
/// the endpoints). <c>Infrastructure/</c> names none of them; <c>Program.cs</c> hands these lists to it.
/// </summary>
public static class Modules
{
    /// <summary>Each module's events and projections, after the store-wide settings.</summary>
    public static void ConfigureStore(StoreOptions options)
    {
        options.AddStakeholders();
        options.AddProcesses();
        options.AddMeetings();
        options.AddSubmissions();
        options.AddPositions();
        options.AddConvergence();
        options.AddAudit();
        options.AddRebuilding();
        options.AddWriteBudgets();
    }

    /// <summary>The whole store as the service configures it, for a store built outside the service's host (the generator, tests, benchmarks).</summary>
    public static void ConfigureStore(StoreOptions options, string connectionString, string schemaName) =>
        new StoreConfiguration(ConfigureStore).Apply(options, connectionString, schemaName);

    /// <summary>The modules' services, the web pages and the seed loader.</summary>
    public static IServiceCollection AddConsultationModules(this IServiceCollection services) =>
        services.AddModuleServices().AddConsultationDashboard().AddConsultationSeeding();

    /// <summary>What the modules need behind the command pipeline (also for a host without HTTP, as the benchmarks').</summary>
    public static IServiceCollection AddModuleServices(this IServiceCollection services) =>
        services
            .AddMeetingsServices()
            .AddSubmissionsServices()
            .AddPositionsServices()
            .AddConvergenceServices()
            .AddAuditServices()
            .AddRebuildingServices()
            .AddWriteBudgetsServices()
            .AddImportsServices();

    /// <summary>After authentication and authorization: time parameters refused where not honoured, <c>asOfSequence</c>.</summary>
    public static WebApplication UseConsultationModules(this WebApplication app) => app.UseReplaying();

    public static void MapEndpoints(WebApplication app)
    {
        app.MapStakeholders();
        app.MapProcesses();
        app.MapMeetings();
        app.MapSubmissions();
        app.MapPositions();
        app.MapConvergence();
        app.MapAudit();
        app.MapRebuilding();
        app.MapWriteBudgets();
        app.MapImports();
        app.MapConsultationDashboard();
    }
}
