using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Consultation.Tests.Reliability.Crash;

/// <summary>
/// The built service (<c>dotnet Consultation.Api.dll</c>) run as its own process on the test PostgreSQL, in a given schema,
/// listening on a loopback port — so a test can kill it (SIGKILL) or ask it to stop (SIGTERM) as an operating system would.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _lines = new();

    private ServiceProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>The last lines the service wrote, for a failure message.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public static async Task<ServiceProcess> StartAsync(string schema, int port, IReadOnlyDictionary<string, string>? settings = null)
    {
        var info = BuiltService.StartInfo();
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        info.Environment["ConnectionStrings__Consultation"] = await TestDatabase.ConnectionStringAsync();
        info.Environment["Marten__Schema"] = schema;
        info.Environment["Seeds__Enabled"] = "false";
        info.Environment["Authentication__DevelopmentKey"] = TestIdentity.Key;
        info.Environment["Authentication__AllowDevelopmentKey"] = "true";
        info.Environment["Security__WritesPerWindow"] = "1000000";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var service = new ServiceProcess(Process.Start(info)!, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        service._process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        return service;
    }

    public HttpClient NewClient(TimeSpan? timeout = null) =>
        new HttpClient { BaseAddress = Address, Timeout = timeout ?? TimeSpan.FromSeconds(60) }.Authorize(TestIdentity.Everyone());

    /// <summary>Waits until <c>/health/ready</c> answers 200 (database, schema and daemon fine).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = NewClient(TimeSpan.FromSeconds(10));
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            Assert.False(_process.HasExited, $"The service exited with {(_process.HasExited ? _process.ExitCode : 0)}:\n{RecentOutput}");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        Assert.Fail($"The service was not ready within {timeout.TotalSeconds} s:\n{RecentOutput}");
    }

    /// <summary>SIGKILL: the process ends at once, in the middle of whatever it was doing.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a container runtime or systemd stops a service: it should finish in-flight requests and exit.</summary>
    public void Terminate() =>
        Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line.Length > 2000 ? line[..2000] : line);
            while (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }
    }
}
