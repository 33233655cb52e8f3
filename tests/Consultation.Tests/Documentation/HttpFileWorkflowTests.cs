using Consultation.Infrastructure.Database;

namespace Consultation.Tests.Documentation;

/// <summary>
/// The secretariat's workflow in <c>src/Consultation.Api/Consultation.Api.http</c>, sent as written to the service on the
/// test database (started with its seeds, as command 1 starts it), so the documented examples cannot drift from the API.
/// </summary>
public sealed class HttpFileWorkflowTests(SeededApiFactory factory) : IClassFixture<SeededApiFactory>
{
    public static string WorkflowPath => Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory)!, "src", "Consultation.Api", "Consultation.Api.http");

    [Fact]
    public async Task Every_step_of_the_secretariats_workflow_answers_as_documented()
    {
        var file = HttpFile.Parse(await File.ReadAllTextAsync(WorkflowPath));
        Assert.True(file.Requests.Count >= 40, $"Expected the whole workflow, found {file.Requests.Count} requests.");

        using var client = factory.CreateClient();
        var variables = new Dictionary<string, string>(file.Variables)
        {
            ["base"] = client.BaseAddress!.ToString().TrimEnd('/'),
            ["token"] = TestIdentity.Everyone(),
        };
        var named = new Dictionary<string, HttpResponseMessage>();
        foreach (var request in file.Requests)
        {
            using var message = HttpFile.ToMessage(request, variables, named);
            var response = await client.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(
                response.IsSuccessStatusCode,
                $"Step '{request.Title}' (line {request.Line}): {request.Method} {message.RequestUri} answered {(int)response.StatusCode}: {body}");
            if (request.Name is not null)
            {
                named[request.Name] = response;
            }
        }

        // The retried batch was answered from its key's record, not written twice.
        Assert.True(named["batchRetried"].Headers.TryGetValues("Idempotency-Replayed", out var replayed));
        Assert.Equal("true", Assert.Single(replayed));
        using var history = await client.GetAsync("/processes/rehearsal/issues/human-rights/positions/MEX/history");
        var text = await history.Content.ReadAsStringAsync();
        Assert.Contains("Stated", text, StringComparison.Ordinal);
        Assert.Contains("Corrected", text, StringComparison.Ordinal);
        Assert.Contains("Revised", text, StringComparison.Ordinal);

        // The measure the convergence chapter (src/Consultation.Api/Convergence/README.md) shows and works out by hand.
        using var convergence = await client.GetAsync("/processes/rehearsal/issues/human-rights/convergence");
        var measure = System.Text.Json.JsonDocument.Parse(await convergence.Content.ReadAsStringAsync()).RootElement.GetProperty("measure");
        Assert.Equal("Divergent", measure.GetProperty("level").GetString());
        Assert.Equal(0.481, measure.GetProperty("gicn").GetDouble(), 3);
        Assert.Equal(4, measure.GetProperty("positions").GetInt32());
    }

    [Fact]
    public void An_unknown_reference_is_refused_rather_than_sent_as_written()
    {
        var file = HttpFile.Parse("""
            @base = http://example
            ### one
            GET {{base}}/x
            If-Match: {{nobody.response.headers.ETag}}
            """);
        var request = Assert.Single(file.Requests);
        Assert.Equal("http://example/x", HttpFile.Substitute(request.Url, file.Variables, new Dictionary<string, HttpResponseMessage>()));
        Assert.Throws<InvalidOperationException>(() => HttpFile.ToMessage(request, file.Variables, new Dictionary<string, HttpResponseMessage>()));
    }
}
