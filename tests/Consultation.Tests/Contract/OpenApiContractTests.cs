using Consultation.Tests.Reliability;
using Microsoft.OpenApi;

namespace Consultation.Tests.Contract;

/// <summary>
/// The OpenAPI document is a contract a generated client relies on: every endpoint the service maps is an operation whose
/// path parameters are those of its route, every refusal it can answer is documented as problem details, and the
/// Idempotency-Key header is documented exactly where it is honoured.
/// </summary>
public sealed class OpenApiContractTests(ReliabilityApiFactory api) : IClassFixture<ReliabilityApiFactory>
{
    private const string ProblemMediaType = "application/problem+json";

    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task Every_mapped_endpoint_is_an_operation_declaring_exactly_its_route_parameters()
    {
        var document = await ServedDocument.LoadAsync(_client);
        var endpoints = DescribedEndpoint.Of(api.Services);
        Assert.True(endpoints.Count > 60, $"Only {endpoints.Count} endpoints found");

        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            if (document.Find(endpoint.Path, endpoint.Method) is not { } operation)
            {
                problems.Add($"{endpoint}: no operation in the document");
                continue;
            }

            var declared = (operation.Parameters ?? []).Where(p => p.In == ParameterLocation.Path).ToList();
            var names = declared.Select(p => p.Name!).Order(StringComparer.Ordinal).ToList();
            var route = endpoint.RouteParameters.Order(StringComparer.Ordinal).ToList();
            if (!names.SequenceEqual(route))
            {
                problems.Add($"{endpoint}: route parameters [{string.Join(", ", route)}], declared [{string.Join(", ", names)}]");
            }

            problems.AddRange(declared.Where(p => !p.Required || p.Schema is null).Select(p => $"{endpoint}: path parameter '{p.Name}' not required or without a schema"));
        }

        var mapped = endpoints.Select(e => (e.Path, e.Method)).ToHashSet();
        problems.AddRange(document.Operations.Where(o => !mapped.Contains((o.Path, o.Method))).Select(o => $"{o.Method} {o.Path}: documented but not mapped"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Every_refusal_an_operation_can_answer_is_documented_as_problem_details()
    {
        var document = await ServedDocument.LoadAsync(_client);
        var problems = new List<string>();
        foreach (var endpoint in DescribedEndpoint.Of(api.Services))
        {
            if (document.Find(endpoint.Path, endpoint.Method) is not { Responses: { } responses } operation)
            {
                continue; // the other test names it
            }

            var expected = new List<int> { 500, 503 };
            if (!endpoint.IsAnonymous)
            {
                expected.Add(401);
            }

            if (endpoint.NeedsRoleOrProcess)
            {
                expected.Add(403);
            }

            if (endpoint.IsRateLimited)
            {
                expected.Add(429);
            }

            if (operation.RequestBody is not null)
            {
                expected.AddRange([400, 413, 415]);
            }

            if (endpoint.RouteParameters.Count > 0)
            {
                expected.AddRange([400, 404]);
            }

            if ((operation.Parameters ?? []).FirstOrDefault(p => p is { In: ParameterLocation.Header, Name: "If-Match" }) is { } ifMatch)
            {
                // An optional If-Match (a batch) can be stale, never missing.
                expected.AddRange(ifMatch.Required ? [412, 428] : [412]);
            }

            problems.AddRange(expected.Distinct().Where(status => !responses.ContainsKey(status.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Select(status => $"{endpoint}: {status} not documented"));

            foreach (var (code, response) in responses.Where(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture) >= 400))
            {
                var schema = response.Content?.TryGetValue(ProblemMediaType, out var media) == true ? media.Schema as OpenApiSchemaReference : null;
                if (response.Content?.Count != 1 || schema?.Reference.Id is not ("ProblemDetails" or "HttpValidationProblemDetails"))
                {
                    problems.Add($"{endpoint}: {code} is not {ProblemMediaType} with the ProblemDetails or HttpValidationProblemDetails schema");
                }
            }

            problems.AddRange(responses.Where(r => r.Key.StartsWith('2') && r.Key != "204" && r.Value.Content is not { Count: > 0 })
                .Select(r => $"{endpoint}: {r.Key} has no media type"));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task Every_tag_an_operation_uses_is_described_once_in_the_document()
    {
        var document = await ServedDocument.LoadAsync(_client);
        var used = document.Operations.SelectMany(o => o.Operation.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).ToHashSet();
        var described = (document.Document.Tags ?? new HashSet<OpenApiTag>()).Where(t => !string.IsNullOrWhiteSpace(t.Description)).Select(t => t.Name).ToHashSet();

        Assert.True(used.Count >= 9, $"Only {used.Count} tags used");
        Assert.Empty(used.Except(described).Order());
    }

    [Fact]
    public async Task The_idempotency_key_is_documented_exactly_where_it_is_honoured()
    {
        var document = await ServedDocument.LoadAsync(_client);
        var endpoints = DescribedEndpoint.Of(api.Services);
        Assert.Contains(endpoints, e => e.HonoursIdempotencyKey);

        foreach (var endpoint in endpoints)
        {
            var documented = document.Find(endpoint.Path, endpoint.Method)?.Parameters?
                .Any(p => p is { In: ParameterLocation.Header, Name: "Idempotency-Key", Required: false }) == true;
            Assert.True(documented == endpoint.HonoursIdempotencyKey, $"{endpoint}: Idempotency-Key documented {documented}, honoured {endpoint.HonoursIdempotencyKey}");
        }
    }

    [Fact]
    public async Task Query_parameters_are_named_as_the_service_binds_and_reports_them()
    {
        var document = await ServedDocument.LoadAsync(_client);
        var query = document.Operations.SelectMany(o => (o.Operation.Parameters ?? []).Where(p => p.In == ParameterLocation.Query).Select(p => $"{o.Method} {o.Path} {p.Name}")).ToList();

        Assert.Contains("GET /audit/events afterSequence", query);
        Assert.All(query, name => Assert.True(char.IsLower(name.Split(' ')[2][0]), $"{name} is not camelCase"));

        // The audit filters bind case-insensitively and name the field in camelCase when refusing it.
        var refused = await _client.GetAsync("/audit/events?afterSequence=-1");
        var problem = await refused.AssertProblemAsync(400);
        Assert.NotEmpty(problem.ErrorsFor("afterSequence"));
    }

    [Fact]
    public async Task The_export_documents_the_media_types_it_streams()
    {
        var document = await ServedDocument.LoadAsync(_client);
        var ok = document.Find("/audit/export", HttpMethod.Get)!.Responses!["200"];
        Assert.Equal(["application/x-ndjson", "text/csv"], ok.Content!.Keys.Order(StringComparer.Ordinal));

        var csv = await _client.GetAsync("/audit/export?format=csv&limit=1");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var ndjson = await _client.GetAsync("/audit/export?limit=1");
        Assert.Equal("application/x-ndjson", ndjson.Content.Headers.ContentType?.MediaType);
    }
}
