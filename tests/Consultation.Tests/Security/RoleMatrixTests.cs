namespace Consultation.Tests.Security;

/// <summary>
/// Function-level authorization (OWASP API5): every endpoint, called anonymously and with a token for each single role,
/// answers 401 / 403 / something else exactly as <see cref="AccessMatrix"/> says.
/// </summary>
public sealed class RoleMatrixTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Process = "matrix";

    [Fact]
    public void Every_endpoint_is_in_the_access_matrix_and_every_row_is_an_endpoint()
    {
        var mapped = EndpointCatalog().Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(mapped.Except(AccessMatrix.Endpoints.Keys));
        Assert.Empty(AccessMatrix.Endpoints.Keys.Except(mapped));
    }

    [Fact]
    public async Task Each_role_gets_exactly_the_endpoints_the_matrix_gives_it()
    {
        var client = api.CreateClient().Authorize(null);
        var tokens = AccessMatrix.Roles.ToDictionary(r => r, r => TestIdentity.Token($"matrix-{r}", [r], ["*"]));
        var wrong = new List<string>();
        foreach (var endpoint in EndpointCatalog().Where(e => AccessMatrix.Endpoints.ContainsKey(e.Key)))
        {
            var allowed = AccessMatrix.Endpoints[endpoint.Key];
            var anonymous = (await client.SendAsync(endpoint.Request(Process, null))).StatusCode;
            if (allowed is null ? anonymous is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden : anonymous != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{endpoint.Key} anonymous → {(int)anonymous}");
            }

            foreach (var role in AccessMatrix.Roles)
            {
                var status = (await client.SendAsync(endpoint.Request(Process, tokens[role]))).StatusCode;
                var expectAllowed = allowed is null || allowed.Contains(role);
                if (expectAllowed ? status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden : status != HttpStatusCode.Forbidden)
                {
                    wrong.Add($"{endpoint.Key} as {role} → {(int)status} (expected {(expectAllowed ? "allowed" : "403")})");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public async Task A_refusal_names_the_roles_needed_and_those_held()
    {
        var client = api.CreateClient().Authorize(TestIdentity.Token("ann", [AccessMatrix.Auditor], ["*"]));
        var before = await api.CountEventsAsync();

        var problem = await (await client.PostJsonAsync("/stakeholders", new { key = "MEX", kind = "MemberState", name = "Mexico", regionalGroup = "LatinAmericanAndCaribbean" }))
            .AssertProblemAsync(403);

        Assert.Contains("'secretariat'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("'auditor'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    private IReadOnlyList<EndpointRoute> EndpointCatalog() => EndpointRoute.Of(api.Services);
}
