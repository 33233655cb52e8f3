using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Security;

/// <summary>One HTTP endpoint the service maps, by method and route pattern.</summary>
public sealed record EndpointRoute(string Method, string Pattern)
{
    public string Key => $"{Method} {Pattern}";

    /// <summary>The route with every parameter filled: <c>{process}</c> and a process's <c>{key}</c> with <paramref name="process"/>, others with fixed names.</summary>
    public string Url(string process)
    {
        var url = Regex.Replace(Pattern, @"\{(\*\*)?([A-Za-z]+)(:[a-z]+)?\??\}", m => m.Groups[2].Value switch
        {
            "process" => process,
            "key" when Pattern.StartsWith("/processes/", StringComparison.Ordinal) => process,
            "key" when Pattern.StartsWith("/audit/streams/", StringComparison.Ordinal) => $"{process}/alpha/MEX",
            "key" => "MEX",
            "documentName" => "v1",
            "stakeholder" => "MEX",
            "group" => "african-group",
            "issue" => "alpha",
            "meeting" => "first",
            "area" => "split",
            "phase" => "negotiation",
            "statement" => "s1",
            "facilitator" => "someone",
            "id" => "3f2c1f9e-0000-4000-8000-000000000001",
            _ => m.Groups[2].Value.ToLowerInvariant(),
        });
        return (url.StartsWith("/audit/", StringComparison.Ordinal) && !url.StartsWith("/audit/verify", StringComparison.Ordinal) && !url.StartsWith("/audit/attestation", StringComparison.Ordinal)) || url.StartsWith("/stakeholders/", StringComparison.Ordinal) && url.EndsWith("/statements", StringComparison.Ordinal)
            ? url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"process={process}&from=2017-01-01&to=2030-01-01"
            : url;
    }

    public HttpRequestMessage Request(string process, string? token)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Url(process));
        if (Method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    /// <summary>Every endpoint the running service maps (health checks map no method: they answer GET).</summary>
    public static IReadOnlyList<EndpointRoute> Of(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new EndpointRoute(m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];
}
