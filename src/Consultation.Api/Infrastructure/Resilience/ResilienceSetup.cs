using System.Globalization;

namespace Consultation.Infrastructure.Resilience;

public static class ResilienceSetup
{
    public const int DefaultShutdownSeconds = 30;

    /// <summary>
    /// Graceful shutdown: on SIGTERM (or Ctrl+C) the server stops accepting connections and lets in-flight requests finish,
    /// then the async daemon stops; all within <c>Shutdown:TimeoutSeconds</c> (default 30), after which what is left is
    /// cancelled. Give the orchestrator's grace period (e.g. Kubernetes' terminationGracePeriodSeconds) a few seconds more.
    /// </summary>
    public static IServiceCollection AddConsultationResilience(this IServiceCollection services, IConfiguration configuration)
    {
        var text = configuration["Shutdown:TimeoutSeconds"];
        var seconds = string.IsNullOrWhiteSpace(text)
            ? DefaultShutdownSeconds
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1 and <= 3600
                ? parsed
                : throw new InvalidOperationException($"Setting 'Shutdown:TimeoutSeconds' must be a whole number of seconds from 1 to 3600; it is '{text}'.");
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(seconds));
        return services;
    }
}
