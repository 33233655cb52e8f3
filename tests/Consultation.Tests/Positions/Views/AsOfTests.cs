using Consultation.Positions.Views;

namespace Consultation.Tests.Positions.Views;

/// <summary>The two as-of axes on a single position: recorded time (asOf) and valid time (statedBy).</summary>
public sealed class AsOfTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PositionSteps _steps = new(api.CreateClient());

    [Fact]
    public async Task A_correction_recorded_later_is_invisible_as_of_before_it_and_applied_by_stated_by()
    {
        var process = await _steps.OpenAsync("sovereignty");
        await _steps.StateAsync(process, "sovereignty", "MEX", 1, "2017-12-04");
        var beforeCorrection = await PositionSteps.InstantAsync();
        await _steps.CorrectAsync(process, "sovereignty", "MEX", 2, "2017-12-05");

        var asRecordedThen = await _steps.EffectiveOkAsync(process, "sovereignty", "MEX", asOf: beforeCorrection);
        Assert.Equal(1, asRecordedThen.Stance);
        Assert.Equal(new DateOnly(2017, 12, 4), asRecordedThen.StatedOn);
        Assert.Equal(PositionChangeKind.Stated, asRecordedThen.LastChange);

        // Valid time, as known now: the correction moved the statement to 5 December, so by the 4th nothing was said...
        Assert.Equal(HttpStatusCode.NotFound, (await _steps.EffectiveAsync(process, "sovereignty", "MEX", statedBy: "2017-12-04")).StatusCode);
        var corrected = await _steps.EffectiveOkAsync(process, "sovereignty", "MEX", statedBy: "2017-12-05");
        Assert.Equal(2, corrected.Stance);
        Assert.Equal(PositionChangeKind.Corrected, corrected.LastChange);

        // ... while as the record stood before the correction, it was said on the 4th with stance +1.
        var both = await _steps.EffectiveOkAsync(process, "sovereignty", "MEX", asOf: beforeCorrection, statedBy: "2017-12-04");
        Assert.Equal(1, both.Stance);

        Assert.Equal(2, (await _steps.EffectiveOkAsync(process, "sovereignty", "MEX")).Stance);
    }

    [Fact]
    public async Task Nothing_is_known_as_of_before_the_first_statement()
    {
        var process = await _steps.OpenAsync("sovereignty");
        var before = await PositionSteps.InstantAsync();
        await _steps.StateAsync(process, "sovereignty", "MEX", 1);

        Assert.Equal(HttpStatusCode.NotFound, (await _steps.EffectiveAsync(process, "sovereignty", "MEX", asOf: before)).StatusCode);
        var now = await _steps.EffectiveOkAsync(process, "sovereignty", "MEX");
        Assert.False(now.Inherited);
        Assert.Equal(1, now.Version);
    }

    [Fact]
    public async Task A_revision_starts_a_new_version_from_its_stated_on_date()
    {
        var process = await _steps.OpenAsync("sovereignty");
        await _steps.StateAsync(process, "sovereignty", "MEX", 1, "2017-12-04");
        var beforeRevision = await PositionSteps.InstantAsync();
        await _steps.ReviseAsync(process, "sovereignty", "MEX", -1, "2017-12-06");

        Assert.Equal(1, (await _steps.EffectiveOkAsync(process, "sovereignty", "MEX", statedBy: "2017-12-05")).Stance);
        Assert.Equal(-1, (await _steps.EffectiveOkAsync(process, "sovereignty", "MEX", statedBy: "2017-12-06")).Stance);
        Assert.Equal(-1, (await _steps.EffectiveOkAsync(process, "sovereignty", "MEX")).Stance);
        Assert.Equal(1, (await _steps.EffectiveOkAsync(process, "sovereignty", "MEX", asOf: beforeRevision, statedBy: "2017-12-06")).Stance);
    }

    [Fact]
    public async Task A_stated_by_answer_names_the_event_that_produced_its_content_not_a_later_revision()
    {
        var process = await _steps.OpenAsync("sovereignty");
        await _steps.StateAsync(process, "sovereignty", "MEX", 1, "2017-12-04");
        await _steps.CorrectAsync(process, "sovereignty", "MEX", 0, "2017-12-04");
        await _steps.ReviseAsync(process, "sovereignty", "MEX", 2, "2017-12-06");
        var history = await _steps.GetOkAsync<List<Consultation.Positions.Reading.GetPositionHistory.Change>>(PositionSteps.PositionUrl(process, "sovereignty", "MEX") + "/history");

        var byThe5th = await _steps.EffectiveOkAsync(process, "sovereignty", "MEX", statedBy: "2017-12-05");
        Assert.Equal(0, byThe5th.Stance);
        Assert.Equal(2, byThe5th.Version);
        Assert.Equal(PositionChangeKind.Corrected, byThe5th.LastChange);
        Assert.Equal(history[1].RecordedAt, byThe5th.RecordedAt);
        Assert.Equal(new DateOnly(2017, 12, 6), byThe5th.ValidTo);

        var now = await _steps.EffectiveOkAsync(process, "sovereignty", "MEX");
        Assert.Equal((2, 3L, PositionChangeKind.Revised), (now.Stance, now.Version, now.LastChange));
    }

    [Fact]
    public async Task Correcting_a_revision_moves_the_end_of_the_version_it_replaced()
    {
        var process = await _steps.OpenAsync("sovereignty");
        await _steps.StateAsync(process, "sovereignty", "MEX", 1, "2017-12-04");
        await _steps.ReviseAsync(process, "sovereignty", "MEX", -1, "2017-12-06");
        await _steps.CorrectAsync(process, "sovereignty", "MEX", -2, "2017-12-05");

        Assert.Equal(1, (await _steps.EffectiveOkAsync(process, "sovereignty", "MEX", statedBy: "2017-12-04")).Stance);
        Assert.Equal(-2, (await _steps.EffectiveOkAsync(process, "sovereignty", "MEX", statedBy: "2017-12-05")).Stance);
    }

    [Fact]
    public async Task A_withdrawal_ends_validity_and_a_re_statement_starts_again()
    {
        var process = await _steps.OpenAsync("sovereignty");
        await _steps.StateAsync(process, "sovereignty", "MEX", 1, "2017-12-04");
        await _steps.WithdrawAsync(process, "sovereignty", "MEX", "2017-12-05");
        var whileWithdrawn = await PositionSteps.InstantAsync();

        Assert.Equal(1, (await _steps.EffectiveOkAsync(process, "sovereignty", "MEX", statedBy: "2017-12-04")).Stance);
        Assert.Equal(HttpStatusCode.NotFound, (await _steps.EffectiveAsync(process, "sovereignty", "MEX", statedBy: "2017-12-05")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _steps.EffectiveAsync(process, "sovereignty", "MEX")).StatusCode);

        await _steps.StateAsync(process, "sovereignty", "MEX", 2, "2017-12-06");

        Assert.Equal(HttpStatusCode.NotFound, (await _steps.EffectiveAsync(process, "sovereignty", "MEX", statedBy: "2017-12-05")).StatusCode);
        Assert.Equal(2, (await _steps.EffectiveOkAsync(process, "sovereignty", "MEX", statedBy: "2017-12-06")).Stance);
        Assert.Equal(2, (await _steps.EffectiveOkAsync(process, "sovereignty", "MEX")).Stance);
        Assert.Equal(HttpStatusCode.NotFound, (await _steps.EffectiveAsync(process, "sovereignty", "MEX", asOf: whileWithdrawn)).StatusCode);
        Assert.Equal(1, (await _steps.EffectiveOkAsync(process, "sovereignty", "MEX", asOf: whileWithdrawn, statedBy: "2017-12-04")).Stance);
    }

    [Fact]
    public async Task Recorded_at_is_the_event_timestamp_of_the_history()
    {
        var process = await _steps.OpenAsync("sovereignty");
        await _steps.StateAsync(process, "sovereignty", "MEX", 1);
        await _steps.ReviseAsync(process, "sovereignty", "MEX", 2, "2017-12-05");

        var history = await _steps.GetOkAsync<List<Consultation.Positions.Reading.GetPositionHistory.Change>>(PositionSteps.PositionUrl(process, "sovereignty", "MEX") + "/history");
        var view = await _steps.EffectiveOkAsync(process, "sovereignty", "MEX");

        Assert.Equal(history[1].RecordedAt, view.RecordedAt);
        Assert.Equal(2, view.Version);
        Assert.Equal(1, (await _steps.EffectiveOkAsync(process, "sovereignty", "MEX", asOf: history[0].RecordedAt)).Stance);
        Assert.Equal(2, (await _steps.EffectiveOkAsync(process, "sovereignty", "MEX", asOf: history[1].RecordedAt)).Stance);
    }

    [Theory]
    [InlineData("asOf=yesterday", "asOf")]
    [InlineData("asOf=2017-13-01T00:00:00Z", "asOf")]
    [InlineData("statedBy=2017-12-5", "statedBy")]
    [InlineData("statedBy=05.12.2017", "statedBy")]
    public async Task Invalid_axes_get_400_naming_the_parameter(string queryString, string field)
    {
        var process = await _steps.OpenAsync("sovereignty");

        var problem = await (await _steps.Client.GetAsync(PositionSteps.PositionUrl(process, "sovereignty", "MEX") + "/effective?" + queryString)).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task Unknown_process_issue_or_stakeholder_is_404()
    {
        var process = await _steps.OpenAsync("sovereignty");

        await (await _steps.EffectiveAsync("nowhere", "sovereignty", "MEX")).AssertProblemAsync(404);
        await (await _steps.EffectiveAsync(process, "nothing", "MEX")).AssertProblemAsync(404);
        await (await _steps.EffectiveAsync(process, "sovereignty", "XYZ")).AssertProblemAsync(404);
        await (await _steps.EffectiveAsync(process, "sovereignty", "MEX")).AssertProblemAsync(404);
    }
}
