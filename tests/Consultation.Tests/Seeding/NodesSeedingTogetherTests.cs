using Microsoft.AspNetCore.Hosting;

namespace Consultation.Tests.Seeding;

/// <summary>
/// Nodes started together on an empty database (<c>docker compose up --scale api=2</c>) all load the seeds on start. Found
/// by running two: both found a stakeholder missing, the second's registration was refused, and that node stopped.
/// </summary>
public sealed class NodesSeedingTogetherTests
{
    [Fact]
    public async Task Nodes_started_together_on_an_empty_database_all_start_and_the_seeds_are_written_once()
    {
        await using var first = new SeededNode();
        await using var second = new SeededNode(first.Schema);
        await using var third = new SeededNode(first.Schema);

        await Task.WhenAll(new[] { first, second, third }.Select(node => Task.Run(node.InitializeAsync)));

        foreach (var node in new[] { first, second, third })
        {
            Assert.Equal(HttpStatusCode.OK, (await node.CreateClient().GetAsync("/stakeholders/MEX")).StatusCode);
        }

        await using var query = first.Store.QuerySession();
        Assert.Single(await query.Events.FetchStreamAsync("MEX"));
        var loadedOnce = await first.CountEventsAsync();
        await using var fourth = new SeededNode(first.Schema);
        await fourth.InitializeAsync();
        Assert.Equal(loadedOnce, await first.CountEventsAsync());
    }

    private sealed class SeededNode(string? schema = null) : ServiceFactory("seedrace")
    {
        public new string Schema => schema ?? base.Schema;

        protected override bool Seeded => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Marten:Schema", Schema);
        }
    }
}
