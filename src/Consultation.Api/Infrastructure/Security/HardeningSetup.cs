using System.Globalization;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;

namespace Consultation.Infrastructure.Security;

/// <summary>
/// Section <c>Security</c>: per-user rate limit on writes (fixed windows opening at a user's first write, <see cref="IWriteWindows"/>), CORS origins (none by default: browsers on other origins
/// are refused), security headers on every response, unknown JSON properties rejected (no mass assignment).
/// </summary>
public sealed class HardeningSettings
{
    public const string Section = "Security";

    /// <summary>
    /// Writes (commands) one user may send per window, unless an administrator granted the user another budget
    /// (<see cref="IWriteBudgets"/>); a batch counts as one, and so does an audit export (it is recorded).
    /// </summary>
    public int WritesPerWindow { get; set; } = 600;

    public int WindowSeconds { get; set; } = 60;

    /// <summary>Where each user's window is counted; <c>Memory</c> only when a single node runs.</summary>
    public WriteWindowsStorage WriteWindows { get; set; } = WriteWindowsStorage.Database;

    public string[] CorsOrigins { get; set; } = [];

    public static HardeningSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<HardeningSettings>() ?? new HardeningSettings();
}

public static class HardeningSetup
{
    private const string CorsPolicy = "configured-origins";

    public static IServiceCollection AddConsultationHardening(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = HardeningSettings.From(configuration);
        services.Configure<JsonOptions>(o => o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow);
        services.AddCors(o => o.AddPolicy(CorsPolicy, p =>
        {
            if (settings.CorsOrigins.Length > 0)
            {
                p.WithOrigins(settings.CorsOrigins).AllowAnyHeader().WithMethods("GET", "POST", "PUT")
                    .WithExposedHeaders("ETag", "Location", "X-Correlation-Id", "Retry-After");
            }
        }));
        var length = TimeSpan.FromSeconds(settings.WindowSeconds);
        if (settings.WriteWindows == WriteWindowsStorage.Memory)
        {
            services.AddSingleton<IWriteWindows>(new MemoryWriteWindows(length));
        }
        else
        {
            services.AddSingleton<IWriteWindows>(sp => new DatabaseWriteWindows(sp.GetRequiredService<IDocumentStore>(), length));
        }

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AccessEndpoints.WritesRateLimit, http => RateLimitPartition.Get(
                http.User.UserIdOf() ?? "anonymous",
                user => new UserWriteLimiter(
                    user,
                    http.RequestServices.GetRequiredService<IWriteWindows>(),
                    http.RequestServices.GetService<IWriteBudgets>(),
                    settings.WritesPerWindow,
                    http.RequestServices.GetRequiredService<TimeProvider>())));
            o.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(settings.WindowSeconds);
                var budget = context.Lease.TryGetMetadata(UserWriteLimiter.Budget, out var granted) ? granted : settings.WritesPerWindow;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var http = context.HttpContext;
                await UnreadBody.DrainAsync(http, cancellationToken);
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"At most {budget} writes per {settings.WindowSeconds} s for you; this window ends in {seconds} s: try again then.",
                    },
                });
            };
        });
        return services;
    }

    public static WebApplication UseConsultationHardeningBeforeAuthentication(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseCors(CorsPolicy);
        return app;
    }

    public static WebApplication UseConsultationHardeningAfterAuthentication(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }
}
