namespace Consultation.Tests.Positions;

/// <summary>
/// A position write reads of its source meeting only the process, dates and status (selected in the database): each must
/// arrive intact, or a cancelled meeting, another process's meeting or a date outside the meeting would slip through.
/// </summary>
public sealed class SourceMeetingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private static object Position(string meeting, string statedOn) =>
        new { stakeholder = "MEX", stance = 1, summary = "Supports", meeting, statedOn };

    [Fact]
    public async Task The_meeting_s_status_dates_and_process_decide_whether_a_position_can_cite_it()
    {
        var (process, _) = await _secretariat.OpenStocktakingAsync("sovereignty");
        var (other, _) = await _secretariat.OpenStocktakingAsync("sovereignty");
        var cancelled = await _secretariat.ScheduleOkAsync(process, "hearing-2018", new DateOnly(2018, 3, 1), new DateOnly(2018, 3, 2));
        await _secretariat.UpdateOkAsync(cancelled, "cancel", new { reason = "Postponed" });
        var positions = $"/processes/{process}/issues/sovereignty/positions";

        var atCancelled = await (await _secretariat.Client.PostJsonAsync(positions, Position("hearing-2018", "2018-03-01"))).AssertProblemAsync(409);
        Assert.Contains("was cancelled", atCancelled.GetProperty("detail").GetString());
        var after = await (await _secretariat.Client.PostJsonAsync(positions, Position("stocktaking-2017", "2017-12-07"))).AssertProblemAsync(409);
        Assert.Contains("(2017-12-04 to 2017-12-06)", after.GetProperty("detail").GetString());
        var before = await (await _secretariat.Client.PostJsonAsync(positions, Position("stocktaking-2017", "2017-12-03"))).AssertProblemAsync(409);
        Assert.Contains("must fall within meeting", before.GetProperty("detail").GetString());
        var lastDay = await _secretariat.Client.PostJsonAsync(positions, Position("stocktaking-2017", "2017-12-06"));
        Assert.True(lastDay.StatusCode == HttpStatusCode.Created, await lastDay.Content.ReadAsStringAsync());

        // The other process's meeting has the same key: the key is per process, so this one cites its own meeting.
        var elsewhere = await _secretariat.Client.PostJsonAsync($"/processes/{other}/issues/sovereignty/positions", Position("stocktaking-2017", "2017-12-04"));
        Assert.True(elsewhere.StatusCode == HttpStatusCode.Created, await elsewhere.Content.ReadAsStringAsync());
    }
}
