using Consultation.Tests.Contract;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Consultation.Tests.Reliability.Hostile;

/// <summary>
/// Hostile input generated from the served OpenAPI document (<see cref="DocumentHostileCorpus"/>): every operation, reads
/// included, every parameter and body field, plus the dashboard pages' query parameters. No answer may be a 5xx; every
/// refusal is problem details and writes nothing; writes with a hostile part are refused; a token without a subject gets
/// 401 and a token for another process 403. Failures are reported by class.
/// </summary>
public sealed class DocumentHostileInputTests(ReliabilityApiFactory api, ITestOutputHelper output) : IClassFixture<ReliabilityApiFactory>
{
    [Fact]
    public async Task Every_documented_operation_refuses_hostile_input_by_class_without_5xx_or_writes()
    {
        var steps = new PositionSteps(api.CreateClient());
        var process = await steps.OpenAsync("alpha");
        await steps.StateAsync(process, "alpha", "MEX", 1);
        var known = new Dictionary<string, string> { ["key"] = process, ["process"] = process, ["issue"] = "alpha", ["stakeholder"] = "MEX", ["meeting"] = "stocktaking-2017" };
        var client = api.CreateClient();
        var operations = DocumentedOperation.In((await ServedDocument.LoadAsync(client)).Json);
        var cases = DocumentHostileCorpus.For(operations, known).ToList();
        var everyone = TestIdentity.Everyone();

        var failures = new List<(string Class, string Failure)>();
        var perClass = new Dictionary<string, int>();
        foreach (var hostile in cases)
        {
            perClass[hostile.Class] = perClass.GetValueOrDefault(hostile.Class) + 1;
            var before = await api.CountEventsAsync();
            using var request = hostile.ToRequest(everyone);
            var (status, mediaType, broken) = await SendAsync(client, request);
            var written = await api.CountEventsAsync() - before;
            var failure = broken is not null ? $"the response broke off ({broken})"
                : status >= 500 ? $"{status}"
                : hostile.ExpectedStatus is { } expected && status != expected ? $"{status}, not {expected}"
                : hostile.MustRefuse && status < 400 ? $"{status}, not refused"
                : status >= 400 && mediaType != "application/problem+json" ? $"{status} as {mediaType ?? "no media type"}, not problem details"
                : status >= 400 && written > 0 ? $"{status} but {written} events written"
                : null;
            if (failure is not null)
            {
                failures.Add((hostile.Class, $"{failure} <- {hostile}"));
            }
        }

        var pages = PageUrls(known).ToList();
        foreach (var (url, detail) in DocumentHostileCorpus.ForPages(pages))
        {
            perClass["dashboard page queries"] = perClass.GetValueOrDefault("dashboard page queries") + 1;
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept", "text/html");
            var (status, _, broken) = await SendAsync(client, request);
            if (status >= 500 || broken is not null)
            {
                failures.Add(("dashboard page queries", $"{(broken is null ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "broke off: " + broken)} <- GET {url} ({detail})"));
            }
        }

        output.WriteLine($"{cases.Count} hostile requests over {operations.Count} documented operations, {pages.Count} dashboard pages.");
        foreach (var (name, count) in perClass.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {name}: {count} requests, {failures.Count(f => f.Class == name)} failed");
        }

        Assert.True(operations.Count > 60, $"Only {operations.Count} operations in the document");
        Assert.True(failures.Count == 0, $"{failures.Count} failures in classes {string.Join(", ", failures.Select(f => f.Class).Distinct())}:\n"
            + string.Join("\n", failures.GroupBy(f => f.Class).SelectMany(g => g.Take(25)).Select(f => $"[{f.Class}] {f.Failure}")));
    }

    /// <summary>Sends and reads the whole answer; an answer that breaks off (the server failed after starting it) is reported, not thrown.</summary>
    private static async Task<(int Status, string? MediaType, string? Broken)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        try
        {
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, null);
        }
        catch (HttpRequestException e)
        {
            var cause = e.GetBaseException().Message.Split('\n')[0];
            return (0, null, cause.Length > 120 ? cause[..120] : cause);
        }
    }

    /// <summary>The dashboard's page routes (GET, under /ui), with known values for their parameters.</summary>
    private IEnumerable<string> PageUrls(IReadOnlyDictionary<string, string> known) =>
        api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/ui", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, @"\{([^}:]+)[^}]*\}", m => known.GetValueOrDefault(m.Groups[1].Value.TrimStart('*'), DocumentedOperation.ProbeKey)))
            .Distinct();
}
