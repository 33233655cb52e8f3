using Consultation.Infrastructure.Database;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Support;

/// <summary>
/// The real service in-process, on the test PostgreSQL, in a schema of its own, in the <c>Testing</c> environment: what every
/// test factory shares. A factory says what differs — seeds, the test signing key, settings, its own database or server.
/// </summary>
public abstract class ServiceFactory(string schemaPrefix) : WebApplicationFactory<Program>, IAsyncLifetime
{
    private string _connectionString = string.Empty;

    static ServiceFactory() => JasperFxEnvironment.AutoStartHost = true;

    /// <summary>The repository's <c>seeds/</c>, which a <see cref="Seeded"/> service loads on start.</summary>
    public static string SeedsDirectory => Path.Combine(RepositoryRoot.Find(AppContext.BaseDirectory)!, "seeds");

    public string Schema { get; } = TestDatabase.NewSchemaName(schemaPrefix);

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public Task<long> CountEventsAsync() => TestDatabase.CountEventsAsync(Schema);

    public virtual async Task InitializeAsync()
    {
        _connectionString = await DatabaseAsync();
        StartServer(); // start the host now, so schema creation is not timed into the first test
    }

    /// <summary>Whether the service loads <see cref="SeedsDirectory"/> on start (<c>Seeds:Enabled</c>).</summary>
    protected virtual bool Seeded => false;

    /// <summary>Whether the service accepts tokens signed with the test key (<see cref="TestIdentity"/>) rather than a provider's.</summary>
    protected virtual bool TrustsTestTokens => true;

    /// <summary>Whether the clients it creates carry a token with every role on every process.</summary>
    protected virtual bool ClientsActForEveryone => true;

    /// <summary>The PostgreSQL the service uses: the shared test server unless a derived factory brings its own.</summary>
    protected virtual Task<string> DatabaseAsync() => TestDatabase.ConnectionStringAsync();

    /// <summary>Settings a derived factory adds for its tests.</summary>
    protected virtual IEnumerable<(string Name, string Value)> ExtraSettings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (TrustsTestTokens)
        {
            TestIdentity.Configure(builder);
        }

        builder.UseSetting("ConnectionStrings:Consultation", _connectionString);
        builder.UseSetting("Marten:Schema", Schema);
        builder.UseSetting("Seeds:Enabled", Seeded ? "true" : "false");
        if (Seeded)
        {
            builder.UseSetting("Seeds:Directory", SeedsDirectory);
        }

        foreach (var (name, value) in ExtraSettings)
        {
            builder.UseSetting(name, value);
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        if (ClientsActForEveryone)
        {
            client.Authorize(TestIdentity.Everyone());
        }
    }

    /// <summary>Stops the service; a factory that holds more (a browser, a provider) disposes of it around this.</summary>
    protected virtual async Task StopAsync() => await DisposeAsync();

    async Task IAsyncLifetime.DisposeAsync() => await StopAsync();
}
