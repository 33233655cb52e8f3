using System.Net.Http.Json;
using System.Net.Sockets;
using Consultation.Infrastructure.Security;
using Consultation.Tests.Meetings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Security;

/// <summary>Three writes a minute per user, a clock the tests move, on a real Kestrel port (connections are what the keep-alive test counts).</summary>
public sealed class ClockedWriteLimitFactory : ServiceFactory
{
    public ClockedWriteLimitFactory()
        : base("budgets") => UseKestrel(0);

    public FakeClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

    protected override IEnumerable<(string Name, string Value)> ExtraSettings =>
        [("Security:WritesPerWindow", "3"), ("Security:WindowSeconds", "60")];

    protected override bool ClientsActForEveryone => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>
/// The write limit tells the real wait (the time left in the user's window, not the whole window), leaves the connection
/// usable after a 429, and takes the budget an administrator granted a user while the grant is valid; grants are events
/// with who, until when and why.
/// </summary>
public sealed class WriteBudgetTests(ClockedWriteLimitFactory api) : IClassFixture<ClockedWriteLimitFactory>
{
    /// <summary>An administrator's token; each test its own, since an administrator's writes count against their budget too (three a minute here).</summary>
    private static string Administrator(string name) => TestIdentity.Token(name, [AccessMatrix.Administrator, AccessMatrix.Auditor], ["*"]);

    [Fact]
    public async Task A_refused_write_is_told_the_time_left_in_its_window()
    {
        var writer = Client("waiting-writer");
        await WriteAsync(writer, 3);

        api.Clock.Now += TimeSpan.FromSeconds(25);
        var refused = await writer.PostJsonAsync("/stakeholders", Stakeholder("wait-x"));

        var problem = await refused.AssertProblemAsync(429);
        Assert.Equal(TimeSpan.FromSeconds(35), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("ends in 35 s", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        api.Clock.Now += TimeSpan.FromSeconds(35);
        Assert.Equal(HttpStatusCode.Created, (await writer.PostJsonAsync("/stakeholders", Stakeholder("wait-y"))).StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task After_a_429_the_same_connection_answers_the_next_request(bool expectContinue)
    {
        var connections = 0;
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = api.Address }.Authorize(TestIdentity.Token($"keep-alive-{expectContinue}", [AccessMatrix.Secretariat], ["*"]));
        await WriteAsync(client, 3, $"keep-{expectContinue}");

        using var write = new HttpRequestMessage(HttpMethod.Post, "/stakeholders") { Content = JsonContent.Create(Stakeholder($"keep-{expectContinue}-x"), options: HttpExtensions.Json) };
        write.Headers.ExpectContinue = expectContinue;
        var refused = await client.SendAsync(write);
        await refused.AssertProblemAsync(429);
        Assert.False(refused.Headers.ConnectionClose ?? false, "the 429 closed the connection");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/stakeholders?pageSize=1")).StatusCode);
        Assert.Equal(1, connections);
    }

    [Fact]
    public async Task A_granted_budget_counts_until_it_ends_and_is_recorded_with_who_granted_it_and_why()
    {
        var admin = Client(Administrator("budget-admin"));
        var until = api.Clock.Now.AddHours(1);
        var granted = await admin.PutAsJsonAsync("/admin/write-budgets/importer", new { writesPerWindow = 5, until, reason = "Importing the online consultation" }, HttpExtensions.Json);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);

        var importer = Client(TestIdentity.Token("importer", [AccessMatrix.Secretariat], ["*"]));
        await WriteAsync(importer, 5, "imp");
        var refused = await (await importer.PostJsonAsync("/stakeholders", Stakeholder("imp-x"))).AssertProblemAsync(429);
        Assert.StartsWith("At most 5 writes per 60 s for you", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var report = await (await admin.GetAsync("/admin/write-budgets")).ReadAsync<JsonElement>();
        Assert.Equal(3, report.GetProperty("configuredWritesPerWindow").GetInt32());
        var grant = Assert.Single(report.GetProperty("inForce").EnumerateArray());
        Assert.Equal("importer", grant.GetProperty("user").GetString());
        Assert.Equal(5, grant.GetProperty("writesPerWindow").GetInt32());
        Assert.Equal("budget-admin", grant.GetProperty("grantedBy").GetString());
        Assert.Equal("Importing the online consultation", grant.GetProperty("reason").GetString());
        Assert.Equal(until, grant.GetProperty("until").GetDateTimeOffset());

        await using (var session = api.Store.QuerySession())
        {
            var recorded = Assert.Single(await session.Events.FetchStreamAsync("admin:write-budgets"), e => e.Data is WriteBudgets.WriteBudgetGranted { User: "importer" });
            Assert.Equal("budget-admin", recorded.UserName);
        }

        api.Clock.Now = until.AddMinutes(1); // the grant has ended: the configured three a window again
        await WriteAsync(importer, 3, "after");
        var after = await (await importer.PostJsonAsync("/stakeholders", Stakeholder("after-x"))).AssertProblemAsync(429);
        Assert.StartsWith("At most 3 writes", after.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty((await (await admin.GetAsync("/admin/write-budgets")).ReadAsync<JsonElement>()).GetProperty("inForce").EnumerateArray());
    }

    [Fact]
    public async Task A_withdrawn_grant_stops_counting_and_stays_in_the_history()
    {
        var admin = Client(Administrator("withdrawing-admin"));
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/admin/write-budgets/withdrawn-importer",
            new { writesPerWindow = 50, until = api.Clock.Now.AddDays(2), reason = "Import" }, HttpExtensions.Json)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostJsonAsync("/admin/write-budgets/withdrawn-importer/withdraw", new { reason = "Import finished" })).StatusCode);
        await (await admin.PostJsonAsync("/admin/write-budgets/withdrawn-importer/withdraw", new { reason = "Again" })).AssertProblemAsync(409);

        var importer = Client(TestIdentity.Token("withdrawn-importer", [AccessMatrix.Secretariat], ["*"]));
        await WriteAsync(importer, 3, "wdr");
        await (await importer.PostJsonAsync("/stakeholders", Stakeholder("wdr-x"))).AssertProblemAsync(429);

        var history = (await (await admin.GetAsync("/admin/write-budgets")).ReadAsync<JsonElement>()).GetProperty("history").EnumerateArray()
            .Where(c => c.GetProperty("user").GetString() == "withdrawn-importer").Select(c => c.GetProperty("change").GetString()).ToList();
        Assert.Equal(["Withdrawn", "Granted"], history);
    }

    [Theory]
    [InlineData("importer", "{\"writesPerWindow\":0,\"until\":\"UNTIL\",\"reason\":\"r\"}", "writesPerWindow")]
    [InlineData("importer", "{\"writesPerWindow\":10,\"until\":\"2001-01-01T00:00:00Z\",\"reason\":\"r\"}", "until")]
    [InlineData("importer", "{\"writesPerWindow\":10,\"until\":\"2027-01-01T00:00:00\",\"reason\":\"r\"}", "until")]
    [InlineData("importer", "{\"writesPerWindow\":10,\"until\":\"UNTIL\"}", "reason")]
    [InlineData("system", "{\"writesPerWindow\":10,\"until\":\"UNTIL\",\"reason\":\"r\"}", "user")]
    [InlineData("a%2Fb", "{\"writesPerWindow\":10,\"until\":\"UNTIL\",\"reason\":\"r\"}", "user")]
    [InlineData("a%20b", "{\"writesPerWindow\":10,\"until\":\"UNTIL\",\"reason\":\"r\"}", "user")]
    public async Task A_grant_that_cannot_be_kept_is_refused_naming_the_field_and_nothing_is_recorded(string user, string body, string field)
    {
        var before = await api.CountEventsAsync();

        body = body.Replace("UNTIL", api.Clock.Now.AddDays(1).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/admin/write-budgets/{user}") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        var problem = await (await Client(Administrator($"refused-admin-{Guid.NewGuid():N}")).SendAsync(request)).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor(field));
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task Only_administrators_of_every_process_grant_budgets()
    {
        var body = new { writesPerWindow = 100, until = api.Clock.Now.AddDays(1), reason = "Self-service" };
        var secretariat = Client(TestIdentity.Token("greedy", [AccessMatrix.Secretariat], ["*"]));
        await (await secretariat.PutAsJsonAsync("/admin/write-budgets/greedy", body, HttpExtensions.Json)).AssertProblemAsync(403);

        var oneProcessAdmin = Client(TestIdentity.Token("local-admin", [AccessMatrix.Administrator], ["gcm"]));
        await (await oneProcessAdmin.PutAsJsonAsync("/admin/write-budgets/greedy", body, HttpExtensions.Json)).AssertProblemAsync(403);
    }

    private HttpClient Client(string tokenOrUser) =>
        new HttpClient { BaseAddress = api.Address }.Authorize(tokenOrUser.Contains('.', StringComparison.Ordinal)
            ? tokenOrUser
            : TestIdentity.Token(tokenOrUser, [AccessMatrix.Secretariat], ["*"]));

    private static async Task WriteAsync(HttpClient client, int count, string prefix = "w")
    {
        for (var i = 0; i < count; i++)
        {
            var response = await client.PostJsonAsync("/stakeholders", Stakeholder($"{prefix}-{Guid.NewGuid():N}"[..30]));
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"write {i + 1}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static object Stakeholder(string key) => new { key = key.ToLowerInvariant(), kind = "CivilSociety", name = key };
}
