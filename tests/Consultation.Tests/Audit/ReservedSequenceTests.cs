using System.Text.Json;
using Consultation.Audit;
using Consultation.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Audit;

/// <summary>A failed append leaves Marten's placeholders for the sequence numbers it reserved: auditors can tell them apart.</summary>
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
        });
        var stakeholders = await ItemsAsync(client, "/audit/events?streamKind=stakeholder&limit=1000");
        Assert.DoesNotContain(stakeholders, e => e.GetProperty("streamKey").GetString() == "mt_tombstone");
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
