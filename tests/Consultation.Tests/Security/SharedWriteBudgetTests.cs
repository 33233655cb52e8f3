using Microsoft.AspNetCore.Hosting;

namespace Consultation.Tests.Security;

/// <summary>One node of two on one schema, three writes a minute per user, the windows in the database (the default).</summary>
public class WriteLimitNodeFactory : ServiceFactory
{
    public WriteLimitNodeFactory()
        : base("sharedbudget")
    {
    }

    protected override IEnumerable<(string Name, string Value)> ExtraSettings =>
        [("Security:WritesPerWindow", "3"), ("Security:WindowSeconds", "60")];

    protected override bool ClientsActForEveryone => false;
}

/// <summary>The second node: the same settings, on the first node's schema instead of its own.</summary>
public sealed class SecondWriteLimitNodeFactory(string schema) : WriteLimitNodeFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Marten:Schema", schema);
    }
}

/// <summary>Two service instances on one schema, as two nodes behind a load balancer.</summary>
public sealed class TwoWriteLimitNodes : IAsyncLifetime
{
    public TwoWriteLimitNodes() => Second = new SecondWriteLimitNodeFactory(First.Schema);

    public WriteLimitNodeFactory First { get; } = new();

    public SecondWriteLimitNodeFactory Second { get; }

    public async Task InitializeAsync()
    {
        await First.InitializeAsync(); // creates the schema; the second starts on it
        await Second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Second).DisposeAsync();
        await ((IAsyncLifetime)First).DisposeAsync();
    }
}

/// <summary>
/// With the windows kept in PostgreSQL (<c>Security:WriteWindows=Database</c>), a user has one budget whatever the node
/// their writes reach: writes on either node count against it, and a burst spread over both nodes gets exactly the budget.
/// </summary>
public sealed class SharedWriteBudgetTests(TwoWriteLimitNodes nodes) : IClassFixture<TwoWriteLimitNodes>
{
    [Fact]
    public async Task Writes_on_either_node_count_against_one_budget()
    {
        var token = TestIdentity.Token("roaming-writer", [AccessMatrix.Secretariat], ["*"]);
        var onFirst = nodes.First.CreateClient().Authorize(token);
        var onSecond = nodes.Second.CreateClient().Authorize(token);

        Assert.Equal(HttpStatusCode.Created, (await onFirst.PostJsonAsync("/stakeholders", Stakeholder("roam-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await onSecond.PostJsonAsync("/stakeholders", Stakeholder("roam-2"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await onFirst.PostJsonAsync("/stakeholders", Stakeholder("roam-3"))).StatusCode);

        var refused = await onSecond.PostJsonAsync("/stakeholders", Stakeholder("roam-4"));
        var problem = await refused.AssertProblemAsync(429);
        Assert.StartsWith("At most 3 writes per 60 s for you", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, refused.Headers.RetryAfter?.ToString());
        await (await onFirst.PostJsonAsync("/stakeholders", Stakeholder("roam-5"))).AssertProblemAsync(429);
        Assert.Equal(HttpStatusCode.NotFound, (await onFirst.GetAsync("/stakeholders/roam-4")).StatusCode);

        var other = nodes.Second.CreateClient().Authorize(TestIdentity.Token("other-writer", [AccessMatrix.Secretariat], ["*"]));
        Assert.Equal(HttpStatusCode.Created, (await other.PostJsonAsync("/stakeholders", Stakeholder("roam-other"))).StatusCode);
    }

    [Fact]
    public async Task A_burst_spread_over_both_nodes_gets_exactly_the_budget()
    {
        var token = TestIdentity.Token("bursting-writer", [AccessMatrix.Secretariat], ["*"]);
        HttpClient[] clients = [nodes.First.CreateClient().Authorize(token), nodes.Second.CreateClient().Authorize(token)];

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => clients[i % 2].PostJsonAsync("/stakeholders", Stakeholder($"burst-{i}"))));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
    }

    private static object Stakeholder(string key) => new { key, kind = "CivilSociety", name = key };
}
