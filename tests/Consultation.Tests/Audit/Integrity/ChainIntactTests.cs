using System.Text.Json;
using Consultation.Tests.Support;

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
}
