namespace Consultation.Tests.Audit.Integrity;

/// <summary>An untouched record: every event is chained, the chain verifies, and its head can be attested and checked later.</summary>
public sealed class ChainIntactTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly ChainRecord _record = new(api);

    [Fact]
    public async Task An_untouched_record_verifies_intact_and_the_attestation_is_the_last_event()
    {
        await _record.BuildAsync();
        var attestation = await _record.WaitForChainAsync();
        var events = await _record.EventsAsync();

        Assert.Equal(events[^1].Sequence, attestation.GetProperty("sequence").GetInt64());
        Assert.Equal(events[^1].StreamKey, attestation.GetProperty("streamKey").GetString());
        Assert.Equal("sha256", attestation.GetProperty("algorithm").GetString());
        Assert.Matches("^[0-9a-f]{64}$", attestation.GetProperty("hash").GetString());

        var verification = await _record.GetOkAsync("/audit/verify");
        Assert.True(verification.GetProperty("intact").GetBoolean(), verification.ToString());
        Assert.Equal(events.Count, verification.GetProperty("checked").GetInt64());
        Assert.Equal(JsonValueKind.Null, verification.GetProperty("firstBroken").ValueKind);
        Assert.Equal(attestation.GetProperty("hash").GetString(), verification.GetProperty("head").GetProperty("hash").GetString());
    }

    [Fact]
    public async Task An_attested_head_verifies_while_a_wrong_hash_or_a_missing_sequence_fails()
    {
        await _record.BuildAsync();
        var attestation = await _record.WaitForChainAsync();
        var sequence = attestation.GetProperty("sequence").GetInt64();
        var hash = attestation.GetProperty("hash").GetString()!;
        var wrong = (hash[0] == '0' ? "1" : "0") + hash[1..];

        var right = await _record.GetOkAsync($"/audit/verify?headSequence={sequence}&headHash={hash.ToUpperInvariant()}");
        Assert.True(right.GetProperty("intact").GetBoolean(), right.ToString());
        Assert.True(right.GetProperty("attested").GetProperty("matches").GetBoolean(), right.ToString());

        var tampered = await _record.GetOkAsync($"/audit/verify?headSequence={sequence}&headHash={wrong}");
        Assert.False(tampered.GetProperty("intact").GetBoolean(), tampered.ToString());
        Assert.False(tampered.GetProperty("attested").GetProperty("matches").GetBoolean(), tampered.ToString());
        Assert.Equal(hash, tampered.GetProperty("attested").GetProperty("foundHash").GetString());
        Assert.Equal(JsonValueKind.Null, tampered.GetProperty("firstBroken").ValueKind);

        var gone = await _record.GetOkAsync($"/audit/verify?headSequence={sequence + 1000}&headHash={hash}");
        Assert.False(gone.GetProperty("intact").GetBoolean(), gone.ToString());
        Assert.False(gone.GetProperty("attested").GetProperty("matches").GetBoolean(), gone.ToString());
    }

    [Theory]
    [InlineData("headSequence=abc&headHash=00", "headSequence")]
    [InlineData("headSequence=3", "headHash")]
    [InlineData("headHash=" + "ab", "headSequence")]
    [InlineData("headSequence=0&headHash=" + "0000000000000000000000000000000000000000000000000000000000000000", "headSequence")]
    [InlineData("headSequence=3&headHash=" + "zz00000000000000000000000000000000000000000000000000000000000000", "headHash")]
    public async Task A_malformed_attested_head_is_a_400_naming_the_parameter(string queryString, string field)
    {
        var problem = await (await _record.Client.GetAsync($"/audit/verify?{queryString}")).AssertProblemAsync(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task The_service_is_ready_while_the_chain_is_maintained()
    {
        await _record.BuildAsync();
        await _record.WaitForChainAsync();
        var response = await _record.Client.GetAsync("/health/ready");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_command_line_attests_the_head_and_verifies_against_it()
    {
        await _record.BuildAsync();
        var attestation = await _record.WaitForChainAsync();
        var sequence = attestation.GetProperty("sequence").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hash = attestation.GetProperty("hash").GetString()!;

        var attest = await CliRunner.RunAsync(api.Schema, "audit", "attest", "--json");
        Assert.True(attest.ExitCode == 0, attest.ToString());
        var printed = PrintedJson(attest.Output);
        Assert.True(printed.GetProperty("sequence").GetInt64() >= attestation.GetProperty("sequence").GetInt64(), attest.ToString());

        var verified = await CliRunner.RunAsync(api.Schema, "audit", "verify", "--chain-only", "--head-sequence", sequence, "--head-hash", hash);
        Assert.True(verified.ExitCode == 0, verified.ToString());
        Assert.Contains("intact", verified.Output, StringComparison.Ordinal);

        var wrong = await CliRunner.RunAsync(api.Schema, "audit", "verify", "--chain-only", "--json", "--head-sequence", sequence, "--head-hash", new string('a', 64));
        Assert.True(wrong.ExitCode == 1, wrong.ToString());
        Assert.False(PrintedJson(wrong.Output).GetProperty("attested").GetProperty("matches").GetBoolean());

        var malformed = await CliRunner.RunAsync(api.Schema, "audit", "verify", "--chain-only", "--head-sequence", sequence);
        Assert.True(malformed.ExitCode == 2, malformed.ToString());
        Assert.Contains("--head-hash", malformed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_auditor_can_recompute_the_head_with_sql_alone_as_the_readme_shows()
    {
        await _record.BuildAsync();
        var attestation = await _record.WaitForChainAsync();

        var recomputed = await _record.QueryScalarAsync(IndependentRecomputation.Replace("consultation.", $"{api.Schema}.", StringComparison.Ordinal));

        Assert.Equal(attestation.GetProperty("hash").GetString(), recomputed);
    }

    /// <summary>Audit/README.md's recomputation of the chain head from mt_events, with nothing but SQL.</summary>
    private const string IndependentRecomputation = """
        with recursive e as (
          select row_number() over (order by seq_id) as n, seq_id, convert_to(
              octet_length(seq_id::text) || ':' || seq_id::text || ','
           || octet_length(stream_id) || ':' || stream_id || ','
           || octet_length(version::text) || ':' || version::text || ','
           || octet_length(type) || ':' || type || ','
           || '27:' || to_char(timestamp at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || ','
           || octet_length(coalesce(user_name, '')) || ':' || coalesce(user_name, '') || ','
           || octet_length(coalesce(correlation_id, '')) || ':' || coalesce(correlation_id, '') || ','
           || octet_length(coalesce(causation_id, '')) || ':' || coalesce(causation_id, '') || ','
           || octet_length(coalesce(headers::text, '')) || ':' || coalesce(headers::text, '') || ','
           || octet_length(data::text) || ':' || data::text || ',', 'UTF8') as canonical
          from consultation.mt_events),
        chain (n, seq_id, link) as (
          select 0::bigint, 0::bigint, decode(repeat('00', 32), 'hex')
          union all
          select e.n, e.seq_id, sha256(chain.link || e.canonical) from chain join e on e.n = chain.n + 1)
        select encode(link, 'hex') from chain order by n desc limit 1
        """;

    /// <summary>The JSON document a command printed (JasperFx writes its command discovery lines to stdout first).</summary>
    private static JsonElement PrintedJson(string output) => JsonDocument.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
}
