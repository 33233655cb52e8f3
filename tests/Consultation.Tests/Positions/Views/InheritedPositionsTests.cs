using Consultation.Positions.Views;

namespace Consultation.Tests.Positions.Views;

/// <summary>Positions stated on behalf of a group count for its members on the stated-on date, unless they have their own.</summary>
public sealed class InheritedPositionsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PositionSteps _steps = new(api.CreateClient());

    private async Task<(string Process, string Group)> GroupPositionAsync()
    {
        var process = await _steps.OpenAsync("sovereignty");
        await _steps.Secretariat.EnsureStakeholderAsync("ECU", name: "Ecuador");
        await _steps.Secretariat.EnsureStakeholderAsync("THA", name: "Thailand", regionalGroup: "AsiaPacific");
        var group = await _steps.NewGroupAsync();
        await _steps.JoinAsync("ECU", group, "2017-11-01");
        await _steps.JoinAsync("MEX", group, "2017-11-01");
        await _steps.JoinAsync("THA", group, "2017-12-10");
        await _steps.StateAsync(process, "sovereignty", "MEX", 2, "2017-12-05", onBehalfOf: group);
        return (process, group);
    }

    [Fact]
    public async Task A_state_that_left_the_bloc_no_longer_holds_its_position_but_did_while_a_member_and_the_answer_says_since_when()
    {
        var (process, group) = await GroupPositionAsync();
        var left = await _steps.Client.PostJsonAsync(
            $"/stakeholders/ECU/groups/{group}/leave", new { leftOn = "2018-03-01", reason = "Left the bloc" }, await _steps.Secretariat.ETagAsync("/stakeholders/ECU"));
        Assert.True(left.StatusCode == HttpStatusCode.OK, await left.Content.ReadAsStringAsync());

        await (await _steps.EffectiveAsync(process, "sovereignty", "ECU")).AssertProblemAsync(404);
        await (await _steps.EffectiveAsync(process, "sovereignty", "ECU", statedBy: "2018-03-01")).AssertProblemAsync(404);
        var whileMember = await _steps.EffectiveOkAsync(process, "sovereignty", "ECU", statedBy: "2018-02-28");
        var matrixNow = await _steps.GetOkAsync<IssuePositions.Matrix>($"/processes/{process}/issues/sovereignty/positions");
        var matrixThen = await _steps.GetOkAsync<IssuePositions.Matrix>($"/processes/{process}/issues/sovereignty/positions?statedBy=2018-02-28");
        var mexico = await _steps.EffectiveOkAsync(process, "sovereignty", "MEX");

        Assert.Equal((true, group, new DateOnly(2017, 12, 5)), (whileMember.Inherited, whileMember.InheritedFrom, whileMember.InheritedSince));
        Assert.DoesNotContain(matrixNow.Items, r => r.Stakeholder == "ECU");
        Assert.Contains(matrixThen.Items, r => r.Stakeholder == "ECU" && r.InheritedFrom == group && r.InheritedSince == new DateOnly(2017, 12, 5));
        Assert.Equal((group, new DateOnly(2017, 12, 5)), (mexico.InheritedFrom, mexico.InheritedSince));
    }

    [Fact]
    public async Task A_member_on_the_stated_on_date_inherits_and_one_that_joined_later_does_not()
    {
        var (process, group) = await GroupPositionAsync();

        var ecuador = await _steps.EffectiveOkAsync(process, "sovereignty", "ECU");
        Assert.True(ecuador.Inherited);
        Assert.Equal(group, ecuador.InheritedFrom);
        Assert.Equal(2, ecuador.Stance);
        Assert.Equal("MEX", ecuador.SpokenBy);

        await (await _steps.EffectiveAsync(process, "sovereignty", "THA")).AssertProblemAsync(404);
        var groupOwn = await _steps.EffectiveOkAsync(process, "sovereignty", group);
        Assert.False(groupOwn.Inherited);
    }

    [Fact]
    public async Task An_own_position_beats_an_inherited_one()
    {
        var (process, group) = await GroupPositionAsync();
        Assert.True((await _steps.EffectiveOkAsync(process, "sovereignty", "MEX")).Inherited);

        await _steps.StateAsync(process, "sovereignty", "MEX", -1, "2017-12-06");

        var mexico = await _steps.EffectiveOkAsync(process, "sovereignty", "MEX");
        Assert.False(mexico.Inherited);
        Assert.Null(mexico.InheritedFrom);
        Assert.Equal(-1, mexico.Stance);

        // By valid time, before its own statement on the 6th, Mexico still stood with the group.
        var earlier = await _steps.EffectiveOkAsync(process, "sovereignty", "MEX", statedBy: "2017-12-05");
        Assert.True(earlier.Inherited);
        Assert.Equal(group, earlier.InheritedFrom);
    }

    [Fact]
    public async Task The_matrix_shows_own_and_inherited_positions()
    {
        var (process, group) = await GroupPositionAsync();
        await _steps.StateAsync(process, "sovereignty", "MEX", -1, "2017-12-06");

        var matrix = await _steps.GetOkAsync<IssuePositions.Matrix>($"/processes/{process}/issues/sovereignty/positions");

        Assert.Equal(["ECU", "MEX", group], matrix.Items.Select(r => r.Stakeholder));
        var ecuador = matrix.Items[0];
        Assert.True(ecuador.Inherited);
        Assert.Equal(group, ecuador.InheritedFrom);
        Assert.Equal("Ecuador", ecuador.Name);
        Assert.False(matrix.Items[1].Inherited);
        Assert.Equal(new IssuePositions.StanceCounts(0, 1, 0, 0, 2, 1), matrix.Counts);

        var states = await _steps.GetOkAsync<IssuePositions.Matrix>($"/processes/{process}/issues/sovereignty/positions?kind=MemberState");
        Assert.Equal(["ECU", "MEX"], states.Items.Select(r => r.Stakeholder));

        var members = await _steps.GetOkAsync<IssuePositions.Matrix>($"/processes/{process}/issues/sovereignty/positions?group={group}&statedBy=2017-12-05");
        Assert.Equal(["ECU", "MEX"], members.Items.Select(r => r.Stakeholder));
        Assert.All(members.Items, r => Assert.True(r.Inherited));
    }

    [Fact]
    public async Task A_stakeholders_positions_across_the_process_include_inherited_ones()
    {
        var process = await _steps.OpenAsync("sovereignty", "human-rights", "returns");
        await _steps.Secretariat.EnsureStakeholderAsync("ECU", name: "Ecuador");
        var group = await _steps.NewGroupAsync();
        await _steps.JoinAsync("ECU", group, "2017-11-01");
        await _steps.StateAsync(process, "sovereignty", "MEX", 2, "2017-12-05", onBehalfOf: group);
        await _steps.StateAsync(process, "human-rights", "MEX", 1, "2017-12-05", onBehalfOf: group);
        await _steps.StateAsync(process, "human-rights", "ECU", -1, "2017-12-05");

        var positions = await _steps.GetOkAsync<List<PositionView>>($"/processes/{process}/stakeholders/ECU/positions");

        Assert.Equal(["human-rights", "sovereignty"], positions.Select(p => p.Issue));
        Assert.False(positions[0].Inherited);
        Assert.Equal(-1, positions[0].Stance);
        Assert.True(positions[1].Inherited);
        Assert.Equal(group, positions[1].InheritedFrom);
        await (await _steps.Client.GetAsync($"/processes/{process}/stakeholders/XYZ/positions")).AssertProblemAsync(404);
        Assert.Empty(await _steps.GetOkAsync<List<PositionView>>($"/processes/{process}/stakeholders/ECU/positions?statedBy=2017-12-04"));
    }
}
