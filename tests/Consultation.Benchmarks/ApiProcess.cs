using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Consultation.Infrastructure.Security;

namespace Consultation.Benchmarks;

/// <summary>
/// The real API, built in Release, run as its own process on loopback Kestrel against the benchmark database — so start-up
/// time and memory are the service's own, not the benchmark's. Peak memory is the kernel's high-water mark of its resident
/// set (VmHWM), which <see cref="ResetPeakMemory"/> sets back to the current size (clear_refs 5).
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    public const string Key = "BENCHMARK-ONLY development key for the consultation tracker benchmark suite";

    private readonly Process _process;
    private readonly List<string> _output = [];

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public TimeSpan StartUp { get; private set; }

    /// <summary>How soon a moment counts as settled, in the service under test and in the in-process breakdowns alike.</summary>
    public const string SettleSeconds = "60";

    public static string Token() => DevelopmentTokens.Issue(
        new AuthenticationSettings { DevelopmentKey = Key, AllowDevelopmentKey = true },
        "bench", "Benchmark", Roles.All, [ConsultationClaims.AllProcesses], DateTimeOffset.UtcNow, TimeSpan.FromHours(12));

    public static async Task<ApiProcess> StartAsync(string repository, string connectionString, string schema)
    {
        // The API as built with the benchmark (the project reference builds it in the same configuration).
        var configuration = typeof(ApiProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var dll = Path.Combine(repository, "src", "Consultation.Api", "bin", configuration, "net10.0", "Consultation.Api.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the API first (dotnet build -c {configuration}).", dll);
        }

        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ConnectionStrings__Consultation"] = connectionString;
        info.Environment["Marten__Schema"] = schema;
        info.Environment["Seeds__Enabled"] = "false";
        info.Environment["Authentication__Authority"] = string.Empty;
        info.Environment["Authentication__DevelopmentKey"] = Key;
        info.Environment["Authentication__AllowDevelopmentKey"] = "true";
        info.Environment["Security__WritesPerWindow"] = "100000000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";

        // The as-of reads replay the moment halfway through the log, which the 1M stage wrote a few minutes earlier: with the
        // default five minutes it would count as not yet settled, depending on how fast the stages ran, and the "same moment"
        // read would sometimes be computed afresh. No events are written while the reads run, so one minute is safe here.
        info.Environment["Convergence__SettleSeconds"] = SettleSeconds;
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info)!;
        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"));
        // Whatever ends the benchmark, the service goes with it.
        Cleanup.Register(() => KillQuietly(process));
        process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await api.WaitUntilReadyAsync(clock);
        return api;
    }

    public void ThrowIfExited()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"The API exited with {_process.ExitCode}:\n{string.Join('\n', _output)}");
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
            if (_output.Count > 200)
            {
                _output.RemoveAt(0);
            }
        }
    }

    private async Task WaitUntilReadyAsync(Stopwatch clock)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < TimeSpan.FromSeconds(180))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {_process.ExitCode}:\n{string.Join('\n', _output)}");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    StartUp = clock.Elapsed;
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The API was not ready within 180 s:\n{string.Join('\n', _output)}");
    }

    /// <summary>A client as a benchmark uses it: keep-alive connections, as many as there are workers, with a bearer token.</summary>
    public HttpClient Client() => new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        BaseAddress = Address,
        Timeout = TimeSpan.FromMinutes(10),
        DefaultRequestHeaders = { Authorization = new("Bearer", Token()) },
    };

    public long PeakMemoryBytes => Status("VmHWM:");

    public long MemoryBytes => Status("VmRSS:");

    public void ResetPeakMemory() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    private long Status(string field)
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
