using Consultation.Infrastructure.Database;
using Consultation.Tests.Support;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Seeding;

/// <summary>The service started fresh with <c>Seeds:Enabled=true</c> on the repository's <c>seeds/</c>, in a schema of its own.</summary>
public sealed class SeededApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _connectionString = string.Empty;

    static SeededApiFactory() => JasperFxEnvironment.AutoStartHost = true;

    public static string SeedsDirectory => Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory)!, "seeds");

    public string Schema { get; } = TestDatabase.NewSchemaName("seeded");

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabase.ConnectionStringAsync();
        _ = Server;
    }

    public Task<long> CountEventsAsync() => TestDatabase.CountEventsAsync(Schema);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        TestIdentity.Configure(builder);
        builder.UseSetting("ConnectionStrings:Consultation", _connectionString);
        builder.UseSetting("Marten:Schema", Schema);
        builder.UseSetting("Seeds:Enabled", "true");
        builder.UseSetting("Seeds:Directory", SeedsDirectory);
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.Authorize(TestIdentity.Everyone());
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
