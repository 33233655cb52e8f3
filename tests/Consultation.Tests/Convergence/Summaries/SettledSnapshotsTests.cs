using Consultation.Convergence.Summaries;
using Consultation.Tests.Support;

namespace Consultation.Tests.Convergence.Summaries;

/// <summary>A service that treats every past moment as settled, so its replayed snapshots are kept from the first answer.</summary>
public sealed class SettledAtOnceFactory : ApiFactory
{
    protected override IEnumerable<(string Name, string Value)> ExtraSettings => [("Convergence:SettleSeconds", "0")];
}

/// <summary>
/// Snapshots of settled moments are kept in memory; what they read from the record as it stands now (the stakeholders'
/// memberships, the process document) must still show when it changes, exactly as a fresh computation would.
/// </summary>
public sealed class SettledSnapshotsTests(SettledAtOnceFactory api) : IClassFixture<SettledAtOnceFactory>
{
    private readonly PositionSteps _steps = new(api.CreateClient());

    [Fact]
    public async Task A_replayed_moment_answers_the_same_and_still_shows_a_membership_recorded_later()
    {
        var process = await _steps.OpenAsync("sovereignty");
        await _steps.Secretariat.EnsureStakeholderAsync("ECU", name: "Ecuador");
        var group = await _steps.NewGroupAsync();
        await _steps.JoinAsync("MEX", group, "2017-11-01");
        await _steps.StateAsync(process, "sovereignty", "MEX", 2, "2017-12-05", onBehalfOf: group);
        var moment = await PositionSteps.InstantAsync();
        await _steps.StateAsync(process, "sovereignty", "ECU", -2, "2017-12-06");

        var url = $"/processes/{process}/convergence{PositionSteps.Axes(moment)}";
        var first = await _steps.GetOkAsync<ProcessConvergence.Answer>(url);
        var again = await _steps.GetOkAsync<ProcessConvergence.Answer>(url);
        Assert.Equal(1, first.Totals.Positions);
        Assert.Equal(first.Totals, again.Totals);
        Assert.Equal(first.Issues.Single().Gicn, again.Issues.Single().Gicn);

        // Memberships are read as they stand now (documented), so Ecuador joining the group, dated before the group's
        // statement, makes it inherit in the replayed moment too: the kept snapshot must not hide that.
        await _steps.JoinAsync("ECU", group, "2017-11-01");
        var afterJoin = await _steps.GetOkAsync<ProcessConvergence.Answer>(url);
        Assert.Equal(2, afterJoin.Totals.Positions);
        Assert.Equal(2, afterJoin.Totals.StakeholdersWithPositions);
    }

    [Fact]
    public async Task Moments_not_yet_settled_are_computed_every_time()
    {
        var steps = _steps;
        var process = await steps.OpenAsync("sovereignty");
        await steps.StateAsync(process, "sovereignty", "MEX", 2, "2017-12-05");
        var moment = DateTimeOffset.UtcNow.AddMinutes(1); // a moment still to come is never settled, whatever the margin
        var url = $"/processes/{process}/convergence{PositionSteps.Axes(moment)}";
        Assert.Equal(1, (await steps.GetOkAsync<ProcessConvergence.Answer>(url)).Totals.Positions);

        // Recorded before the moment (which is still to come): a kept snapshot would have missed it.
        await steps.Secretariat.EnsureStakeholderAsync("ECU", name: "Ecuador");
        await steps.StateAsync(process, "sovereignty", "ECU", 1, "2017-12-06");
        Assert.Equal(2, (await steps.GetOkAsync<ProcessConvergence.Answer>(url)).Totals.Positions);
    }
}
