using Microsoft.Extensions.Hosting;

namespace Consultation.Benchmarks;

/// <summary>
/// What the scenarios share. Two schemas keep the two service instances apart (each runs its own async daemon):
/// <see cref="DataSchema"/> holds the synthetic data the external API process reads and its HTTP writes;
/// <see cref="InProcessSchema"/> the writes of the in-process host (Marten and pipeline targets).
/// </summary>
public sealed class BenchContext(BenchOptions options, BenchDatabase database, string repository, Report report, IHost host, DocumentStore dataStore)
{
    public const string DataSchema = "bench_data";
    public const string InProcessSchema = "bench_inproc";

    public BenchOptions Options { get; } = options;

    public BenchDatabase Database { get; } = database;

    public string Repository { get; } = repository;

    public Report Report { get; } = report;

    public IHost Host { get; } = host;

    public IDocumentStore InProcessStore => (IDocumentStore)Host.Services.GetService(typeof(IDocumentStore))!;

    /// <summary>The data schema through a store of the benchmark's own (no daemon): to generate, to look up, to rebuild.</summary>
    public DocumentStore DataStore { get; } = dataStore;

    /// <summary>Makes the processes a run creates unique, so a run can reuse a server's data sets.</summary>
    public string RunId { get; } = DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

    public ApiProcess? Api { get; set; }

    public Task<ApiProcess> StartApiAsync() => ApiProcess.StartAsync(Repository, Database.ConnectionString, DataSchema);
}
