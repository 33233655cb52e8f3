namespace Consultation.Tests.Processes;

/// <summary>
/// What a source says of a process without dating it or tying it to an area: a phase announced for a later year, and a
/// divergence acknowledged for the process as a whole.
/// </summary>
public sealed class ProcessAnnouncementsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly ProcessClient _processes = new(api.CreateClient());

    [Fact]
    public async Task A_phase_announced_for_next_year_is_listed_as_planned_until_it_starts()
    {
        await _processes.LaunchAsync("announced");
        var planned = await _processes.UpdateAsync("announced", "/phases/planned", new { phase = "negotiation", title = "Intergovernmental negotiations", expectedYear = 2018, announcedOn = "2017-12-06" });

        var phase = Assert.Single(planned.PlannedPhases);
        Assert.Equal(("negotiation", 2018, new DateOnly(2017, 12, 6)), (phase.Key, phase.ExpectedYear, phase.AnnouncedOn));
        Assert.Empty(planned.Phases);
        await (await _processes.TryUpdateAsync("announced", "/phases/planned", new { phase = "negotiation", title = "Again", announcedOn = "2017-12-07" })).AssertProblemAsync(409);
        await (await _processes.TryUpdateAsync("announced", "/phases/planned", new { phase = "later", title = "Earlier than said", expectedYear = 2016, announcedOn = "2017-12-06" })).AssertProblemAsync(409);
        Assert.NotEmpty((await (await _processes.TryUpdateAsync("announced", "/phases/planned", new { phase = "x", title = "No date" })).AssertProblemAsync(400)).ErrorsFor("announcedOn"));

        var started = await _processes.UpdateAsync("announced", "/phases", new { phase = "negotiation", title = "Intergovernmental negotiations", startedOn = "2018-02-20" });
        Assert.Empty(started.PlannedPhases);
        Assert.Equal("negotiation", Assert.Single(started.Phases).Key);
    }

    [Fact]
    public async Task A_divergence_is_noted_for_the_process_as_a_whole_with_or_without_issues()
    {
        await _processes.LaunchAsync("diverging");
        await _processes.TableIssueAsync("diverging", "returns");
        await _processes.UpdateAsync("diverging", "/divergences", new { text = "There are issues we continue to disagree on", notedOn = "2017-12-06" });
        var process = await _processes.UpdateAsync("diverging", "/divergences", new { text = "Returns remain disputed", issues = new[] { "returns" }, notedOn = "2017-12-06" });

        Assert.Equal(["d1", "d2"], process.Divergences.Select(d => d.Id));
        Assert.Empty(process.Divergences[0].Issues);
        Assert.Equal(["returns"], process.Divergences[1].Issues);
        await (await _processes.TryUpdateAsync("diverging", "/divergences", new { text = "On an unknown issue", issues = new[] { "nowhere" }, notedOn = "2017-12-06" })).AssertProblemAsync(404);
        await (await _processes.TryUpdateAsync("diverging", "/divergences", new { text = "Before the process", notedOn = "2016-01-01" })).AssertProblemAsync(409);
        Assert.NotEmpty((await (await _processes.TryUpdateAsync("diverging", "/divergences", new { notedOn = "2017-12-06" })).AssertProblemAsync(400)).ErrorsFor("text"));
    }
}
