using Consultation.Meetings;

namespace Consultation.Tests.Dashboard;

/// <summary>
/// Illustrative positions added through the API to the seeded stocktaking process (<c>gcm</c>), whose seeds hold no
/// State's position. Recorded-time story:
/// <code>
///                           close of stocktaking-2017   close of first-round        now
/// positions                 none (seeds only)           17 on three issues          the same, THA revised on human-rights
/// human-rights              InsufficientData            BroadConvergence (6 for)    Emerging (THA now −2)
/// rights-and-dignity        InsufficientData            Emerging (DEU −1)           Emerging
/// state-sovereignty         InsufficientData            Divergent                   Divergent
/// areas                     none yet                    five; people-rights-and-dignity and state-sovereignty affirmed
///                                                       (state-sovereignty flagged: affirmed, evidence Divergent)
/// meetings THA attended     stocktaking-2017            and first-round (registered while it was open)
/// </code>
/// </summary>
public sealed class DashboardStory(HttpClient client)
{
    public const string Process = "gcm";
    public const string FirstMeeting = "stocktaking-2017";
    public const string SecondMeeting = "first-round";
    public const string SecondMeetingTitle = "First round of negotiations";

    public Secretariat Secretariat { get; } = new(client);

    public DateTimeOffset FirstClose { get; private set; }

    public DateTimeOffset SecondClose { get; private set; }

    public async Task<DashboardStory> BuildAsync()
    {
        FirstClose = (await Steps.GetOkAsync<MeetingDetails>(Secretariat.MeetingUrl(Process, FirstMeeting))).ClosedAt!.Value;
        await Secretariat.EnsureStakeholderAsync("DEU", name: "Germany", regionalGroup: "WesternEuropeanAndOthers");

        // An illustrative issue: the seeds hold only the topics the closing statement names.
        await Secretariat.TableIssueAsync(Process, "human-rights");
        await Secretariat.UpdateOkAsync("/processes/gcm/areas/people-rights-and-dignity", "issues", new { issue = "human-rights", reason = "Illustrative link for the dashboard tests" });
        foreach (var (stakeholder, stance) in new[] { ("MEX", 2), ("ECU", 2), ("THA", 1), ("SLE", 2), ("ZAF", 1), ("DEU", 1) })
        {
            await Steps.StateAsync(Process, "human-rights", stakeholder, stance);
        }

        foreach (var (stakeholder, stance) in new[] { ("MEX", 2), ("ECU", 1), ("THA", 2), ("SLE", 2), ("ZAF", 2), ("DEU", -1) })
        {
            await Steps.StateAsync(Process, "rights-and-dignity", stakeholder, stance, conditions: stance == -1 ? "if national policy space is preserved" : null);
        }

        foreach (var (stakeholder, stance) in new[] { ("MEX", 1), ("THA", -2), ("SLE", 0), ("ZAF", -1), ("DEU", 2) })
        {
            await Steps.StateAsync(Process, "state-sovereignty", stakeholder, stance);
        }

        var scheduled = await Secretariat.ScheduleAsync(Process, Secretariat.MeetingBody(
            SecondMeeting, new DateOnly(2018, 2, 20), new DateOnly(2018, 2, 22), "NegotiationRound", SecondMeetingTitle, "New York", "USA"));
        Assert.True(scheduled.StatusCode == HttpStatusCode.Created, await scheduled.Content.ReadAsStringAsync());
        var meeting = Secretariat.MeetingUrl(Process, SecondMeeting);
        await Secretariat.UpdateOkAsync(meeting, "open", new { });
        await Secretariat.UpdateOkAsync(meeting, "participants", new { stakeholder = "THA", delegationHead = "Head of the delegation of Thailand", role = "Speaker" });
        foreach (var area in new[] { "people-rights-and-dignity", "state-sovereignty" })
        {
            await Secretariat.UpdateOkAsync($"/processes/{Process}/areas/{area}", "affirm", new { meeting = SecondMeeting, affirmedOn = new DateOnly(2018, 2, 21), note = "Reaffirmed in the first round" });
        }

        await Task.Delay(20);
        await Secretariat.UpdateOkAsync(meeting, "close", new { summary = "The first round took stock of the areas of convergence." });
        SecondClose = (await Steps.GetOkAsync<MeetingDetails>(meeting)).ClosedAt!.Value;
        await Task.Delay(20);

        var revised = await Secretariat.UpdateAsync(PositionSteps.PositionUrl(Process, "human-rights", "THA"), "revise", new
        {
            stance = -2,
            summary = "Now opposes",
            meeting = SecondMeeting,
            statedOn = new DateOnly(2018, 2, 21),
            reason = "New instructions from the capital",
        });
        Assert.True(revised.StatusCode == HttpStatusCode.OK, await revised.Content.ReadAsStringAsync());
        return this;
    }

    private PositionSteps Steps { get; } = new(client);
}
