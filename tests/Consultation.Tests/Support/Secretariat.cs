namespace Consultation.Tests.Support;

/// <summary>Builds test data the way a secretariat user would: through the API, reading each ETag before an update.</summary>
public sealed class Secretariat(HttpClient client)
{
    public static readonly DateOnly ProcessStart = new(2017, 4, 6);

    public HttpClient Client { get; } = client;

    /// <summary>A fresh process key, so tests sharing a schema never meet.</summary>
    public static string NewProcessKey(string prefix = "gcm") => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static string MeetingUrl(string process, string meeting) => $"/processes/{process}/meetings/{meeting}";

    public async Task<string> ETagAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.ETag!.Tag;
    }

    /// <summary>POSTs to <c>{resource}/{action}</c> with the resource's current ETag.</summary>
    public async Task<HttpResponseMessage> UpdateAsync(string resource, string action, object body) =>
        await Client.PostJsonAsync($"{resource}/{action}", body, await ETagAsync(resource));

    public async Task<HttpResponseMessage> UpdateOkAsync(string resource, string action, object body)
    {
        var response = await UpdateAsync(resource, action, body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {resource}/{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    public async Task<string> LaunchProcessAsync(string? key = null, DateOnly? startsOn = null)
    {
        key ??= NewProcessKey();
        var response = await Client.PostJsonAsync("/processes", new
        {
            key,
            title = "Global Compact for Safe, Orderly and Regular Migration",
            mandateReference = "A/RES/71/280",
            startsOn = startsOn ?? ProcessStart,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return key;
    }

    public Task StartPhaseAsync(string process, string phase, DateOnly startedOn) =>
        UpdateOkAsync($"/processes/{process}", "phases", new { phase, title = phase, startedOn });

    public Task EndPhaseAsync(string process, string phase, DateOnly endedOn) =>
        UpdateOkAsync($"/processes/{process}", $"phases/{phase}/end", new { endedOn });

    public Task TableIssueAsync(string process, string issue) =>
        UpdateOkAsync($"/processes/{process}", "issues", new { issue, title = $"Issue {issue}", description = $"What the process decides about {issue}." });

    public Task RetireIssueAsync(string process, string issue) =>
        UpdateOkAsync($"/processes/{process}", $"issues/{issue}/retire", new { reason = "Merged into another issue" });

    public Task ConcludeAsync(string process, DateOnly concludedOn) =>
        UpdateOkAsync($"/processes/{process}", "conclude", new { concludedOn, outcome = "Compact adopted" });

    /// <summary>Registers a stakeholder unless it already is (stakeholders are shared by the tests of a schema).</summary>
    public async Task EnsureStakeholderAsync(string key, string kind = "MemberState", string? name = null, string? regionalGroup = "LatinAmericanAndCaribbean")
    {
        if ((await Client.GetAsync($"/stakeholders/{key}")).StatusCode == HttpStatusCode.OK)
        {
            return;
        }

        var state = kind is "MemberState" or "ObserverState";
        var response = await Client.PostJsonAsync("/stakeholders", new { key, kind, name = name ?? key, regionalGroup = state ? regionalGroup : null });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Registers a stakeholder as a participant of a meeting unless it already is (a position cited to a meeting needs it there).</summary>
    public async Task EnsureParticipantAsync(string process, string meeting, string stakeholder, string role = "Speaker")
    {
        var url = MeetingUrl(process, meeting);
        var details = await Client.GetAsync(url);
        Assert.True(details.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)details.StatusCode}");
        var participants = (await details.ReadAsync<System.Text.Json.JsonElement>()).GetProperty("participants").EnumerateArray();
        if (!participants.Any(p => p.GetProperty("stakeholder").GetString() == stakeholder))
        {
            await UpdateOkAsync(url, "participants", new { stakeholder, role });
        }
    }

    /// <summary>Accredits a stakeholder to a process unless it is a State or an accreditation is in force (a non-State takes part only while accredited).</summary>
    public async Task EnsureAccreditedAsync(string stakeholder, string process, string accreditedOn = "2017-04-06")
    {
        var details = await (await Client.GetAsync($"/stakeholders/{stakeholder}")).ReadAsync<System.Text.Json.JsonElement>();
        if (details.GetProperty("kind").GetString() is not ("MemberState" or "ObserverState") && !details.GetProperty("accreditations").EnumerateArray().Any(a => a.GetProperty("process").GetString() == process && a.GetProperty("endedOn").ValueKind == System.Text.Json.JsonValueKind.Null))
        {
            await UpdateOkAsync($"/stakeholders/{stakeholder}", "accreditations", new { process, accreditedOn, reason = "Takes part" });
        }
    }

    public static object MeetingBody(
        string meeting,
        DateOnly startsOn,
        DateOnly endsOn,
        string kind = "StocktakingMeeting",
        string title = "Stocktaking meeting",
        string city = "Puerto Vallarta",
        string? country = "MEX") =>
        new
        {
            meeting,
            kind,
            title,
            venue = new { city, country },
            startsOn,
            endsOn,
            chairs = new[] { "Juan José Gómez Camacho", "Jürg Lauber" },
        };

    public Task<HttpResponseMessage> ScheduleAsync(string process, object body) => Client.PostJsonAsync($"/processes/{process}/meetings", body);

    public async Task<string> ScheduleOkAsync(string process, string meeting, DateOnly startsOn, DateOnly endsOn, string kind = "StocktakingMeeting")
    {
        var response = await ScheduleAsync(process, MeetingBody(meeting, startsOn, endsOn, kind));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return MeetingUrl(process, meeting);
    }

    /// <summary>A process launched in April 2017 with the 2017 stocktaking meeting (4–6 December) scheduled and open, MEX registered as speaker.</summary>
    public async Task<(string Process, string Meeting)> OpenStocktakingAsync(params string[] issues)
    {
        var process = await LaunchProcessAsync();
        foreach (var issue in issues)
        {
            await TableIssueAsync(process, issue);
        }

        var meeting = await ScheduleOkAsync(process, "stocktaking-2017", new DateOnly(2017, 12, 4), new DateOnly(2017, 12, 6));
        await UpdateOkAsync(meeting, "open", new { });
        await EnsureStakeholderAsync("MEX", name: "Mexico");
        await UpdateOkAsync(meeting, "participants", new { stakeholder = "MEX", delegationHead = "Juan José Gómez Camacho", role = "Speaker" });
        return (process, meeting);
    }
}
