namespace Consultation.Infrastructure.Pipeline;

/// <summary>
/// Who is acting and under which correlation id, for the current request or background job.
/// Filled from the authenticated user's token (RequestIdentityMiddleware); the defaults apply to CLI commands and seeding.
/// </summary>
public sealed class RequestContext
{
    public const int MaxCorrelationIdLength = 128;

    public string CorrelationId { get; set; } = NewCorrelationId();

    public string UserName { get; set; } = "system";

    public string Role { get; set; } = "system";

    public string DisplayName { get; set; } = "system";

    /// <summary>The processes the user works on; commands and seeding run for all of them.</summary>
    public Security.ProcessScope Processes { get; set; } = Security.ProcessScope.Everything;

    /// <summary>An HTTP request before its token is read: no user, no role, no process.</summary>
    public void BecomeNobody()
    {
        UserName = Nobody;
        DisplayName = Nobody;
        Role = "none";
        Processes = Security.ProcessScope.Nothing;
    }

    public const string Nobody = "anonymous";

    public static string NewCorrelationId() => Guid.NewGuid().ToString("N");

    /// <summary>Accepts client-supplied ids made of safe characters only, so they can go into logs and headers.</summary>
    public static bool IsAcceptableCorrelationId(string? value) =>
        !string.IsNullOrEmpty(value)
        && value.Length <= MaxCorrelationIdLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
