namespace Consultation.Tests.Security;

/// <summary>
/// Every request runs as its token's user: a token without a usable <c>sub</c> (missing, empty, blank, or one of the
/// service's own identities) is refused with 401 on every endpoint that needs a token, even when it is correctly signed
/// and holds every role on every process — so nothing over HTTP acts as the command line's system identity.
/// </summary>
public sealed class TokenUserTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Process = "tokens";

    public static TheoryData<string, string?> UnusableUsers() => new()
    {
        { "no sub", null },
        { "empty sub", "" },
        { "blank sub", "   " },
        { "padded sub", " alice" },
        { "the system identity", "system" },
        { "the seed loader", "seed-loader" },
    };

    [Theory]
    [MemberData(nameof(UnusableUsers))]
    public async Task A_token_without_a_usable_user_is_refused_on_every_endpoint_and_writes_nothing(string what, string? userId)
    {
        var client = api.CreateClient().Authorize(null);
        var token = TestIdentity.TokenWithUserId(userId);
        var before = await api.CountEventsAsync();
        var wrong = new List<string>();
        foreach (var endpoint in EndpointRoute.Of(api.Services).Where(e => AccessMatrix.Endpoints.GetValueOrDefault(e.Key) is not null))
        {
            using var response = await client.SendAsync(endpoint.Request(Process, token));
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{endpoint.Key} → {(int)response.StatusCode}");
            }
        }

        Assert.True(wrong.Count == 0, $"{what}: answered without 401:\n" + string.Join('\n', wrong));
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task The_refusal_says_the_token_names_no_user()
    {
        var response = await api.CreateClient().Authorize(TestIdentity.TokenWithUserId(null)).GetAsync("/processes");

        var problem = await response.AssertProblemAsync(401);
        Assert.Contains("'sub'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_token_with_a_user_is_accepted()
    {
        var response = await api.CreateClient().Authorize(TestIdentity.TokenWithUserId("alice")).GetAsync("/processes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
