using Consultation.Tests.Support;
using JasperFx.CommandLine;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Meetings;

/// <summary>
/// The real service on the test PostgreSQL (a schema of its own), like <see cref="ApiFactory"/>, with a clock the tests
/// set and a late-entry grace period of <see cref="GraceDays"/> days (not the default 14, to show the setting is read).
/// </summary>
public sealed class MeetingsApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int GraceDays = 10;

    private string _connectionString = string.Empty;

    static MeetingsApiFactory() => JasperFxEnvironment.AutoStartHost = true;

    public string Schema { get; } = TestDatabase.NewSchemaName("meetings");

    /// <summary>The service's clock; starts on the first day of the 2017 stocktaking meeting.</summary>
    public FakeClock Clock { get; } = new(new DateTimeOffset(2017, 12, 4, 9, 0, 0, TimeSpan.Zero));

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabase.ConnectionStringAsync();
        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        TestIdentity.Configure(builder);
        builder.UseSetting("ConnectionStrings:Consultation", _connectionString);
        builder.UseSetting("Marten:Schema", Schema);
        builder.UseSetting("Seeds:Enabled", "false");
        builder.UseSetting("Meetings:LateEntryGraceDays", GraceDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.Authorize(TestIdentity.Everyone());
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}

/// <summary>The meetings API test classes share one service and schema; each test uses its own process key.</summary>
[CollectionDefinition(Name)]
public sealed class MeetingsApiCollection : ICollectionFixture<MeetingsApiFactory>
{
    public const string Name = "Meetings API";
}
