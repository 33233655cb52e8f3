using Consultation.Positions.Views;

namespace Consultation.Tests.Positions.Views;

/// <summary>Stance shifts: revisions are shifts, corrections are not (but are applied to what a shift reports).</summary>
public sealed class StanceShiftsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PositionSteps _steps = new(api.CreateClient());

    private async Task<(string Process, DateTimeOffset BeforeRevisions)> ShiftsAndCorrectionsAsync()
    {
        var process = await _steps.OpenAsync("sovereignty", "returns");
        await _steps.Secretariat.EnsureStakeholderAsync("ECU", name: "Ecuador");
        await _steps.Secretariat.EnsureStakeholderAsync("THA", name: "Thailand", regionalGroup: "AsiaPacific");
        await _steps.StateAsync(process, "sovereignty", "MEX", 1);
        await _steps.StateAsync(process, "sovereignty", "ECU", 2);
        await _steps.StateAsync(process, "returns", "THA", -2);
        await _steps.CorrectAsync(process, "sovereignty", "MEX", -1, "2017-12-04");
        var beforeRevisions = await PositionSteps.InstantAsync();
        await _steps.ReviseAsync(process, "sovereignty", "MEX", 2, "2017-12-05", reason: "New instructions from the capital");
        await _steps.CorrectAsync(process, "sovereignty", "ECU", 1, "2017-12-04");
        await _steps.ReviseAsync(process, "returns", "THA", 0, "2017-12-06");
        await _steps.CorrectAsync(process, "returns", "THA", 1, "2017-12-06", reason: "It was support, not neutrality");
        return (process, beforeRevisions);
    }

    private Task<StanceShifts.Shifts> ShiftsAsync(string process, string query = "") =>
        _steps.GetOkAsync<StanceShifts.Shifts>($"/processes/{process}/shifts{query}");

    [Fact]
    public async Task A_revision_is_a_shift_and_a_correction_is_not()
    {
        var (process, _) = await ShiftsAndCorrectionsAsync();

        var shifts = await ShiftsAsync(process, "?from=2017-12-04&to=2017-12-06");

        Assert.Equal(["MEX", "THA"], shifts.Items.Select(s => s.Stakeholder));
        var mexico = shifts.Items[0];
        Assert.Equal(("sovereignty", -1, 2, 3), (mexico.Issue, mexico.FromStance, mexico.ToStance, mexico.Movement));
        Assert.Equal("New instructions from the capital", mexico.Reason);
        Assert.Equal(new DateOnly(2017, 12, 4), mexico.FromStatedOn);
        Assert.Equal(new DateOnly(2017, 12, 5), mexico.StatedOn);
        Assert.Equal(3, mexico.Version);

        // The correction of Thailand's revision applies to the shift it reports.
        var thailand = shifts.Items[1];
        Assert.Equal(("returns", -2, 1), (thailand.Issue, thailand.FromStance, thailand.ToStance));
    }

    [Fact]
    public async Task The_window_is_dates_or_meetings_and_both_axes_apply()
    {
        var (process, beforeRevisions) = await ShiftsAndCorrectionsAsync();

        Assert.Equal(["THA"], (await ShiftsAsync(process, "?from=2017-12-06&to=2017-12-06")).Items.Select(s => s.Stakeholder));
        Assert.Equal(["MEX"], (await ShiftsAsync(process, "?to=2017-12-05")).Items.Select(s => s.Stakeholder));
        Assert.Equal(["MEX"], (await ShiftsAsync(process, "?issue=sovereignty")).Items.Select(s => s.Stakeholder));

        var byMeetings = await ShiftsAsync(process, "?fromMeeting=stocktaking-2017&toMeeting=stocktaking-2017");
        Assert.Equal(["MEX", "THA"], byMeetings.Items.Select(s => s.Stakeholder));
        Assert.Equal(new DateOnly(2017, 12, 4), byMeetings.From);
        Assert.Equal(new DateOnly(2017, 12, 6), byMeetings.To);

        Assert.Empty((await ShiftsAsync(process, PositionSteps.Axes(asOf: beforeRevisions))).Items);
        Assert.Equal(["MEX"], (await ShiftsAsync(process, "?statedBy=2017-12-05")).Items.Select(s => s.Stakeholder));
    }

    [Theory]
    [InlineData("?from=2017-12-4", "from")]
    [InlineData("?from=2017-12-06&to=2017-12-04", "to")]
    [InlineData("?from=2017-12-04&fromMeeting=stocktaking-2017", "from")]
    [InlineData("?toMeeting=Stocktaking", "toMeeting")]
    [InlineData("?asOf=soon", "asOf")]
    public async Task Bad_windows_get_400_naming_the_parameter(string query, string field)
    {
        var process = await _steps.OpenAsync("sovereignty");

        var problem = await (await _steps.Client.GetAsync($"/processes/{process}/shifts{query}")).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task Unknown_meetings_and_processes_are_404()
    {
        var process = await _steps.OpenAsync("sovereignty");

        await (await _steps.Client.GetAsync($"/processes/{process}/shifts?fromMeeting=nowhere")).AssertProblemAsync(404);
        await (await _steps.Client.GetAsync("/processes/nowhere/shifts")).AssertProblemAsync(404);
    }
}
