using System.Net.Sockets;
using Consultation.Infrastructure.Database;
using Microsoft.Extensions.Logging.Abstractions;
using Testcontainers.PostgreSql;

namespace Consultation.Tests.Reliability.Outage;

/// <summary>
/// A PostgreSQL of a test's own that keeps its address when stopped and started again (the service's connection string
/// stays valid across the outage), its data surviving a stop: a container bound to a fixed host port where containers are
/// used, else a private cluster of the machine's PostgreSQL programs in a temporary directory.
/// </summary>
public abstract class MovablePostgres : IAsyncDisposable
{
    public abstract string ConnectionString { get; }

    public abstract Task StartAsync();

    /// <summary>Stops the server (a fast shutdown: sessions are ended, new connections refused) keeping its data.</summary>
    public abstract Task StopAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary>A container where the run uses containers, else a private cluster (null when the machine has no PostgreSQL programs).</summary>
    public static MovablePostgres? ForThisRun() =>
        TestDatabase.UsesContainers ? new InContainer() : PostgresBinaries.Search() is null ? null : new InPrivateCluster();

    protected static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class InContainer : MovablePostgres
    {
        private readonly PostgreSqlContainer _container = new PostgreSqlBuilder(
            Environment.GetEnvironmentVariable(TestDatabase.ImageVariable) is { Length: > 0 } configured ? configured : TestDatabase.DefaultImage)
            .WithPortBinding(FreePort(), 5432)
            .Build();

        public override string ConnectionString => _container.GetConnectionString();

        public override Task StartAsync() => _container.StartAsync();

        public override Task StopAsync() => _container.StopAsync();

        public override ValueTask DisposeAsync() => _container.DisposeAsync();
    }

    private sealed class InPrivateCluster : MovablePostgres
    {
        private readonly string _root = Directory.CreateTempSubdirectory("consultation-outage-").FullName;
        private readonly EmbeddedPostgres _cluster;
        private string? _connectionString;

        public InPrivateCluster() => _cluster = new EmbeddedPostgres(new EmbeddedPostgresOptions(_root, FreePort(), null), NullLogger<EmbeddedPostgres>.Instance);

        public override string ConnectionString => _connectionString ?? throw new InvalidOperationException("The cluster has not been started.");

        public override Task StartAsync() => Task.Run(() => _connectionString = _cluster.Start());

        public override Task StopAsync() => Task.Run(_cluster.Stop);

        public override ValueTask DisposeAsync()
        {
            _cluster.Stop();
            Directory.Delete(_root, recursive: true);
            return ValueTask.CompletedTask;
        }
    }
}
