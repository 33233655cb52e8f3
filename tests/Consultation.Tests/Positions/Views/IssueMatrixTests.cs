using Consultation.Positions.Views;

namespace Consultation.Tests.Positions.Views;

/// <summary>The matrix of positions on an issue: filters, counts per stance, paging, as-of.</summary>
public sealed class IssueMatrixTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PositionSteps _steps = new(api.CreateClient());

    private async Task<string> SixPositionsAsync()
    {
        var process = await _steps.OpenAsync("sovereignty");
        await _steps.Secretariat.EnsureStakeholderAsync("ECU", name: "Ecuador");
        await _steps.Secretariat.EnsureStakeholderAsync("THA", name: "Thailand", regionalGroup: "AsiaPacific");
        await _steps.Secretariat.EnsureStakeholderAsync("SLE", name: "Sierra Leone", regionalGroup: "African");
        await _steps.Secretariat.EnsureStakeholderAsync("ZAF", name: "South Africa", regionalGroup: "African");
        await _steps.Secretariat.EnsureStakeholderAsync("amnesty", kind: "CivilSociety", name: "Amnesty International");
        await _steps.StateAsync(process, "sovereignty", "MEX", 1);
        await _steps.StateAsync(process, "sovereignty", "ECU", 2);
        await _steps.StateAsync(process, "sovereignty", "THA", -2);
        await _steps.StateAsync(process, "sovereignty", "SLE", 1, conditions: "if returns are voluntary");
        await _steps.StateAsync(process, "sovereignty", "ZAF", 0);
        await _steps.StateAsync(process, "sovereignty", "amnesty", 1);
        return process;
    }

    private Task<IssuePositions.Matrix> MatrixAsync(string process, string query = "") =>
        _steps.GetOkAsync<IssuePositions.Matrix>($"/processes/{process}/issues/sovereignty/positions{query}");

    [Fact]
    public async Task Rows_are_ordered_by_stakeholder_and_counted_per_stance()
    {
        var process = await SixPositionsAsync();

        var matrix = await MatrixAsync(process);

        Assert.Equal(["ECU", "MEX", "SLE", "THA", "ZAF", "amnesty"], matrix.Items.Select(r => r.Stakeholder));
        Assert.Equal(new IssuePositions.StanceCounts(1, 0, 1, 3, 1, 0), matrix.Counts);
        var sierraLeone = matrix.Items[2];
        Assert.Equal("if returns are voluntary", sierraLeone.Conditions);
        Assert.Equal(Consultation.Stakeholders.RegionalGroup.African, sierraLeone.RegionalGroup);
        Assert.Equal(new DateOnly(2017, 12, 4), sierraLeone.StatedOn);
        Assert.Equal(1, sierraLeone.Version);
    }

    [Fact]
    public async Task Filters_narrow_the_rows_and_the_counts()
    {
        var process = await SixPositionsAsync();

        var african = await MatrixAsync(process, "?regionalGroup=African");
        Assert.Equal(["SLE", "ZAF"], african.Items.Select(r => r.Stakeholder));
        Assert.Equal(new IssuePositions.StanceCounts(0, 0, 1, 1, 0, 0), african.Counts);

        var civil = await MatrixAsync(process, "?kind=civilsociety");
        Assert.Equal(["amnesty"], civil.Items.Select(r => r.Stakeholder));
    }

    [Fact]
    public async Task Pages_are_stable_and_counts_cover_every_page()
    {
        var process = await SixPositionsAsync();

        var first = await MatrixAsync(process, "?page=1&pageSize=4");
        var second = await MatrixAsync(process, "?page=2&pageSize=4");

        Assert.Equal(["ECU", "MEX", "SLE", "THA"], first.Items.Select(r => r.Stakeholder));
        Assert.Equal(["ZAF", "amnesty"], second.Items.Select(r => r.Stakeholder));
        Assert.Equal(6, second.TotalItems);
        Assert.Equal(2, second.TotalPages);
        Assert.Equal(first.Counts, second.Counts);
    }

    [Fact]
    public async Task The_matrix_answers_on_both_axes()
    {
        var process = await SixPositionsAsync();
        var beforeChanges = await PositionSteps.InstantAsync();
        await _steps.ReviseAsync(process, "sovereignty", "THA", 1, "2017-12-06");
        await _steps.CorrectAsync(process, "sovereignty", "MEX", 2, "2017-12-04");
        await _steps.WithdrawAsync(process, "sovereignty", "ZAF", "2017-12-05");

        var now = await MatrixAsync(process);
        Assert.Equal(["ECU", "MEX", "SLE", "THA", "amnesty"], now.Items.Select(r => r.Stakeholder));
        Assert.Equal(new IssuePositions.StanceCounts(0, 0, 0, 3, 2, 0), now.Counts);

        var then = await MatrixAsync(process, PositionSteps.Axes(asOf: beforeChanges));
        Assert.Equal(new IssuePositions.StanceCounts(1, 0, 1, 3, 1, 0), then.Counts);

        // By the 5th, as known now: the revision (6th) has not happened, Mexico's correction applies, South Africa withdrew on the 5th.
        var fifth = await MatrixAsync(process, "?statedBy=2017-12-05");
        Assert.Equal(["ECU", "MEX", "SLE", "THA", "amnesty"], fifth.Items.Select(r => r.Stakeholder));
        Assert.Equal(new IssuePositions.StanceCounts(1, 0, 0, 2, 2, 0), fifth.Counts);

        // Both: the record before the changes, evaluated on the 5th.
        var both = await MatrixAsync(process, PositionSteps.Axes(asOf: beforeChanges, statedBy: "2017-12-05"));
        Assert.Equal(new IssuePositions.StanceCounts(1, 0, 1, 3, 1, 0), both.Counts);
        Assert.Empty((await MatrixAsync(process, "?statedBy=2017-12-03")).Items);
    }

    [Theory]
    [InlineData("?kind=Country", "kind")]
    [InlineData("?regionalGroup=Europe", "regionalGroup")]
    [InlineData("?group=Not%20A%20Slug", "group")]
    [InlineData("?pageSize=500", "pageSize")]
    [InlineData("?page=0", "page")]
    [InlineData("?asOf=never", "asOf")]
    [InlineData("?statedBy=2017-02-30", "statedBy")]
    public async Task Bad_filters_get_400_naming_the_parameter(string query, string field)
    {
        var process = await _steps.OpenAsync("sovereignty");

        var problem = await (await _steps.Client.GetAsync($"/processes/{process}/issues/sovereignty/positions{query}")).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task An_unknown_issue_is_404()
    {
        var process = await _steps.OpenAsync("sovereignty");

        await (await _steps.Client.GetAsync($"/processes/{process}/issues/nothing/positions")).AssertProblemAsync(404);
    }
}
