namespace Consultation.Tests.Reliability.Outage;

/// <summary>The service on a PostgreSQL of its own that a test can stop and start, with short database timeouts.</summary>
public sealed class OutageApiFactory : IAsyncLifetime
{
    public const int CommandTimeoutSeconds = 10;
    public const int ConnectTimeoutSeconds = 10;

    /// <summary>
    /// Set when the run does not use containers (an existing server named by <c>CONSULTATION_TEST_DB</c>, which is not the
    /// test's to stop, or the private cluster where no Docker engine answers).
    /// </summary>
    public static bool NoContainers => !Support.TestDatabase.UsesContainers;

    /// <summary>Made only where containers are used: building a container asks the Docker engine.</summary>
    public MovablePostgres Database { get; private set; } = null!;

    public ServiceOnOwnDatabase Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Support.TestDatabase.ConnectionStringAsync();
        if (NoContainers)
        {
            return;
        }

        Database = new MovablePostgres();
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
