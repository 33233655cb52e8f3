using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace Consultation.Infrastructure.Security;

/// <summary>
/// JWT bearer authentication (an OpenID Connect provider in production, the development key locally), the web pages'
/// cookie sign-in beside it (<see cref="PageAuthentication"/>), role policies with process scoping (<see cref="Access"/>), and the hardening around them.
/// Every endpoint requires an authenticated user unless it says otherwise (health, OpenAPI, API reference).
/// </summary>
public static class SecuritySetup
{
    public static IServiceCollection AddConsultationSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = AuthenticationSettings.From(configuration);
        services.AddAuthentication(PageAuthentication.Selector)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    NameClaimType = ConsultationClaims.UserId,
                    RoleClaimType = ConsultationClaims.Role,
                    ValidAudience = settings.Audience,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                o.Events = new JwtBearerEvents();
                if (settings.UsesProvider)
                {
                    o.Authority = settings.Authority;
                    o.Audience = settings.Audience;
                    o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                    ProviderUnavailable.AnswerUnavailable(o.Events);
                }
                else if (!string.IsNullOrEmpty(settings.DevelopmentKey))
                {
                    o.TokenValidationParameters.ValidIssuer = AuthenticationSettings.DevelopmentIssuer;
                    o.TokenValidationParameters.IssuerSigningKey = DevelopmentTokens.SigningKey(settings.DevelopmentKey);
                }

                TokenUser.RequireUser(o.Events);
            })
            .AddPageAuthentication(settings);
        services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            foreach (var access in Access.All)
            {
                o.AddPolicy(access.Policy, p => p.RequireAuthenticatedUser().RequireRole(access.Roles).AddRequirements(new ProcessScopeRequirement()));
            }
        });
        services.AddSingleton<IAuthorizationHandler, ProcessScopeHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AccessDeniedProblems>();
        services.AddHostedService<AuthenticationSettingsCheck>();
        services.AddConsultationHardening(configuration);
        services.AddDatabaseKeyRing();
        return services;
    }

    public static WebApplication UseConsultationSecurity(this WebApplication app)
    {
        app.UseConsultationHardeningBeforeAuthentication();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseMiddleware<RequestIdentityMiddleware>();
        app.UseConsultationHardeningAfterAuthentication();
        return app;
    }
}

/// <summary>Refuses to start with authentication settings that cannot work here (see <see cref="AuthenticationSettings.Problem"/>).</summary>
public sealed class AuthenticationSettingsCheck(IConfiguration configuration, IHostEnvironment environment) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        AuthenticationSettings.From(configuration).Problem(environment) is { } problem
            ? throw new InvalidOperationException(problem)
            : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
