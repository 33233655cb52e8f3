namespace Consultation.Tests.Audit.Integrity;

/// <summary>
/// Someone with superuser access edits the database directly, triggers off; verification finds the first
/// broken link and says what happened there. Each case tampers with a schema of its own.
/// </summary>
public sealed class TamperingTests
{
    private const string DaemonUnhealthy = "\"projection-daemon\":{\"status\":\"Unhealthy\"";

    [Fact]
    public async Task An_edited_payload_is_reported_at_its_sequence_and_the_command_line_exits_1()
    {
        await using var api = await StartAsync();
        var record = await RecordAsync(api);
        var target = (await record.EventsAsync())[3];
        var intact = await CliRunner.RunAsync(api.Schema, "audit", "verify", "--chain-only");
        Assert.True(intact.ExitCode == 0, intact.ToString());

        await record.TamperAsync($"update {api.Schema}.mt_events set data = data || '{{\"forged\": true}}'::jsonb where seq_id = {target.Sequence}");

        var broken = await FirstBrokenAsync(record);
        AssertBroken(broken, target, "EventChanged");
        Assert.NotEqual(broken.GetProperty("expectedHash").GetString(), broken.GetProperty("foundHash").GetString());
        var cli = await CliRunner.RunAsync(api.Schema, "audit", "verify", "--chain-only");
        Assert.True(cli.ExitCode == 1, cli.ToString());
        Assert.Contains(target.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_event_is_reported_missing()
    {
        await using var api = await StartAsync();
        var record = await RecordAsync(api);
        var target = (await record.EventsAsync())[4];

        await record.TamperAsync($"delete from {api.Schema}.mt_events where seq_id = {target.Sequence}");

        AssertBroken(await FirstBrokenAsync(record), target, "EventMissing");
    }

    [Fact]
    public async Task Two_events_swapped_in_the_sequence_are_reported_at_the_first()
    {
        await using var api = await StartAsync();
        var record = await RecordAsync(api);
        var events = await record.EventsAsync();
        var (first, second) = (events[2], events[5]);

        await record.TamperAsync(
            $"update {api.Schema}.mt_events set seq_id = -1 where seq_id = {first.Sequence}; "
            + $"update {api.Schema}.mt_events set seq_id = {first.Sequence} where seq_id = {second.Sequence}; "
            + $"update {api.Schema}.mt_events set seq_id = {second.Sequence} where seq_id = -1");

        AssertBroken(await FirstBrokenAsync(record), first with { StreamKey = second.StreamKey, Version = second.Version }, "EventReplaced");
    }

    [Fact]
    public async Task An_event_inserted_into_a_gap_is_reported_as_not_chained()
    {
        await using var api = await StartAsync();
        var record = await RecordAsync(api);
        var gap = await record.ConsumeSequenceNumberAsync();
        await new Secretariat(record.Client).TableIssueAsync(record.Process, "epsilon");
        await record.WaitForChainAsync();
        var beforeInsert = await record.GetOkAsync("/audit/verify");
        Assert.True(beforeInsert.GetProperty("intact").GetBoolean(), $"a gap in the sequence is not tampering: {beforeInsert}");
        var copied = (await record.EventsAsync())[1];

        await record.TamperAsync(
            $"insert into {api.Schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, user_name) "
            + $"select {gap}, gen_random_uuid(), stream_id, 999, data, type, timestamp, tenant_id, mt_dotnet_type, user_name "
            + $"from {api.Schema}.mt_events where seq_id = {copied.Sequence}");

        AssertBroken(await FirstBrokenAsync(record), new StoredEvent(gap, copied.StreamKey, 999), "EventNotChained");
    }

    [Fact]
    public async Task An_altered_stored_link_is_told_apart_from_an_altered_event()
    {
        await using var api = await StartAsync();
        var record = await RecordAsync(api);
        var target = (await record.EventsAsync())[3];

        await record.TamperAsync($"update {api.Schema}.mt_audit_chain set link = repeat('f', 64) where seq_id = {target.Sequence}");

        var broken = await FirstBrokenAsync(record);
        AssertBroken(broken, target, "LinkAltered");
        Assert.Equal(new string('f', 64), broken.GetProperty("expectedHash").GetString());
    }

    [Fact]
    public async Task Events_whose_links_were_cut_from_the_end_of_the_chain_are_not_pending_but_broken()
    {
        await using var api = await StartAsync();
        var record = await RecordAsync(api);
        var events = await record.EventsAsync();
        var firstCut = events[^2];

        await record.TamperAsync($"delete from {api.Schema}.mt_audit_chain where seq_id >= {firstCut.Sequence}");

        AssertBroken(await FirstBrokenAsync(record), firstCut, "EventNotChained");
    }

    [Fact]
    public async Task A_chain_that_can_no_longer_be_maintained_makes_the_service_not_ready()
    {
        await using var api = await StartAsync();
        var record = await RecordAsync(api);
        Assert.True((await record.Client.GetAsync("/health/ready")).IsSuccessStatusCode);

        await record.TamperAsync(
            $"create function {api.Schema}.refuse_links() returns trigger language plpgsql as $$ begin raise exception 'no space left'; end $$; "
            + $"create trigger refuse_links before insert on {api.Schema}.mt_audit_chain for each row execute function {api.Schema}.refuse_links()");
        await new Secretariat(record.Client).TableIssueAsync(record.Process, "epsilon");

        var deadline = DateTime.UtcNow.AddSeconds(90);
        string body;
        while (true)
        {
            var ready = await record.Client.GetAsync("/health/ready");
            body = await ready.Content.ReadAsStringAsync();
            if (body.Contains(DaemonUnhealthy, StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(250);
        }

        Assert.Contains(DaemonUnhealthy, body, StringComparison.Ordinal);
    }

    private static async Task<ApiFactory> StartAsync()
    {
        var api = new ApiFactory();
        await ((IAsyncLifetime)api).InitializeAsync();
        return api;
    }

    private static async Task<ChainRecord> RecordAsync(ApiFactory api)
    {
        var record = new ChainRecord(api);
        await record.BuildAsync();
        await record.WaitForChainAsync();
        Assert.True((await record.EventsAsync()).Count > 6);
        return record;
    }

    private static async Task<JsonElement> FirstBrokenAsync(ChainRecord record)
    {
        var verification = await record.GetOkAsync("/audit/verify");
        Assert.False(verification.GetProperty("intact").GetBoolean(), verification.ToString());
        return verification.GetProperty("firstBroken");
    }

    private static void AssertBroken(JsonElement broken, StoredEvent expected, string kind)
    {
        Assert.True(broken.GetProperty("kind").GetString() == kind, broken.ToString());
        Assert.True(broken.GetProperty("sequence").GetInt64() == expected.Sequence, broken.ToString());
        Assert.True(broken.GetProperty("streamKey").GetString() == expected.StreamKey, broken.ToString());
        Assert.True(broken.GetProperty("version").GetInt64() == expected.Version, broken.ToString());
    }
}
