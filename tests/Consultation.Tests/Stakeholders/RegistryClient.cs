using Consultation.Infrastructure.Http;
using Consultation.Stakeholders;

namespace Consultation.Tests.Stakeholders;

/// <summary>Steps a client takes against the stakeholder registry, asserting each one worked.</summary>
public static class RegistryClient
{
    public static async Task RegisterStateAsync(this HttpClient client, string key, string name, string regionalGroup = "African") =>
        await client.RegisterAsync(StakeholderRequests.MemberState(key, name, regionalGroup));

    public static async Task RegisterOtherAsync(this HttpClient client, string key, string kind, string name) =>
        await client.RegisterAsync(StakeholderRequests.Other(key, kind, name));

    public static async Task<string> ETagOfAsync(this HttpClient client, string key)
    {
        var response = await client.GetAsync($"/stakeholders/{key}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.ETag!.Tag;
    }

    public static async Task<StakeholderDetails> DetailsOfAsync(this HttpClient client, string key)
    {
        var response = await client.GetAsync($"/stakeholders/{key}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<StakeholderDetails>();
    }

    /// <summary>Joins with the current ETag and returns the response (success or not).</summary>
    public static async Task<HttpResponseMessage> TryJoinAsync(this HttpClient client, string key, string group, string joinedOn, string? reason = null) =>
        await client.PostJsonAsync($"/stakeholders/{key}/groups", new { group, joinedOn, reason }, await client.ETagOfAsync(key));

    public static async Task<HttpResponseMessage> TryLeaveAsync(this HttpClient client, string key, string group, string leftOn, string? reason = null) =>
        await client.PostJsonAsync($"/stakeholders/{key}/groups/{group}/leave", new { leftOn, reason }, await client.ETagOfAsync(key));

    public static async Task<StakeholderDetails> JoinAsync(this HttpClient client, string key, string group, string joinedOn) =>
        await Succeeded(await client.TryJoinAsync(key, group, joinedOn));

    public static async Task<StakeholderDetails> LeaveAsync(this HttpClient client, string key, string group, string leftOn) =>
        await Succeeded(await client.TryLeaveAsync(key, group, leftOn));

    public static async Task<Page<StakeholderDetails>> PageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return await response.ReadAsync<Page<StakeholderDetails>>();
    }

    public static async Task<string[]> KeysAsync(this HttpClient client, string url) =>
        [.. (await client.PageAsync(url)).Items.Select(x => x.Id)];

    private static async Task RegisterAsync(this HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/stakeholders", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Registering: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<StakeholderDetails> Succeeded(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<StakeholderDetails>();
    }
}
