using System.Net.Http.Headers;
using Consultation.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;

namespace Consultation.Tests.Support;

/// <summary>
/// Tokens for tests, signed with a test-only development key that the test host is configured to accept.
/// Every factory's clients carry <see cref="Everyone"/>'s token unless a test authorizes them otherwise.
/// </summary>
public static class TestIdentity
{
    public const string Key = "TEST-ONLY development key for the consultation tracker test suite";
    public const string DefaultUser = "tester";
    public const string DefaultDisplayName = "Test User";

    public static readonly AuthenticationSettings Settings = new() { DevelopmentKey = Key, AllowDevelopmentKey = true };

    public static void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Authentication:Authority", string.Empty);
        builder.UseSetting("Authentication:DevelopmentKey", Key);
        builder.UseSetting("Authentication:AllowDevelopmentKey", "true");
    }

    /// <summary>A user holding every role on every process.</summary>
    public static string Everyone() => Token(DefaultUser, Roles.All, [ConsultationClaims.AllProcesses], DefaultDisplayName);

    public static string Token(string user, IEnumerable<string> roles, IEnumerable<string> processes, string? displayName = null, TimeSpan? lifetime = null, DateTimeOffset? now = null) =>
        DevelopmentTokens.Issue(Settings, user, displayName, roles, processes, now ?? DateTimeOffset.UtcNow, lifetime ?? TimeSpan.FromHours(1));

    /// <summary>A correctly signed token holding every role on every process, whose <c>sub</c> is <paramref name="userId"/> or absent (null).</summary>
    public static string TokenWithUserId(string? userId)
    {
        var claims = new List<System.Security.Claims.Claim>();
        if (userId is not null)
        {
            claims.Add(new(ConsultationClaims.UserId, userId));
        }

        claims.AddRange(Roles.All.Select(r => new System.Security.Claims.Claim(ConsultationClaims.Role, r)));
        claims.Add(new(ConsultationClaims.Process, ConsultationClaims.AllProcesses));
        var now = DateTime.UtcNow;
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = AuthenticationSettings.DevelopmentIssuer,
            Audience = Settings.Audience,
            Subject = new System.Security.Claims.ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(DevelopmentTokens.SigningKey(Key), Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
    }

    public static HttpClient Authorize(this HttpClient client, string? token)
    {
        client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
