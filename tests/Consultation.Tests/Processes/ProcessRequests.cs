using Consultation.Processes;

namespace Consultation.Tests.Processes;

/// <summary>Builds process records through the API, as a secretariat client would, following ETags.</summary>
public sealed class ProcessClient(HttpClient client)
{
    public HttpClient Http => client;

    public async Task<ProcessDetails> LaunchAsync(string key, string startsOn = "2017-04-01", string? plannedEndOn = "2018-12-31")
    {
        var response = await client.PostJsonAsync("/processes", new { key, title = "Global Compact for Safe, Orderly and Regular Migration", mandateReference = "A/RES/71/280", startsOn, plannedEndOn });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<ProcessDetails>();
    }

    /// <summary>POSTs an update with the process's current ETag and expects success.</summary>
    public async Task<ProcessDetails> UpdateAsync(string key, string path, object body)
    {
        var current = await client.GetAsync($"/processes/{key}");
        var response = await client.PostJsonAsync($"/processes/{key}{path}", body, current.Headers.ETag!.Tag);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<ProcessDetails>();
    }

    /// <summary>POSTs an update with the process's current ETag and returns the raw response.</summary>
    public async Task<HttpResponseMessage> TryUpdateAsync(string key, string path, object body)
    {
        var current = await client.GetAsync($"/processes/{key}");
        return await client.PostJsonAsync($"/processes/{key}{path}", body, current.Headers.ETag?.Tag ?? "\"1\"");
    }

    public Task<ProcessDetails> TableIssueAsync(string key, string issue, string? theme = null, string? parent = null) =>
        UpdateAsync(key, "/issues", new { issue, title = $"Title of {issue}", description = $"What {issue} is about", theme, parentIssue = parent });
}
