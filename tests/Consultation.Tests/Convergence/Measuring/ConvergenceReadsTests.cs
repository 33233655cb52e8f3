using Consultation.Convergence.Measuring;
using Consultation.Convergence.Summaries;
using Consultation.Tests.Support;

namespace Consultation.Tests.Convergence.Measuring;

/// <summary>
/// The convergence reads batch their independent queries: an issue's measure takes two round trips as of a recorded moment
/// and one once kept (now, or as stated by a day), and
/// the batched reads keep each issue and each moment apart (two issues with opposite stances, measured now and before a
/// revision, per issue and on the dashboard).
/// </summary>
public sealed class ConvergenceReadsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PositionSteps _steps = new(api.CreateClient());

    private static readonly string[] States = ["MEX", "ECU", "THA", "DEU", "ZAF"];

    /// <summary>
    /// On alpha everyone supports, on beta everyone opposes (ZAF not yet); then, after <c>earlier</c>, MEX turns against alpha
    /// and ZAF states support on beta.
    /// </summary>
    private async Task<(string Process, DateTimeOffset Earlier)> ConsultationAsync()
    {
        var process = await _steps.OpenAsync("alpha", "beta");
        foreach (var (key, region) in new[] { ("MEX", "LatinAmericanAndCaribbean"), ("ECU", "LatinAmericanAndCaribbean"), ("THA", "AsiaPacific"), ("DEU", "WesternEuropeanAndOthers"), ("ZAF", "African") })
        {
            await _steps.Secretariat.EnsureStakeholderAsync(key, "MemberState", regionalGroup: region);
            await _steps.Secretariat.UpdateOkAsync($"/stakeholders/{key}", "accreditations", new { process, accreditedOn = "2017-05-01", reason = "Participates" });
        }

        foreach (var state in States)
        {
            await _steps.StateAsync(process, "alpha", state, 2);
        }

        foreach (var state in States.Where(s => s != "ZAF"))
        {
            await _steps.StateAsync(process, "beta", state, -2);
        }

        var earlier = await PositionSteps.InstantAsync();
        await _steps.ReviseAsync(process, "alpha", "MEX", -2, "2017-12-06");
        await _steps.StateAsync(process, "beta", "ZAF", 2, "2017-12-06");
        return (process, earlier);
    }

    private async Task<(IssueConvergence.Answer Answer, IReadOnlyList<string> Statements)> IssueAsync(string process, string issue, DateTimeOffset? asOf = null, string? statedBy = null)
    {
        await using var session = api.Store.QuerySession();
        var asOfText = asOf?.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return await RoundTrips.TraceAsync(async () =>
            await new IssueConvergence.Handler(session, TimeProvider.System, _live).Handle(new IssueConvergence.Query(process, issue, asOfText, statedBy), CancellationToken.None));
    }

    private readonly Consultation.Convergence.Measuring.Live.LiveMeasures _live = new(TimeProvider.System);

    [Fact]
    public async Task An_issue_measure_takes_two_round_trips_as_of_a_moment_and_one_once_kept()
    {
        var (process, earlier) = await ConsultationAsync();

        // As of a recorded moment: measured from the versions table each time, in two round trips.
        foreach (var statedBy in new string?[] { null, "2017-12-05" })
        {
            var (answer, statements) = await IssueAsync(process, "alpha", earlier, statedBy);
            Assert.True(statements.Count == 2, $"asOf {earlier}, statedBy {statedBy}: {statements.Count} round trips:\n{string.Join("\n---\n", statements)}");
            Assert.Equal(5, answer.Measure.Positions);
        }

        // The record now (or as stated by a day): three the first time (the kept measure is made), then one — the changes
        // to the kept measures are looked for in the same batch as the title, thresholds and freshness.
        foreach (var statedBy in new string?[] { null, "2017-12-05" })
        {
            Assert.Equal(3, (await IssueAsync(process, "alpha", null, statedBy)).Statements.Count);
            var (answer, statements) = await IssueAsync(process, "alpha", null, statedBy);
            Assert.True(statements.Count == 1, $"statedBy {statedBy}: {statements.Count} round trips:\n{string.Join("\n---\n", statements)}");
            Assert.Equal(5, answer.Measure.Positions);
        }

        // A change to the issue is taken into account in the next read: measured again (three), then one again.
        await _steps.ReviseAsync(process, "alpha", "DEU", -1, "2017-12-06");
        Assert.Equal(3, (await IssueAsync(process, "alpha")).Statements.Count);
        var (revised, once) = await IssueAsync(process, "alpha");
        Assert.Single(once);
        Assert.Equal(0.6, revised.Measure.SupportShare);
    }

    [Fact]
    public async Task Each_issue_and_each_moment_is_measured_from_its_own_positions()
    {
        var (process, earlier) = await ConsultationAsync();

        var alphaNow = (await IssueAsync(process, "alpha")).Answer.Measure;
        var alphaThen = (await IssueAsync(process, "alpha", earlier)).Answer.Measure;
        var betaNow = (await IssueAsync(process, "beta")).Answer.Measure;
        var betaThen = (await IssueAsync(process, "beta", earlier)).Answer.Measure;
        var alphaStated = (await IssueAsync(process, "alpha", statedBy: "2017-12-05")).Answer.Measure;

        Assert.Equal((5, 0.8, 0.2), (alphaNow.Positions, alphaNow.SupportShare, alphaNow.OppositionShare));
        Assert.Equal((5, 1.0, 0.0), (alphaThen.Positions, alphaThen.SupportShare, alphaThen.OppositionShare));
        Assert.Equal((5, 0.2, 0.8), (betaNow.Positions, betaNow.SupportShare, betaNow.OppositionShare));
        Assert.Equal((4, 0.0, 1.0), (betaThen.Positions, betaThen.SupportShare, betaThen.OppositionShare));
        Assert.Equal((5, 1.0, 0.0), (alphaStated.Positions, alphaStated.SupportShare, alphaStated.OppositionShare));

        var now = await _steps.GetOkAsync<ProcessConvergence.Answer>($"/processes/{process}/convergence");
        var then = await _steps.GetOkAsync<ProcessConvergence.Answer>($"/processes/{process}/convergence{PositionSteps.Axes(earlier)}");
        Assert.Equal(
            [("alpha", alphaNow.Level, alphaNow.Gicn, 5), ("beta", betaNow.Level, betaNow.Gicn, 5)],
            now.Issues.OrderBy(i => i.Issue, StringComparer.Ordinal).Select(i => (i.Issue, i.Level, i.Gicn, i.Positions)));
        Assert.Equal(
            [("alpha", alphaThen.Level, alphaThen.Gicn, 5), ("beta", betaThen.Level, betaThen.Gicn, 4)],
            then.Issues.OrderBy(i => i.Issue, StringComparer.Ordinal).Select(i => (i.Issue, i.Level, i.Gicn, i.Positions)));
    }
}
