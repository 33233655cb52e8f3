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

    public static HttpClient Authorize(this HttpClient client, string? token)
    {
        client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
