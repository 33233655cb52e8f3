using System.Net.Sockets;

namespace Consultation.Tests.Security;

/// <summary>The service is configured for an OpenID Connect provider that does not answer (down, or not yet up).</summary>
public sealed class UnreachableProviderTests(UnreachableProviderTests.Factory api) : IClassFixture<UnreachableProviderTests.Factory>
{
    [Fact]
    public async Task A_bearer_call_answers_503_with_retry_after_and_says_sign_in_is_unavailable()
    {
        var client = api.CreateClient();

        var response = await client.GetAsync("/stakeholders");

        var problem = await response.AssertProblemAsync(503);
        Assert.Contains("sign-in", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task A_page_visit_answers_503_rather_than_an_error_page()
    {
        var client = api.CreateClient();
        client.Authorize(null);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var response = await client.GetAsync("/ui"); // redirected to the provider's sign-in, which needs its metadata

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("sign-in", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Health_does_not_depend_on_the_provider()
    {
        var response = await api.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public sealed class Factory : ApiFactory
    {
        private static readonly string Authority = $"http://127.0.0.1:{ClosedPort()}/realms/consultation";

        protected override IEnumerable<(string Name, string Value)> ExtraSettings =>
        [
            ("Authentication:Authority", Authority),
            ("Authentication:RequireHttpsMetadata", "false"),
            ("Authentication:ClientId", "consultation-pages"),
            ("Authentication:ClientSecret", "not-used"),
        ];

        /// <summary>A loopback port nothing listens on: taken from the system, then released.</summary>
        private static int ClosedPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
