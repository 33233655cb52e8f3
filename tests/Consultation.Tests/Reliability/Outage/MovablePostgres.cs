using System.Net;
using System.Net.Sockets;
using Consultation.Tests.Support;
using Testcontainers.PostgreSql;

namespace Consultation.Tests.Reliability.Outage;

/// <summary>
/// A PostgreSQL container of a test's own, bound to a fixed host port so it keeps its address when stopped and started
/// again (the service's connection string stays valid across the outage). Its data survives a stop.
/// </summary>
public sealed class MovablePostgres : IAsyncDisposable
{
    private readonly PostgreSqlContainer _container;

    public MovablePostgres()
    {
        var image = Environment.GetEnvironmentVariable(TestDatabase.ImageVariable) is { Length: > 0 } configured ? configured : TestDatabase.DefaultImage;
        _container = new PostgreSqlBuilder(image).WithPortBinding(FreePort(), 5432).Build();
    }

    public string ConnectionString => _container.GetConnectionString();

    public Task StartAsync() => _container.StartAsync();

    /// <summary>Stops the server (a fast shutdown: sessions are ended, new connections refused) without removing it.</summary>
    public Task StopAsync() => _container.StopAsync();

    public ValueTask DisposeAsync() => _container.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
