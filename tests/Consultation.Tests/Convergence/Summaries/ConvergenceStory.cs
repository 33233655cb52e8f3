using Consultation.Meetings;
using Consultation.Tests.Support;

namespace Consultation.Tests.Convergence.Summaries;

/// <summary>
/// A consultation built through the API over three meetings, opened and closed in turn, with positions stated, revised,
/// corrected and withdrawn between the closes. Expected levels (default thresholds), by hand:
/// <code>
///              close 1 (stocktaking)   close 2 (first round)   close 3 (second round)   now
/// alpha        BroadConvergence        BroadConvergence        Emerging                 Emerging
/// beta         Divergent               Emerging                InsufficientData         InsufficientData
/// gamma        InsufficientData        InsufficientData        InsufficientData         BroadConvergence
/// area united  [alpha] Identified      Affirmed                Affirmed (no flag)
/// area split   [alpha, beta] Identified Affirmed               Affirmed, flagged (beta InsufficientData)
/// </code>
/// alpha: MEX +2, ECU +2, THA +1, SLE +2, DEU +1 → GICn (.75·.667·.75·.667)^¼ ≈ .707 (groups LAC, AsiaPacific, African, WEOG);
/// after close 2 THA is corrected to −2 → opposition .2 → Emerging.
/// beta: MEX +2, ECU −2, THA −2, SLE 0, DEU −1 → Divergent; ECU revised to +2 and THA to +1 before close 2 → Emerging;
/// ECU withdraws before close 3 → 4 positions → InsufficientData.
/// gamma: MEX +1 only, until after close 3 ECU, THA, SLE, ZAF, DEU state +2 → BroadConvergence.
/// </summary>
public sealed class ConvergenceStory(HttpClient client)
{
    public const string United = "united";
    public const string Split = "split";

    public PositionSteps Steps { get; } = new(client);

    public Secretariat Secretariat => Steps.Secretariat;

    public string Process { get; private set; } = string.Empty;

    /// <summary>The ClosedAt of stocktaking-2017, first-round, second-round.</summary>
    public List<DateTimeOffset> Closes { get; } = [];

    public static readonly string[] Meetings = ["stocktaking-2017", "first-round", "second-round"];

    private static readonly Dictionary<string, string> Regions = new()
    {
        ["MEX"] = "LatinAmericanAndCaribbean",
        ["ECU"] = "LatinAmericanAndCaribbean",
        ["THA"] = "AsiaPacific",
        ["SLE"] = "African",
        ["ZAF"] = "African",
        ["DEU"] = "WesternEuropeanAndOthers",
    };

    public async Task<ConvergenceStory> BuildAsync()
    {
        Process = await Steps.OpenAsync("alpha", "beta", "gamma");
        await Secretariat.ScheduleOkAsync(Process, "first-round", new DateOnly(2018, 2, 20), new DateOnly(2018, 2, 22), "NegotiationRound");
        await Secretariat.ScheduleOkAsync(Process, "second-round", new DateOnly(2018, 3, 20), new DateOnly(2018, 3, 22), "NegotiationRound");
        foreach (var (key, region) in Regions)
        {
            await Secretariat.EnsureStakeholderAsync(key, regionalGroup: region);
            await Secretariat.UpdateOkAsync($"/stakeholders/{key}", "accreditations", new { process = Process, accreditedOn = "2017-05-01", reason = "Participates" });
        }

        foreach (var (key, stance) in new[] { ("MEX", 2), ("ECU", 2), ("THA", 1), ("SLE", 2), ("DEU", 1) })
        {
            await Steps.StateAsync(Process, "alpha", key, stance);
        }

        foreach (var (key, stance) in new[] { ("MEX", 2), ("ECU", -2), ("THA", -2), ("SLE", 0), ("DEU", -1) })
        {
            await Steps.StateAsync(Process, "beta", key, stance);
        }

        await Steps.StateAsync(Process, "gamma", "MEX", 1);
        await IdentifyAsync(United, ["alpha"]);
        await IdentifyAsync(Split, ["alpha", "beta"]);
        await CloseAsync("stocktaking-2017");

        await Steps.ReviseAsync(Process, "beta", "ECU", 2, "2017-12-06");
        await Steps.ReviseAsync(Process, "beta", "THA", 1, "2017-12-06");
        await Secretariat.UpdateOkAsync(Secretariat_MeetingUrl("first-round"), "open", new { });
        foreach (var area in new[] { United, Split })
        {
            await Secretariat.UpdateOkAsync(
                $"/processes/{Process}/areas/{area}", "affirm", new { meeting = "first-round", affirmedOn = new DateOnly(2018, 2, 21), note = "Reaffirmed" });
        }

        await CloseAsync("first-round");

        await Steps.CorrectAsync(Process, "alpha", "THA", -2, "2017-12-04");
        await Steps.WithdrawAsync(Process, "beta", "ECU", "2017-12-06");
        await Secretariat.UpdateOkAsync(Secretariat_MeetingUrl("second-round"), "open", new { });
        await CloseAsync("second-round");

        foreach (var key in new[] { "ECU", "THA", "SLE", "ZAF", "DEU" })
        {
            await Steps.StateAsync(Process, "gamma", key, 2);
        }

        return this;
    }

    private string Secretariat_MeetingUrl(string meeting) => Secretariat.MeetingUrl(Process, meeting);

    private async Task IdentifyAsync(string area, string[] issues)
    {
        var response = await Steps.Client.PostJsonAsync($"/processes/{Process}/areas", new
        {
            area,
            title = $"Area {area}",
            description = "Delegations agree.",
            issues,
            meeting = "stocktaking-2017",
            identifiedOn = new DateOnly(2017, 12, 5),
        });
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task CloseAsync(string meeting)
    {
        await Task.Delay(20);
        await Secretariat.UpdateOkAsync(Secretariat_MeetingUrl(meeting), "close", new { summary = $"{meeting} concluded" });
        var details = await Steps.GetOkAsync<MeetingDetails>(Secretariat_MeetingUrl(meeting));
        Closes.Add(details.ClosedAt!.Value);
        await Task.Delay(20);
    }

    public static string AsOf(DateTimeOffset? at) => PositionSteps.Axes(at);
}
