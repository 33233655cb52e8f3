using Consultation.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Audit;

/// <summary>A failed append leaves Marten's placeholders for the sequence numbers it reserved: labelled in the log and the exports.</summary>
public sealed class ReservedSequenceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Sequences_a_failed_append_reserved_are_listed_as_reserved_and_belong_to_no_process()
    {
        var client = api.CreateClient();
        var key = $"audit:reserved-test-{Guid.NewGuid():N}";
        var store = api.Services.GetRequiredService<IDocumentStore>();
        await using (var failing = store.LightweightSession())
        {
            // Two sequence numbers are taken by the append, then the same transaction fails after it.
            failing.Events.StartStream(key, Exported(), Exported());
            failing.QueueSqlCommand("select 1 / 0");
            await Assert.ThrowsAnyAsync<Exception>(() => failing.SaveChangesAsync());
        }

        Assert.False(await AuditStreamExistsAsync(client, key));

        var reserved = await ItemsAsync(client, "/audit/events?streamKind=reserved&limit=1000");
        Assert.True(reserved.Length >= 2, $"{reserved.Length} reserved sequences listed");
        Assert.All(reserved, e =>
        {
            Assert.Equal("mt_tombstone", e.GetProperty("streamKey").GetString());
            Assert.Equal("tombstone", e.GetProperty("type").GetString());
            Assert.Equal(ReservedSequences.Label, e.GetProperty("note").GetString());
        });
        var reservedSequence = reserved[^1].GetProperty("sequence").GetInt64();
        var everything = await ItemsAsync(client, $"/audit/events?afterSequence={reservedSequence - 1}&limit=1");
        Assert.Equal(ReservedSequences.Label, Assert.Single(everything).GetProperty("note").GetString());
        var csv = await client.GetStringAsync($"/audit/export?format=csv&afterSequence={reservedSequence - 1}");
        var row = csv.Split("\r\n")[1];
        Assert.StartsWith($"{reservedSequence},mt_tombstone,", row, StringComparison.Ordinal);
        Assert.EndsWith(",\"" + ReservedSequences.Label + "\"", row, StringComparison.Ordinal);
        var stakeholders = await ItemsAsync(client, "/audit/events?streamKind=stakeholder&limit=1000");
        Assert.DoesNotContain(stakeholders, e => e.GetProperty("streamKey").GetString() == "mt_tombstone");
        Assert.All(stakeholders, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("note").ValueKind));
    }

    private static async Task<bool> AuditStreamExistsAsync(HttpClient client, string key) =>
        (await client.GetAsync($"/audit/streams/{key}")).IsSuccessStatusCode;

    private static AuditExported Exported() =>
        new("ndjson", new AuditFilterApplied(null, null, null, null, null, null, null, null), 0, null, null, true, DateTimeOffset.UtcNow);

    private static async Task<JsonElement[]> ItemsAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray()];
    }
}
