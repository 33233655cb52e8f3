using System.Net;
using Consultation.Convergence.Areas;
using Consultation.Tests.Support;

namespace Consultation.Tests.Convergence.Areas;

/// <summary>Builds areas of convergence the way a facilitator would: through the API, on a process the secretariat recorded.</summary>
public sealed class Facilitator(HttpClient client)
{
    public static readonly DateOnly StocktakingDay2 = new(2017, 12, 5);
    public static readonly DateOnly FirstRoundDay2 = new(2018, 2, 21);

    public Secretariat Secretariat { get; } = new(client);

    public HttpClient Client => Secretariat.Client;

    public static string AreaUrl(string process, string area) => $"/processes/{process}/areas/{area}";

    /// <summary>
    /// A process with issues human-rights, smuggling and returns, the 2017 stocktaking meeting (4–6 December) and the first
    /// negotiation round (20–22 February 2018).
    /// </summary>
    public async Task<string> ProcessAsync()
    {
        var process = await Secretariat.LaunchProcessAsync();
        foreach (var issue in new[] { "human-rights", "smuggling", "returns" })
        {
            await Secretariat.TableIssueAsync(process, issue);
        }

        await Secretariat.ScheduleOkAsync(process, "stocktaking-2017", new DateOnly(2017, 12, 4), new DateOnly(2017, 12, 6));
        await Secretariat.ScheduleOkAsync(process, "first-round", new DateOnly(2018, 2, 20), new DateOnly(2018, 2, 22), "NegotiationRound");
        return process;
    }

    public static object IdentifyBody(
        string area = "rejecting-business-as-usual",
        string[]? issues = null,
        string meeting = "stocktaking-2017",
        DateOnly? identifiedOn = null) =>
        new
        {
            area,
            title = "Rejecting business as usual",
            description = "Delegations agree that the status quo on migration governance is not an option.",
            issues = issues ?? ["human-rights"],
            meeting,
            identifiedOn = identifiedOn ?? StocktakingDay2,
        };

    public Task<HttpResponseMessage> IdentifyAsync(string process, object body) => Client.PostJsonAsync($"/processes/{process}/areas", body);

    public async Task<string> IdentifyOkAsync(string process, string area = "rejecting-business-as-usual", string[]? issues = null)
    {
        var response = await IdentifyAsync(process, IdentifyBody(area, issues));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return AreaUrl(process, area);
    }

    public async Task<AreaDetails> UpdateOkAsync(string area, string action, object body) =>
        await (await Secretariat.UpdateOkAsync(area, action, body)).ReadAsync<AreaDetails>();

    public Task<HttpResponseMessage> UpdateAsync(string area, string action, object body) => Secretariat.UpdateAsync(area, action, body);

    public Task<AreaDetails> AffirmOkAsync(string area) =>
        UpdateOkAsync(area, "affirm", new { meeting = "first-round", affirmedOn = FirstRoundDay2, note = "Reaffirmed by the co-facilitators" });
}
