using Consultation.Infrastructure.Database;
using Consultation.Infrastructure.Security;

namespace Consultation.Infrastructure.Http;

public static class StartupBanner
{
    /// <summary>Prints where the service listens — the API, its reference, the dashboard pages and how to sign in to them — and which database it uses, once it has started.</summary>
    public static void LogStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Consultation");
            var database = app.Services.GetRequiredService<ConsultationDatabase>();
            var settings = AuthenticationSettings.From(app.Configuration);
            foreach (var url in app.Urls.Select(u => u.TrimEnd('/')))
            {
                logger.LogInformation("Consultation Tracker is serving {Url}  (API reference {Url}/scalar, OpenAPI {Url}/openapi/v1.json, readiness {Url}/health/ready)", url, url, url, url);
                logger.LogInformation("Dashboard pages: {Url}{Pages}  ({SignIn})", url, PageAuthentication.PathPrefix, SignInText(settings, app.Environment, url));
            }

            logger.LogInformation("Database: {Database}", database.Describe());
        });
    }

    private static string SignInText(AuthenticationSettings settings, IHostEnvironment environment, string url) =>
        settings.AllowsDevelopmentSignIn(environment) ? $"development sign-in: {url}{PageAuthentication.SignInPath}"
        : settings.UsesProviderSignIn ? $"sign-in through {settings.Authority}"
        : "no sign-in for the pages: set Authentication:ClientId for your OpenID Connect provider";
}
