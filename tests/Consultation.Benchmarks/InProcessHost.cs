using Consultation.Infrastructure.EventStore;
using Consultation.Infrastructure.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Consultation.Benchmarks;

/// <summary>
/// The service's event store and command pipeline, hosted in the benchmark process (no HTTP) and started like the service
/// (schema applied, async daemon running), for the Marten and pipeline write targets.
/// </summary>
public static class InProcessHost
{
    public static async Task<IHost> StartAsync(string connectionString, string schema)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Consultation"] = connectionString,
            ["Marten:Schema"] = schema,
            ["Seeds:Enabled"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddConsultationEventStore(Modules.ConfigureStore).AddConsultationPipeline().AddModuleServices();
        // No console lifetime: it would hold Ctrl+C and SIGTERM until the host stops, and this host is never run.
        builder.Services.AddSingleton<IHostLifetime, NoLifetime>();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>A store on a schema with the service's configuration and no daemon: for generating data and rebuilding.</summary>
    public static DocumentStore Store(string connectionString, string schema, Action<StoreOptions>? also = null)
    {
        var options = ConfiguredOptions(connectionString, schema);
        also?.Invoke(options);
        return new(options);
    }

    private sealed class NoLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static StoreOptions ConfiguredOptions(string connectionString, string schema)
    {
        var options = new StoreOptions();
        Modules.ConfigureStore(options, connectionString, schema);
        return options;
    }
}
