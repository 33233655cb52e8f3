using Consultation.Convergence.Measuring;

namespace Consultation.Tests.Positions;

/// <summary>
/// Who a position may come from: a stakeholder entitled to take part on its stated-on date (States; others while accredited),
/// at a meeting it (or its speaker) attended; and the measure counts only the entitled on the date measured.
/// </summary>
public sealed class WhoCountsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PositionSteps _steps = new(api.CreateClient());

    private HttpClient Client => _steps.Client;

    private static object Body(string stakeholder, string statedOn = "2017-12-05", string? onBehalfOf = null, string meeting = "stocktaking-2017") =>
        new { stakeholder, onBehalfOf, stance = 1, summary = $"{stakeholder} supports", meeting, statedOn };

    private static object Change(string statedOn, string meeting = "stocktaking-2017", int stance = -1) =>
        new { stance, summary = $"Now {stance}", meeting, statedOn, reason = "New instructions" };

    private Task<HttpResponseMessage> StateAsync(string process, object body) => Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", body);

    private async Task<string> NewNgoAsync(string process)
    {
        var key = $"ngo-{Guid.NewGuid():N}"[..12];
        await _steps.Secretariat.EnsureStakeholderAsync(key, kind: "CivilSociety", name: $"Organization {key}");
        await _steps.Secretariat.EnsureParticipantAsync(process, "stocktaking-2017", key);
        return key;
    }

    [Fact]
    public async Task A_non_state_states_a_position_only_while_accredited_and_the_refusal_says_who_where_when_and_since_when()
    {
        var process = await _steps.OpenAsync("sovereignty");
        var ngo = await NewNgoAsync(process);

        var never = await (await StateAsync(process, Body(ngo))).AssertProblemAsync(409);
        await _steps.Secretariat.UpdateOkAsync($"/stakeholders/{ngo}", "accreditations", new { process, accreditedOn = "2017-12-05", reason = "Invited" });
        var accredited = await StateAsync(process, Body(ngo));
        await _steps.Secretariat.UpdateOkAsync($"/stakeholders/{ngo}", "accreditations/" + process + "/end", new { endedOn = "2017-12-06", reason = "Withdrew from the process" });
        var revisedAfterTheEnd = await (await _steps.Secretariat.UpdateAsync(PositionSteps.PositionUrl(process, "sovereignty", ngo), "revise", Change("2017-12-06")))
            .AssertProblemAsync(409);

        Assert.Equal(
            $"'{ngo}' (CivilSociety) was not entitled to take part in process '{process}' on 2017-12-05: it has never been accredited to it. "
            + "States take part in their own right; other stakeholders only while accredited to the process.",
            never.GetProperty("detail").GetString());
        Assert.True(accredited.StatusCode == HttpStatusCode.Created, await accredited.Content.ReadAsStringAsync());
        Assert.Contains($"on 2017-12-06: its accreditation ran from 2017-12-05 until 2017-12-06", revisedAfterTheEnd.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_measure_counts_only_those_entitled_on_the_date_measured()
    {
        var process = await _steps.OpenAsync("sovereignty");
        var ngo = await NewNgoAsync(process);
        await _steps.Secretariat.UpdateOkAsync($"/stakeholders/{ngo}", "accreditations", new { process, accreditedOn = "2017-05-01", reason = "Invited" });
        await _steps.StateAsync(process, "sovereignty", "MEX", 2);
        await _steps.StateAsync(process, "sovereignty", ngo, -2);
        await _steps.Secretariat.UpdateOkAsync($"/stakeholders/{ngo}", "accreditations/" + process + "/end", new { endedOn = "2018-01-15", reason = "Accreditation lapsed" });

        var url = $"/processes/{process}/issues/sovereignty/convergence";
        var whileAccredited = await _steps.GetOkAsync<IssueConvergence.Answer>(url + "?statedBy=2018-01-14");
        var now = await _steps.GetOkAsync<IssueConvergence.Answer>(url);

        Assert.Equal((2, 1, 1), (whileAccredited.Measure.Positions, whileAccredited.Measure.Counts.Opposes, whileAccredited.Measure.Coverage.Accredited));
        Assert.Equal((1, 0, 0), (now.Measure.Positions, now.Measure.Counts.Opposes, now.Measure.Coverage.Accredited));
        Assert.Empty(now.Measure.Holdouts);
    }

    [Fact]
    public async Task A_position_cites_only_a_meeting_its_stakeholder_or_the_delegate_speaking_for_it_attended()
    {
        var process = await _steps.OpenAsync("sovereignty");
        await _steps.Secretariat.EnsureStakeholderAsync("ECU", name: "Ecuador");
        var group = await _steps.NewGroupAsync();
        await _steps.Secretariat.EnsureAccreditedAsync(group, process);
        await _steps.Secretariat.ScheduleOkAsync(process, "geneva-2017", new DateOnly(2017, 12, 11), new DateOnly(2017, 12, 12), kind: "ThematicSession");

        var absent = await (await StateAsync(process, Body("ECU"))).AssertProblemAsync(409);
        var forAbsentGroup = await (await StateAsync(process, Body("ECU", onBehalfOf: group))).AssertProblemAsync(409);
        await _steps.Secretariat.EnsureParticipantAsync(process, "stocktaking-2017", group);
        var forGroupThere = await StateAsync(process, Body("ECU", onBehalfOf: group));
        var mexico = await StateAsync(process, Body("MEX"));
        var revisedElsewhere = await (await _steps.Secretariat.UpdateAsync(PositionSteps.PositionUrl(process, "sovereignty", "MEX"), "revise", Change("2017-12-11", "geneva-2017")))
            .AssertProblemAsync(409);

        Assert.Equal(
            $"'ECU' is not a registered participant of meeting '{process}/stocktaking-2017'; a position cited to a meeting was expressed there: register who attended before citing it.",
            absent.GetProperty("detail").GetString());
        Assert.StartsWith($"Neither 'ECU' nor '{group}', for whom it spoke, is a registered participant", forAbsentGroup.GetProperty("detail").GetString());
        Assert.True(forGroupThere.StatusCode == HttpStatusCode.Created, await forGroupThere.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, mexico.StatusCode);
        Assert.Contains($"'MEX' is not a registered participant of meeting '{process}/geneva-2017'", revisedElsewhere.GetProperty("detail").GetString());
    }
}
