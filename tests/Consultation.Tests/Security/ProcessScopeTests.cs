using System.Net.Http.Json;

namespace Consultation.Tests.Security;

/// <summary>
/// Object-level authorization (OWASP API1): a token lists the processes its user works on, and every endpoint that takes
/// a process, meeting, issue, position or area refuses another process's ids — whatever the user's roles.
/// </summary>
public sealed class ProcessScopeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Mine = "scope-mine";
    private const string Theirs = "scope-theirs";

    private static readonly string ScopedToken = TestIdentity.Token("scoped", AccessMatrix.Roles, [Mine]);

    [Fact]
    public async Task Every_endpoint_that_takes_a_process_refuses_one_the_user_is_not_assigned_to()
    {
        await LaunchBothAsync();
        var client = api.CreateClient().Authorize(null);
        var scoped = EndpointRoute.Of(api.Services).Where(e => e.Url(Theirs).Contains(Theirs, StringComparison.Ordinal)).ToList();
        Assert.True(scoped.Count > 50, $"only {scoped.Count} process-scoped endpoints found");

        var wrong = new List<string>();
        foreach (var endpoint in scoped)
        {
            var theirs = await client.SendAsync(endpoint.Request(Theirs, ScopedToken));
            if (theirs.StatusCode != HttpStatusCode.Forbidden)
            {
                wrong.Add($"{endpoint.Key} on another process → {(int)theirs.StatusCode}");
            }

            var mine = (await client.SendAsync(endpoint.Request(Mine, ScopedToken))).StatusCode;
            if (mine is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
            {
                wrong.Add($"{endpoint.Key} on the user's own process → {(int)mine}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public async Task The_process_list_shows_only_the_users_processes()
    {
        await LaunchBothAsync();
        var client = api.CreateClient().Authorize(ScopedToken);

        using var page = JsonDocument.Parse(await client.GetStringAsync("/processes?pageSize=100"));

        var keys = page.RootElement.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Contains(Mine, keys);
        Assert.DoesNotContain(Theirs, keys);
        Assert.Equal(keys.Count, page.RootElement.GetProperty("totalItems").GetInt32());
    }

    [Fact]
    public async Task The_whole_log_is_only_for_users_of_every_process()
    {
        await LaunchBothAsync();
        var client = api.CreateClient().Authorize(ScopedToken);

        var whole = await (await client.GetAsync("/audit/events")).AssertProblemAsync(403);
        Assert.Contains("process=", whole.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await client.GetAsync($"/audit/export?process={Theirs}")).AssertProblemAsync(403);
        await (await client.GetAsync($"/audit/streams/{Theirs}")).AssertProblemAsync(403);

        using var own = JsonDocument.Parse(await client.GetStringAsync($"/audit/events?process={Mine}"));
        Assert.NotEmpty(own.RootElement.GetProperty("items").EnumerateArray());
        Assert.All(own.RootElement.GetProperty("items").EnumerateArray(), e => Assert.StartsWith(Mine, e.GetProperty("streamKey").GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GET", "/audit/verify")]
    [InlineData("GET", "/audit/attestation")]
    [InlineData("GET", "/admin/projections")]
    [InlineData("POST", "/admin/projections/rebuild")]
    [InlineData("POST", "/admin/projections/verify")]
    [InlineData("GET", "/admin/projections/failures")]
    public async Task Operations_on_the_whole_record_are_for_users_of_every_process(string method, string url)
    {
        var client = api.CreateClient().Authorize(ScopedToken);
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "POST" ? JsonContent.Create(new { }) : null };

        var problem = await (await client.SendAsync(request)).AssertProblemAsync(403);

        Assert.Contains("every process", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task LaunchBothAsync()
    {
        var secretariat = new Secretariat(api.CreateClient());
        foreach (var process in new[] { Mine, Theirs })
        {
            if ((await api.CreateClient().GetAsync($"/processes/{process}")).StatusCode == HttpStatusCode.NotFound)
            {
                await secretariat.LaunchProcessAsync(process);
            }
        }
    }
}
