using Consultation.Domain;
using Consultation.Infrastructure.Validation;

namespace Consultation.Tests.Meetings;

/// <summary>
/// Nothing is opened, closed, stated or said after the present moment: a meeting that has not begun cannot be opened,
/// and no position or statement is dated on a day that has not come (one day ahead of UTC is accepted for time zones).
/// </summary>
public sealed class PresentMomentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private readonly Secretariat _secretariat = new(api.CreateClient());

    [Fact]
    public async Task A_meeting_that_begins_next_year_cannot_be_opened_today()
    {
        var process = await _secretariat.LaunchProcessAsync();
        var meeting = await _secretariat.ScheduleOkAsync(process, "next-year", Today.AddYears(1), Today.AddYears(1).AddDays(2));
        var before = await api.CountEventsAsync();

        var problem = await (await _secretariat.UpdateAsync(meeting, "open", new { })).AssertProblemAsync(409);

        Assert.Contains("has not come yet", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task No_position_or_statement_is_dated_on_a_day_that_has_not_come()
    {
        var process = await _secretariat.LaunchProcessAsync();
        await _secretariat.TableIssueAsync(process, "alpha");
        var meeting = await _secretariat.ScheduleOkAsync(process, "running", Today.AddDays(-1), Today.AddDays(30));
        await _secretariat.UpdateOkAsync(meeting, "open", new { });
        await _secretariat.EnsureStakeholderAsync("MEX", name: "Mexico");
        await _secretariat.UpdateOkAsync(meeting, "participants", new { stakeholder = "MEX", role = "Speaker" });
        var before = await api.CountEventsAsync();
        object Position(DateOnly statedOn) => new { stakeholder = "MEX", stance = 1, summary = "Supports", meeting = "running", statedOn };

        var single = await (await _secretariat.Client.PostJsonAsync($"/processes/{process}/issues/alpha/positions", Position(Today.AddDays(10)))).AssertProblemAsync(409);
        var batch = await (await _secretariat.Client.PostJsonAsync($"/processes/{process}/positions/batch", new { items = new[] { new { issue = "alpha", stakeholder = "MEX", stance = 1, summary = "Supports", meeting = "running", statedOn = Today.AddDays(10) } } }))
            .AssertProblemAsync(422);
        var statement = await (await _secretariat.UpdateAsync(meeting, "statements", new { speaker = "MEX", summary = "Will have said", language = "es", saidOn = Today.AddDays(10) }))
            .AssertProblemAsync(409);

        Assert.Contains("has not come yet", single.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("has not come yet", Assert.Single(batch.ErrorsFor("items[0]")), StringComparison.Ordinal);
        Assert.Contains("has not come yet", statement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
        Assert.Equal(HttpStatusCode.Created, (await _secretariat.Client.PostJsonAsync($"/processes/{process}/issues/alpha/positions", Position(Today))).StatusCode);
        await _secretariat.UpdateOkAsync(meeting, "statements", new { speaker = "MEX", summary = "Said today", language = "es", saidOn = Today });
    }

    [Fact]
    public void One_day_ahead_of_utc_is_accepted_for_time_zones_and_two_are_not()
    {
        var now = new DateTimeOffset(2017, 12, 6, 23, 0, 0, TimeSpan.Zero);

        PresentMoment.RequireReached(new DateOnly(2017, 12, 7), now, "Tomorrow in Kiribati");
        Assert.Throws<DomainRuleViolation>(() => PresentMoment.RequireReached(new DateOnly(2017, 12, 8), now, "The day after"));
    }
}
