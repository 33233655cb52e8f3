namespace Consultation.Tests.Platform;

public sealed class HealthAndDocumentationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task Liveness_answers_healthy()
    {
        var response = await _client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readiness_reports_database_schema_and_daemon_after_writes()
    {
        // Writing once must not make the schema look unapplied (aggregates used for writing are part of the configuration).
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/stakeholders", new { key = "MEX", kind = "MemberState", name = "Mexico", regionalGroup = "LatinAmericanAndCaribbean" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync("/stakeholders/MEX/rename", new { name = "United Mexican States", reason = "official" }, "\"1\"")).StatusCode);

        // The projection daemon starts in the background: readiness may take a moment after start-up.
        var response = await _client.GetAsync("/health/ready");
        for (var attempt = 0; attempt < 60 && response.StatusCode != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(500);
            response = await _client.GetAsync("/health/ready");
        }

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.GetRawText());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("projection-daemon").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_stakeholder_endpoints_and_types()
    {
        var response = await _client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/stakeholders").TryGetProperty("post", out var register));
        Assert.True(paths.GetProperty("/stakeholders").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/stakeholders/{key}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/stakeholders/{key}/rename").TryGetProperty("post", out _));
        Assert.True(register.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(register.GetProperty("responses").TryGetProperty("400", out _));

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var details = schemas.GetProperty("StakeholderDetails");
        foreach (var property in new[] { "id", "kind", "name", "isoCode", "regionalGroup", "version" })
        {
            Assert.True(details.GetProperty("properties").TryGetProperty(property, out _), $"StakeholderDetails lacks '{property}'");
        }

        var request = schemas.GetProperty("RegisterStakeholderRequest");
        Assert.True(request.GetProperty("properties").TryGetProperty("regionalGroup", out _));
    }

    [Fact]
    public async Task The_openapi_document_names_the_concurrency_and_retry_headers()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");

        static IEnumerable<(string Name, bool Required)> Headers(JsonElement operation) =>
            operation.TryGetProperty("parameters", out var parameters)
                ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header")
                    .Select(p => (p.GetProperty("name").GetString()!, p.TryGetProperty("required", out var r) && r.GetBoolean()))
                : [];

        Assert.Contains(("If-Match", true), Headers(paths.GetProperty("/stakeholders/{key}/rename").GetProperty("post")));
        Assert.Contains(("If-Match", true), Headers(paths.GetProperty("/processes/{key}/issues").GetProperty("post")));
        Assert.Contains(("Idempotency-Key", false), Headers(paths.GetProperty("/processes/{process}/issues/{issue}/positions").GetProperty("post")));
        Assert.Contains(("Idempotency-Key", false), Headers(paths.GetProperty("/processes/{process}/positions/batch").GetProperty("post")));
    }

    [Fact]
    public async Task The_api_reference_page_is_served()
    {
        var response = await _client.GetAsync("/scalar/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync());
    }
}
