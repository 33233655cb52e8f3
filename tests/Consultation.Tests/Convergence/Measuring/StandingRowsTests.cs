using Consultation.Convergence.Measuring;
using Consultation.Positions.Views;
using Consultation.Time;
using Consultation.Tests.Support;
using Marten;

namespace Consultation.Tests.Convergence.Measuring;

/// <summary>
/// The convergence reads take their standing rows as text lines selected in SQL (<see cref="StandingRows"/>); on both axes
/// they are exactly the rows the position views select through <see cref="PositionVersionAxes.StandingAt"/>, field for field —
/// revised, corrected and withdrawn positions, conditions given and none, on two issues and one left out.
/// </summary>
public sealed class StandingRowsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PositionSteps _steps = new(api.CreateClient());

    [Fact]
    public async Task Read_as_text_they_are_the_rows_the_position_views_select_on_either_axis()
    {
        var process = await _steps.OpenAsync("alpha", "beta", "gamma");
        await _steps.Secretariat.EnsureStakeholderAsync("ECU", "MemberState");
        await _steps.StateAsync(process, "alpha", "MEX", 2, conditions: "Only with financing | reviewed yearly");
        await _steps.StateAsync(process, "alpha", "ECU", -1);
        await _steps.StateAsync(process, "beta", "MEX", 1, "2017-12-05");
        await _steps.StateAsync(process, "gamma", "MEX", -2);
        var before = await PositionSteps.InstantAsync();
        await _steps.ReviseAsync(process, "alpha", "ECU", 1, "2017-12-06");
        await _steps.CorrectAsync(process, "beta", "MEX", 2, "2017-12-05");
        await _steps.WithdrawAsync(process, "alpha", "MEX", "2017-12-06");
        await _steps.StateAsync(process, "beta", "ECU", 0, "2017-12-06", conditions: "Subject to the review of 2018");

        var axes = new[]
        {
            new TimeAxes(null, null),
            new TimeAxes(before, null),
            new TimeAxes(null, new DateOnly(2017, 12, 5)),
            new TimeAxes(before, new DateOnly(2017, 12, 4)),
            new TimeAxes(null, new DateOnly(2017, 12, 6)),
        };
        await using var session = api.Store.QuerySession();
        foreach (var at in axes)
        {
            var batch = session.CreateBatchQuery();
            var read = StandingRows.Enlist(batch, session.DocumentStore, process, ["alpha", "beta"], at);
            await batch.Execute();
            var expected = await session.Query<PositionVersion>()
                .Where(x => x.Process == process && (x.Issue == "alpha" || x.Issue == "beta"))
                .StandingAt(at)
                .ToListAsync();

            Assert.NotEmpty(expected);
            Assert.Equal(
                expected.Select(x => (x.Issue, x.Stakeholder, x.Stance, x.Conditions, x.StatedOn)).Order(),
                (await read()).Select(x => (x.Issue, x.Stakeholder, x.Stance, x.Conditions, x.StatedOn)).Order());
        }
    }
}
