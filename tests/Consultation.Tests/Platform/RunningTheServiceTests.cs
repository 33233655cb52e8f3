using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using Consultation.Infrastructure.Database;

namespace Consultation.Tests.Platform;

/// <summary>
/// README command 1, as a user runs it: the built service with no connection string creates its
/// private cluster, applies the schema, loads the seeds, serves on 127.0.0.1, and keeps its data
/// across a restart.
/// </summary>
public sealed class RunningTheServiceTests : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
    private readonly string _dataRoot = Path.Combine(Path.GetTempPath(), "consultation-run-" + Guid.NewGuid().ToString("N")[..8]);

    [SkippableFact]
    public async Task The_service_runs_on_its_private_cluster_with_seeds_and_keeps_data_across_restarts()
    {
        Skip.If(PostgresBinaries.Search() is null, "No PostgreSQL server programs on this machine.");
        var repository = RepositoryRoot.Find(AppContext.BaseDirectory)!;
        var pgPort = FreePort();
        var httpPort = FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") }.Authorize(TestIdentity.Everyone());

        using (var service = Start(repository, pgPort, httpPort))
        {
            await WaitUntilReadyAsync(http, service);
            await AssertPrintedAsync($"Consultation Tracker is serving http://127.0.0.1:{httpPort}  (API reference http://127.0.0.1:{httpPort}/scalar");
            await AssertPrintedAsync($"Dashboard pages: http://127.0.0.1:{httpPort}/ui  (development sign-in: http://127.0.0.1:{httpPort}/ui/sign-in)");
            var seeded = await http.GetAsync("/stakeholders/MEX");
            Assert.Equal(HttpStatusCode.OK, seeded.StatusCode);
            var registered = await http.PostAsJsonAsync("/stakeholders", new { key = "iom", kind = "IntergovernmentalOrganization", name = "International Organization for Migration" });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            await StopAsync(service);
        }

        using (var again = Start(repository, pgPort, httpPort))
        {
            await WaitUntilReadyAsync(http, again);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/stakeholders/iom")).StatusCode);
            var list = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/stakeholders?kind=MemberState", HttpExtensions.Json);
            Assert.True(list.GetProperty("totalItems").GetInt64() >= 5, "the seeds are loaded once, not duplicated");
            Assert.Equal(list.GetProperty("items").GetArrayLength(), list.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetString()).Distinct().Count());
            await StopAsync(again);
        }
    }

    private Process Start(string repository, int pgPort, int httpPort)
    {
        var info = BuiltService.StartInfo();
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}";
        info.Environment["ConnectionStrings__Consultation"] = string.Empty;
        info.Environment["EmbeddedPostgres__Directory"] = _dataRoot;
        info.Environment["EmbeddedPostgres__Port"] = pgPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["Seeds__Directory"] = Path.Combine(repository, "seeds");
        info.Environment["Authentication__DevelopmentKey"] = TestIdentity.Key;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, line) => _output.Enqueue(line.Data ?? string.Empty);
        process.ErrorDataReceived += (_, line) => _output.Enqueue(line.Data ?? string.Empty);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilReadyAsync(HttpClient http, Process service)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(service.HasExited, $"The service exited with {(service.HasExited ? service.ExitCode : 0)}");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        Assert.Fail("The service did not become ready within 90 s.");
    }

    /// <summary>The start-up banner is printed once the service has started (logged, so it may trail readiness a little).</summary>
    private async Task AssertPrintedAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!_output.Any(line => line.Contains(text, StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(_output.Any(line => line.Contains(text, StringComparison.Ordinal)), $"Not printed: {text}\n{string.Join('\n', _output)}");
    }

    /// <summary>Ctrl+C: a graceful stop that also stops the private cluster.</summary>
    private static async Task StopAsync(Process service)
    {
        Process.Start("kill", ["-INT", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await service.WaitForExitAsync(timeout.Token);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        var data = Path.Combine(_dataRoot, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")) && PostgresBinaries.Search() is { } bin)
        {
            // The service failed mid-way: do not leave a server running.
            var asRoot = Environment.UserName == "root";
            Process.Start(asRoot ? "runuser" : Path.Combine(bin, "pg_ctl"),
                asRoot ? ["-u", "postgres", "--", Path.Combine(bin, "pg_ctl"), "stop", "-D", data, "-m", "immediate"] : ["stop", "-D", data, "-m", "immediate"])!.WaitForExit();
        }

        if (Directory.Exists(_dataRoot))
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
    }
}
