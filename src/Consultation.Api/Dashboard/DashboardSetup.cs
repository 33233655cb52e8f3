using Consultation.Dashboard.Importing;
using Consultation.Dashboard.SigningIn;
using Consultation.Infrastructure.Security;

namespace Consultation.Dashboard;

/// <summary>
/// The web pages for facilitators and auditors, served by the API host under <see cref="PageAuthentication.PathPrefix"/>:
/// Razor components rendered on the server (static rendering, no scripts), reading through the same Mediator queries
/// as the API and guarded by the same role and process policies.
/// </summary>
public static class DashboardSetup
{
    public static IServiceCollection AddConsultationDashboard(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddSingleton<IRefusalPage, RefusalPage>();
        services.AddScoped<ImportCommit>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "consultation-pages-antiforgery";
            o.Cookie.Path = PageAuthentication.PathPrefix;
        });
        return services;
    }

    public static WebApplication MapConsultationDashboard(this WebApplication app)
    {
        app.MapRazorComponents<App>().RequireAccess(Access.Read);
        DashboardStylesheet.Map(app);
        FrontDoor.Map(app);
        SignOut.Map(app);
        ProviderSignIn.Map(app);
        ImportPageEndpoints.Map(app);
        return app;
    }
}
