using Consultation.Positions.Views;

namespace Consultation.Tests.Support;

/// <summary>Records positions through the API, as the secretariat would, and reads the views; each step asserts it worked.</summary>
public sealed class PositionSteps(HttpClient client)
{
    public Secretariat Secretariat { get; } = new(client);

    public HttpClient Client => Secretariat.Client;

    public static string PositionUrl(string process, string issue, string stakeholder) => $"/processes/{process}/issues/{issue}/positions/{stakeholder}";

    /// <summary>The 2017 stocktaking meeting (4–6 December) open in a fresh process with these issues.</summary>
    public async Task<string> OpenAsync(params string[] issues) => (await Secretariat.OpenStocktakingAsync(issues)).Process;

    /// <summary>States a position at the stocktaking meeting, registering its speaker there and accrediting its holder (if not a State) first if need be.</summary>
    public async Task StateAsync(string process, string issue, string stakeholder, int stance, string statedOn = "2017-12-04", string? onBehalfOf = null, string? conditions = null)
    {
        await Secretariat.EnsureParticipantAsync(process, "stocktaking-2017", stakeholder);
        await Secretariat.EnsureAccreditedAsync(onBehalfOf ?? stakeholder, process);

        var response = await Client.PostJsonAsync($"/processes/{process}/issues/{issue}/positions", new
        {
            stakeholder,
            onBehalfOf,
            stance,
            conditions,
            summary = $"Stance {stance} on {issue}",
            meeting = "stocktaking-2017",
            statedOn,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"State: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task ReviseAsync(string process, string issue, string stakeholder, int stance, string statedOn, string reason = "New instructions from the capital") =>
        Secretariat.UpdateOkAsync(PositionUrl(process, issue, stakeholder), "revise", new { stance, summary = $"Now {stance}", meeting = "stocktaking-2017", statedOn, reason });

    public Task CorrectAsync(string process, string issue, string stakeholder, int stance, string statedOn, string reason = "Entered wrong") =>
        Secretariat.UpdateOkAsync(PositionUrl(process, issue, stakeholder), "correct", new { stance, summary = $"Corrected to {stance}", meeting = "stocktaking-2017", statedOn, reason });

    public Task WithdrawAsync(string process, string issue, string stakeholder, string withdrawnOn, string reason = "Awaiting instructions") =>
        Secretariat.UpdateOkAsync(PositionUrl(process, issue, stakeholder), "withdraw", new { meeting = "stocktaking-2017", withdrawnOn, reason });

    /// <summary>A recorded-time instant strictly between what was recorded before and what comes after.</summary>
    public static async Task<DateTimeOffset> InstantAsync()
    {
        await Task.Delay(30);
        var now = DateTimeOffset.UtcNow;
        await Task.Delay(30);
        return now;
    }

    public static string Axes(DateTimeOffset? asOf = null, string? statedBy = null)
    {
        var parts = new List<string>();
        if (asOf is { } at)
        {
            parts.Add($"asOf={Uri.EscapeDataString(at.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}");
        }

        if (statedBy is not null)
        {
            parts.Add($"statedBy={statedBy}");
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    public Task<HttpResponseMessage> EffectiveAsync(string process, string issue, string stakeholder, DateTimeOffset? asOf = null, string? statedBy = null) =>
        Client.GetAsync(PositionUrl(process, issue, stakeholder) + "/effective" + Axes(asOf, statedBy));

    public async Task<PositionView> EffectiveOkAsync(string process, string issue, string stakeholder, DateTimeOffset? asOf = null, string? statedBy = null)
    {
        var response = await EffectiveAsync(process, issue, stakeholder, asOf, statedBy);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Effective: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<PositionView>();
    }

    public async Task<T> GetOkAsync<T>(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<T>();
    }

    /// <summary>A group or bloc with a fresh key, so tests sharing a schema never share memberships.</summary>
    public async Task<string> NewGroupAsync(string prefix = "bloc")
    {
        var key = $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
        await Secretariat.EnsureStakeholderAsync(key, kind: "GroupOrBloc", name: $"Group {key}");
        return key;
    }

    public async Task JoinAsync(string stakeholder, string group, string joinedOn)
    {
        var response = await Client.PostJsonAsync($"/stakeholders/{stakeholder}/groups", new { group, joinedOn }, await Secretariat.ETagAsync($"/stakeholders/{stakeholder}"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Join: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
