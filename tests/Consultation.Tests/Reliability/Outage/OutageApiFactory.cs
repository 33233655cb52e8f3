namespace Consultation.Tests.Reliability.Outage;

/// <summary>The service on a PostgreSQL of its own that a test can stop and start, with short database timeouts.</summary>
public sealed class OutageApiFactory : IAsyncLifetime
{
    public const int CommandTimeoutSeconds = 10;
    public const int ConnectTimeoutSeconds = 10;

    /// <summary>
    /// Set when the tests run against an existing server (<c>CONSULTATION_TEST_DB</c>): there may be no container engine,
    /// and that server is not the test's to stop.
    /// </summary>
    public static readonly bool NoContainers = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Support.TestDatabase.ConnectionStringVariable));

    public MovablePostgres Database { get; } = new();

    public ServiceOnOwnDatabase Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (NoContainers)
        {
            return;
        }

        await Database.StartAsync();
        Api = new ServiceOnOwnDatabase(Database.ConnectionString);
        await Api.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (NoContainers)
        {
            return;
        }

        await Api.DisposeAsync();
        await Database.DisposeAsync();
    }

    public sealed class ServiceOnOwnDatabase(string connectionString) : ReliabilityApiFactory
    {
        public string ConnectionString => connectionString;

        protected override Task<string> DatabaseAsync() => Task.FromResult(connectionString);

        protected override IEnumerable<(string Name, string Value)> ExtraSettings =>
        [
            .. base.ExtraSettings,
            ("Database:CommandTimeoutSeconds", CommandTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Database:ConnectTimeoutSeconds", ConnectTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
    }
}
