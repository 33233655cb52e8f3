using Microsoft.AspNetCore.Authorization;

namespace Consultation.Infrastructure.Security;

/// <summary>Object-level authorization: the process an endpoint acts on must be one the user works on.</summary>
public sealed class ProcessScopeRequirement : IAuthorizationRequirement;

/// <summary>
/// Finds the process a request is about — the <c>{process}</c> or <c>{key}</c> of <c>/processes/…</c> routes, the first
/// segment of an audited stream key under a process, a <c>process</c> query filter — and fails unless the token lists it (or <c>*</c>).
/// The whole global log (no <c>process</c> filter) is for users of every process.
/// </summary>
public sealed class ProcessScopeHandler : AuthorizationHandler<ProcessScopeRequirement>
{
    private static readonly string[] WholeLogRoutes = ["/audit/events", "/audit/export"];

    /// <summary>Operations on the whole record (every process's events or projections).</summary>
    private static readonly string[] WholeRecordRoutes = ["/audit/verify", "/audit/attestation", "/admin/"];

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ProcessScopeRequirement requirement)
    {
        if (context.Resource is not HttpContext http)
        {
            return Task.CompletedTask;
        }

        var scope = context.User.ProcessScopeOf();
        if (scope.IsEverything)
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var named = ProcessesNamedBy(http);
        var outside = named.FirstOrDefault(p => !scope.Includes(p));
        if (outside is not null)
        {
            context.Fail(new AuthorizationFailureReason(this, $"You are not assigned to process '{outside}' (your processes: {Describe(scope)})."));
        }
        else if (IsWholeRecord(PatternOf(http)) || NamesServiceStream(http))
        {
            context.Fail(new AuthorizationFailureReason(this, $"This covers the whole record, every process: it is for users of every process (yours: {Describe(scope)})."));
        }
        else if (named.Count == 0 && WholeLogRoutes.Contains(PatternOf(http), StringComparer.Ordinal))
        {
            context.Fail(new AuthorizationFailureReason(this, $"The whole log is for users of every process: add 'process=' with one of yours ({Describe(scope)})."));
        }
        else
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    public static IReadOnlyList<string> ProcessesNamedBy(HttpContext http)
    {
        var named = new List<string>(2);
        var pattern = PatternOf(http);
        var route = http.Request.RouteValues;
        if (route.TryGetValue("process", out var process) && process is string p)
        {
            named.Add(p);
        }

        if (route.TryGetValue("key", out var key) && key is string k)
        {
            if (pattern.StartsWith("/processes/{key}", StringComparison.Ordinal))
            {
                named.Add(k);
            }
            else if (pattern.StartsWith("/audit/streams/", StringComparison.Ordinal) && k.IndexOfAny(['/', ':']) > 0)
            {
                // A stream under a process. A one-segment key is a process or a registry record (a stakeholder): which, only
                // the stream tells, so the endpoint itself checks it against the scope.
                named.Add(k.Split('/', ':')[0]);
            }
        }

        foreach (var value in http.Request.Query["process"])
        {
            if (!string.IsNullOrEmpty(value))
            {
                named.Add(value);
            }
        }

        return named;
    }

    /// <summary>The service's own streams (<c>audit:exports</c>, <c>audit:rebuilds</c>) record every process's operations.</summary>
    private static bool NamesServiceStream(HttpContext http) =>
        PatternOf(http).StartsWith("/audit/streams/", StringComparison.Ordinal)
        && http.Request.RouteValues.TryGetValue("key", out var key) && key is string k
        && EventStore.StreamKeys.IsReserved(k.Split('/', ':')[0]);

    private static string PatternOf(HttpContext http) => (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? string.Empty;

    private static bool IsWholeRecord(string pattern) => WholeRecordRoutes.Any(r => pattern.StartsWith(r, StringComparison.Ordinal));

    private static string Describe(ProcessScope scope) => scope.Processes is { Count: 0 } ? "none" : scope.ToString();
}
