using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Support;

/// <summary>The real service over the real HTTP pipeline, on the test PostgreSQL, in a schema of its own.</summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _connectionString = string.Empty;

    static ApiFactory() => JasperFxEnvironment.AutoStartHost = true;

    public string Schema { get; } = TestDatabase.NewSchemaName("api");

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        _connectionString = await DatabaseAsync();
        _ = Server; // start the host now, so schema creation is not timed into the first test
    }

    public Task<long> CountEventsAsync() => TestDatabase.CountEventsAsync(Schema);

    /// <summary>The PostgreSQL the service uses: the shared test server unless a derived factory brings its own.</summary>
    protected virtual Task<string> DatabaseAsync() => TestDatabase.ConnectionStringAsync();

    /// <summary>Settings a derived factory adds for its tests.</summary>
    protected virtual IEnumerable<(string Name, string Value)> ExtraSettings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        TestIdentity.Configure(builder);
        builder.UseSetting("ConnectionStrings:Consultation", _connectionString);
        builder.UseSetting("Marten:Schema", Schema);
        builder.UseSetting("Seeds:Enabled", "false");
        foreach (var (name, value) in ExtraSettings)
        {
            builder.UseSetting(name, value);
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.Authorize(TestIdentity.Everyone());
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
