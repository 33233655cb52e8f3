namespace Consultation.Infrastructure.Seeding;

public static class SeedingSetup
{
    public static IServiceCollection AddConsultationSeeding(this IServiceCollection services)
    {
        services.AddHostedService<SeedLoader>();
        return services;
    }

    /// <summary>Prints where the service listens and which database it uses, once it has started.</summary>
    public static void LogStartupBanner(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Consultation");
            var database = app.Services.GetRequiredService<Database.ConsultationDatabase>();
            foreach (var url in app.Urls)
            {
                logger.LogInformation("Consultation Tracker is serving {Url}  (API reference {Url}/scalar, OpenAPI {Url}/openapi/v1.json, readiness {Url}/health/ready)", url, url, url, url);
            }

            logger.LogInformation("Database: {Database}", database.Describe());
        });
    }
}
