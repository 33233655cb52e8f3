using Marten;

namespace Consultation.Audit.Replaying;

/// <summary>Registration for answering read models as of a global sequence.</summary>
public static class ReplayingModule
{
    public static void AddReplaying(this StoreOptions options)
    {
    }

    public static IServiceCollection AddReplayingServices(this IServiceCollection services) => services;

    public static void MapReplaying(this IEndpointRouteBuilder app)
    {
    }

    /// <summary>Request-level hook (middleware) for replaying; runs after correlation and error handling are in place.</summary>
    public static WebApplication UseReplaying(this WebApplication app) => app;
}
