namespace Consultation.Tests.Reliability.Outage;

/// <summary>The service on a PostgreSQL of its own that a test can stop and start, with short database timeouts.</summary>
public sealed class OutageApiFactory : IAsyncLifetime
{
    public const int CommandTimeoutSeconds = 10;
    public const int ConnectTimeoutSeconds = 10;

    /// <summary>Set when the machine has neither a Docker engine nor PostgreSQL programs to start a database of the test's own.</summary>
    public bool NoDatabaseOfItsOwn => Database is null;

    /// <summary>A container, or a private cluster where the run uses no containers (<see cref="MovablePostgres.ForThisRun"/>).</summary>
    public MovablePostgres? Database { get; private set; }

    public ServiceOnOwnDatabase Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Support.TestDatabase.ConnectionStringAsync();
        Database = MovablePostgres.ForThisRun();
        if (Database is null)
        {
            return;
        }

        await Database.StartAsync();
        Api = new ServiceOnOwnDatabase(Database.ConnectionString);
        await Api.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (Database is null)
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
