using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Consultation.Positions;
using Consultation.Tests.Security;
using Npgsql;
using Xunit.Abstractions;

namespace Consultation.Tests.Platform;

/// <summary>
/// Two nodes of the built service, as separate processes on real ports, on one PostgreSQL schema (issue 26): writes spread
/// over both are each recorded once, the hash chain covers every event once, an Idempotency-Key retried on the other node
/// replays the first answer, a user's write limit holds across nodes, and when the node running the async daemon is
/// killed (SIGKILL) the other takes the projections and the chain over, skipping and repeating nothing. The nodes' output
/// is written to the file named by <c>TWO_NODES_LOG</c>, when set.
/// </summary>
public sealed class TwoNodesTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>How long the surviving node may take to run the daemon after the leader is killed (measured: see deploy/README.md).</summary>
    private static readonly TimeSpan TakeOverBound = TimeSpan.FromSeconds(15);

    private readonly ConcurrentQueue<string> _output = new();
    private readonly List<Process> _nodes = [];

    [Fact]
    public async Task Two_nodes_share_the_record_the_chain_the_keys_and_the_limit_and_one_takes_over_when_the_other_is_killed()
    {
        var clock = Stopwatch.StartNew();
        var connectionString = await TestDatabase.ConnectionStringAsync();
        var schema = TestDatabase.NewSchemaName("twonodes");
        var ports = new[] { FreePort(), FreePort() };
        var nodes = ports.Select(port => Start(connectionString, schema, port)).ToArray();
        var clients = ports.Select(port => new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") }.Authorize(TestIdentity.Everyone())).ToArray();
        await Task.WhenAll(clients.Select((c, i) => WaitUntilReadyAsync(c, nodes[i])));

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: started");
        // Set up on the first node only, so the second has not read the granted budgets before the grant below.
        var steps = new PositionSteps(clients[0]);
        var process = await steps.OpenAsync(Issues);
        var stakeholders = Enumerable.Range(0, 10).Select(i => $"N{(char)('A' + i)}A").ToList();
        foreach (var stakeholder in stakeholders)
        {
            await steps.Secretariat.EnsureStakeholderAsync(stakeholder, regionalGroup: "African");
            await steps.Secretariat.EnsureParticipantAsync(process, "stocktaking-2017", stakeholder);
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: set up");
        // The write limit across nodes: three writes a window for one user, counted wherever they land.
        Assert.Equal(HttpStatusCode.OK, (await clients[0].PutAsJsonAsync(
            "/admin/write-budgets/limited-writer",
            new { writesPerWindow = 3, until = DateTimeOffset.UtcNow.AddHours(1), reason = "Two nodes test" },
            HttpExtensions.Json)).StatusCode);
        var limited = ports.Select(port => new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") }
            .Authorize(TestIdentity.Token("limited-writer", [AccessMatrix.Secretariat], ["*"]))).ToArray();
        for (var i = 0; i < 3; i++)
        {
            var written = await limited[(i + 1) % 2].PostJsonAsync("/stakeholders", new { key = $"limited-{i}", kind = "CivilSociety", name = $"Limited {i}" });
            Assert.True(written.StatusCode == HttpStatusCode.Created, await written.Content.ReadAsStringAsync());
        }

        foreach (var node in limited)
        {
            await (await node.PostJsonAsync("/stakeholders", new { key = "limited-x", kind = "CivilSociety", name = "Limited x" })).AssertProblemAsync(429);
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: limit");
        // Writes spread over both nodes, eight at a time, each with its own Idempotency-Key.
        var statings = stakeholders.SelectMany(s => Issues.Select(issue => (Url: $"/processes/{process}/issues/{issue}/positions", Body: Stating(s), Key: Guid.NewGuid().ToString(), Stream: Position.KeyFor(process, issue, s)))).ToList();
        using var gate = new SemaphoreSlim(8);
        var answers = await Task.WhenAll(statings.Select(async (w, i) =>
        {
            await gate.WaitAsync();
            try
            {
                return await SendKeyedAsync(clients[i % 2], w.Url, w.Body, w.Key);
            }
            finally
            {
                gate.Release();
            }
        }));
        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.Created, $"{(int)a.StatusCode}"));

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: spread");
        // The same key retried on the other node: the first answer, replayed.
        var retried = statings[0];
        var first = answers[0];
        var replay = await SendKeyedAsync(clients[1], retried.Url, retried.Body, retried.Key);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.TryGetValues("Idempotency-Replayed", out var replayed) ? replayed.Single() : null);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());

        // The same revision sent to both nodes with the same ETag: one is written, the other told of the conflict.
        var revised = new List<string>();
        foreach (var stakeholder in stakeholders.Take(5))
        {
            var url = PositionSteps.PositionUrl(process, Issues[0], stakeholder);
            var etag = await steps.Secretariat.ETagAsync(url);
            var both = await Task.WhenAll(clients.Select(c => c.PostJsonAsync($"{url}/revise", Revision, etag)));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], both.Select(r => r.StatusCode).Order());
            revised.Add(Position.KeyFor(process, Issues[0], stakeholder));
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: conflicts");
        var counts = await StreamCounts.OfProcessAsync(connectionString, schema, process);
        Assert.All(statings, w => Assert.Equal(revised.Contains(w.Stream) ? 2 : 1, counts.GetValueOrDefault(w.Stream)));

        // Marten spreads the daemon's shards over the nodes, each on one node (its advisory lock): the node running the
        // hash chain is the one killed, and the other must then run every shard.
        string[] shards = [];
        await Eventually.HoldsAsync(
            async () => (shards = [.. (await ShardsAsync(clients[0])).Concat(await ShardsAsync(clients[1]))]).Contains(ChainShard),
            TimeSpan.FromSeconds(30),
            "a node running the hash chain");
        Assert.Equal(shards.Length, shards.Distinct().Count()); // no shard on both nodes
        var leader = (await ShardsAsync(clients[0])).Contains(ChainShard) ? 0 : 1;
        var survivor = 1 - leader;
        await CaughtUpAsync(clients[survivor], TimeSpan.FromSeconds(60), clients, connectionString);

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: caught up before kill");
        nodes[leader].Kill(); // SIGKILL: no hand-over, its advisory locks go with its connections
        var killedAt = Stopwatch.StartNew();
        var survivorSteps = new PositionSteps(clients[survivor]);
        await survivorSteps.Secretariat.EnsureStakeholderAsync("after-kill", kind: "CivilSociety", regionalGroup: null);
        try
        {
            await Eventually.HoldsAsync(async () => shards.All((await ShardsAsync(clients[survivor])).Contains), TakeOverBound, $"the surviving node runs every shard ({string.Join(", ", shards)})");
        }
        catch (Exception)
        {
            Assert.Fail($"No take-over within {TakeOverBound.TotalSeconds} s. Advisory locks: {await AdvisoryLocksAsync(connectionString)}. "
                + $"Survivor: {await (await clients[survivor].GetAsync("/health/ready")).Content.ReadAsStringAsync()}");
        }

        var tookOver = killedAt.Elapsed;
        await CaughtUpAsync(clients[survivor], TimeSpan.FromSeconds(60), clients, connectionString);
        var caughtUp = killedAt.Elapsed;
        output.WriteLine($"Shards: {string.Join(", ", shards)}. Node {leader} (the chain's) killed; node {survivor} ran every shard after {tookOver.TotalSeconds:0.0} s and was at the head after {caughtUp.TotalSeconds:0.0} s.");

        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: after kill");
        var chain = await (await clients[survivor].GetAsync("/audit/verify")).ReadAsync<JsonElement>();
        Assert.True(chain.GetProperty("intact").GetBoolean(), chain.ToString());
        Assert.Equal(await ScalarAsync<long>(connectionString, $"select count(*) from {schema}.mt_events"), chain.GetProperty("checked").GetInt64());
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: chain");
        // The async statistics count every registered stakeholder once (POST /admin/projections/verify would compare every
        // projection with a rebuild, but takes a minute here: too long for CI).
        var statistics = await (await clients[survivor].GetAsync("/stakeholders/statistics")).ReadAsync<JsonElement>();
        var registered = await (await clients[survivor].GetAsync("/stakeholders?pageSize=1")).ReadAsync<JsonElement>();
        Assert.Equal(registered.GetProperty("totalItems").GetInt64(), statistics.GetProperty("total").GetInt64());
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: statistics checked");
    }

    private static readonly string[] Issues = ["mobility", "returns", "labour", "remittances", "smuggling"];

    private static object Stating(string stakeholder) =>
        new { stakeholder, stance = 1, summary = $"Stated by {stakeholder}", meeting = "stocktaking-2017", statedOn = "2017-12-05" };

    private static readonly object Revision =
        new { stance = 2, summary = "Revised", meeting = "stocktaking-2017", statedOn = "2017-12-06", reason = "New instructions from the capital" };

    private static async Task<HttpResponseMessage> SendKeyedAsync(HttpClient client, string url, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: HttpExtensions.Json) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private const string ChainShard = "AuditChain:All";

    /// <summary>The shards the node's readiness says it runs ("Runs here: …"); none when it stands by or does not answer.</summary>
    private static async Task<IReadOnlyList<string>> ShardsAsync(HttpClient node)
    {
        try
        {
            var health = await (await node.GetAsync("/health/ready")).ReadAsync<JsonElement>();
            var daemon = health.GetProperty("checks").GetProperty("projection-daemon").GetProperty("description").GetString() ?? string.Empty;
            var here = daemon.IndexOf("Runs here: ", StringComparison.Ordinal);
            return here < 0 ? [] : daemon[(here + "Runs here: ".Length)..].TrimEnd('.').Split(", ", StringSplitOptions.RemoveEmptyEntries);
        }
        catch (HttpRequestException)
        {
            return [];
        }
    }

    /// <summary>Every async projection at the head, and the chain with nothing pending; if not in time, what each node runs and who holds which lock.</summary>
    private static async Task CaughtUpAsync(HttpClient node, TimeSpan timeout, HttpClient[] nodes, string connectionString)
    {
        var last = string.Empty;
        try
        {
            await Eventually.HoldsAsync(
                async () =>
                {
                    var overview = await (await node.GetAsync("/admin/projections")).ReadAsync<JsonElement>();
                    var chain = await (await node.GetAsync("/audit/verify")).ReadAsync<JsonElement>();
                    last = $"projections {overview}; chain pending {chain.GetProperty("pending")}";
                    return overview.GetProperty("projections").EnumerateArray().All(p => p.GetProperty("behind").GetInt64() == 0)
                        && chain.GetProperty("pending").GetInt64() == 0;
                },
                timeout,
                "the async projections and the chain at the head");
        }
        catch (Exception)
        {
            var running = string.Join("; ", await Task.WhenAll(nodes.Select(async (n, i) => $"node {i} runs {string.Join(", ", await ShardsAsync(n))}")));
            Assert.Fail($"Not at the head within {timeout.TotalSeconds} s: {last}. {running}. Advisory locks: {await AdvisoryLocksAsync(connectionString)}");
        }
    }

    /// <summary>Who holds which advisory lock doing what: why a shard was not taken over.</summary>
    private static async Task<string> AdvisoryLocksAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select l.objid || ' held by pid ' || l.pid || ' (' || coalesce(a.state, '') || ': ' || coalesce(left(a.query, 100), '') || ')' "
            + "from pg_locks l left join pg_stat_activity a using (pid) where l.locktype = 'advisory'",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return string.Join(" | ", rows);
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private Process Start(string connectionString, string schema, int port)
    {
        var info = BuiltService.StartInfo();
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ConnectionStrings__Consultation"] = connectionString;
        info.Environment["Marten__Schema"] = schema;
        info.Environment["Seeds__Enabled"] = "false";
        info.Environment["Authentication__Authority"] = string.Empty;
        info.Environment["Authentication__DevelopmentKey"] = TestIdentity.Key;
        info.Environment["Authentication__AllowDevelopmentKey"] = "true";
        var process = Process.Start(info)!;
        var name = port.ToString(CultureInfo.InvariantCulture);
        process.OutputDataReceived += (_, line) => _output.Enqueue($"[{name}] {line.Data}");
        process.ErrorDataReceived += (_, line) => _output.Enqueue($"[{name}] {line.Data}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _nodes.Add(process);
        return process;
    }

    private async Task WaitUntilReadyAsync(HttpClient http, Process node)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(node.HasExited, $"A node exited:\n{string.Join('\n', _output)}");
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

        Assert.Fail($"A node did not become ready within 90 s:\n{string.Join('\n', _output)}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("TWO_NODES_LOG") is { Length: > 0 } log)
        {
            File.WriteAllLines(log, _output);
        }

        foreach (var node in _nodes)
        {
            if (!node.HasExited)
            {
                node.Kill();
                node.WaitForExit(10_000);
            }

            node.Dispose();
        }
    }
}
