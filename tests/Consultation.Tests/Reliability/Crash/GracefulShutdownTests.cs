using System.Globalization;
using Consultation.Tests.Reliability.Outage;
using Npgsql;
using Xunit.Abstractions;

namespace Consultation.Tests.Reliability.Crash;

/// <summary>
/// SIGTERM while a request is in flight. A batch the service is writing (held up in the database by a lock the test holds)
/// must be finished, recorded and answered before the process exits cleanly; a request whose body is still arriving is
/// refused with 503 and writes nothing (Kestrel stops reading bodies when it stops), never a 500.
/// </summary>
public sealed class GracefulShutdownTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_batch_being_written_at_SIGTERM_is_finished_recorded_and_answered_before_the_service_exits()
    {
        var (service, schema, client, process) = await StartAsync("TRM");
        await using var _ = service;
        var batch = KeyedWrite.Batch(process, "TRM");
        await using var database = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await database.OpenAsync();
        var hold = await database.BeginTransactionAsync();
        await Sql(database, $"lock table {schema}.mt_events in share mode").ExecuteNonQueryAsync();

        var answer = client.PostAsync(batch.Url, JsonContent(batch));
        try
        {
            await Eventually.HoldsAsync(
                async () => answer.IsCompleted
                    ? throw new Xunit.Sdk.XunitException($"The batch was answered before it reached the events table: {await DescribeAsync(answer)}")
                    : (long)(await Sql(database, $"select count(*) from pg_locks where not granted and relation = '{schema}.mt_events'::regclass").ExecuteScalarAsync())! > 0,
                TimeSpan.FromSeconds(30),
                "The batch never reached the database (still unanswered after 30 s).");
        }
        catch (Xunit.Sdk.XunitException e)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\nThe service's output:\n{service.RecentOutput}");
        }
        var asked = DateTime.UtcNow;
        service.Terminate();
        await Task.Delay(1000);
        var waitedForTheRequest = !service.HasExited;
        await hold.CommitAsync();
        using var response = await answer;
        var exited = await service.WaitForExitAsync(ShutdownTimeout + TimeSpan.FromSeconds(15));
        output.WriteLine($"SIGTERM with a batch waiting in the database: still running 1 s later: {waitedForTheRequest}; the batch answered {(int)response.StatusCode}; "
            + $"exited {(exited ? $"with code {service.ExitCode} {(DateTime.UtcNow - asked).TotalSeconds:0.0} s after the signal" : "not at all")}.");

        Assert.True(waitedForTheRequest, $"The service exited without finishing the request in flight:\n{service.RecentOutput}");
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.True(exited, $"The service did not exit after SIGTERM:\n{service.RecentOutput}");
        Assert.True(service.ExitCode == 0, $"Exit code {service.ExitCode}:\n{service.RecentOutput}");
        var counts = await StreamCounts.OfProcessAsync(await TestDatabase.ConnectionStringAsync(), schema, process);
        Assert.All(batch.Streams, s => Assert.Equal(1, counts.GetValueOrDefault(s)));
    }

    [Fact]
    public async Task A_request_whose_body_is_still_arriving_at_SIGTERM_is_refused_503_and_writes_nothing()
    {
        var (service, schema, client, process) = await StartAsync("TRB");
        await using var _ = service;
        var batch = KeyedWrite.Batch(process, "TRB");
        var body = new HeldBackContent(JsonSerializer.SerializeToUtf8Bytes(batch.Body, HttpExtensions.Json));

        var answer = client.PostAsync(batch.Url, body);
        await body.FirstHalfSent.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(500); // the server has the headers and half the body
        service.Terminate();
        await Task.Delay(1000);
        body.Release(); // the client sends the rest only now (it reads no answer before its body is sent)
        HttpResponseMessage? response = null;
        try
        {
            response = await answer.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (HttpRequestException)
        {
            // the connection closed without an answer: acceptable, a client resends
        }

        var exited = await service.WaitForExitAsync(ShutdownTimeout + TimeSpan.FromSeconds(15));
        output.WriteLine($"SIGTERM with a body half sent: answered {(response is null ? "nothing (connection closed)" : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}")}; exited {exited}.");

        Assert.True(response is null || (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null),
            response is null ? string.Empty : $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.True(exited && service.ExitCode == 0, $"Exited: {exited}:\n{service.RecentOutput}");
        var counts = await StreamCounts.OfProcessAsync(await TestDatabase.ConnectionStringAsync(), schema, process);
        Assert.All(batch.Streams, s => Assert.Equal(0, counts.GetValueOrDefault(s)));
    }

    private static async Task<(ServiceProcess Service, string Schema, HttpClient Client, string Process)> StartAsync(string stakeholder)
    {
        var schema = TestDatabase.NewSchemaName("sigterm");
        var service = await ServiceProcess.StartAsync(
            schema, ServiceProcess.FreePort(), new Dictionary<string, string> { ["Shutdown__TimeoutSeconds"] = ((int)ShutdownTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture) });
        await service.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        var client = service.NewClient();
        var secretariat = new Secretariat(client);
        var (process, _) = await secretariat.OpenStocktakingAsync(KeyedWrite.Issues);
        await secretariat.EnsureStakeholderAsync(stakeholder, regionalGroup: "African");
        await secretariat.EnsureParticipantAsync(process, "stocktaking-2017", stakeholder);
        return (service, schema, client, process);
    }

    private static StringContent JsonContent(KeyedWrite write) =>
        new(JsonSerializer.Serialize(write.Body, HttpExtensions.Json), System.Text.Encoding.UTF8, "application/json");

    private static NpgsqlCommand Sql(NpgsqlConnection connection, string sql) => new(sql, connection);

    private static async Task<string> DescribeAsync(Task<HttpResponseMessage> answer) =>
        answer.IsCompletedSuccessfully ? $"{(int)answer.Result.StatusCode} {await answer.Result.Content.ReadAsStringAsync()}" : answer.Exception?.GetBaseException().Message ?? "cancelled";
}
