namespace Consultation.Tests.Processes;

public sealed class ConcludingWithMeetingsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    [Fact]
    public async Task A_process_concludes_only_once_its_meetings_are_closed_or_cancelled()
    {
        var process = await _secretariat.LaunchProcessAsync();
        var open = await _secretariat.ScheduleOkAsync(process, "stocktaking-2017", new DateOnly(2017, 12, 4), new DateOnly(2017, 12, 6));
        var later = await _secretariat.ScheduleOkAsync(process, "conference", new DateOnly(2018, 12, 10), new DateOnly(2018, 12, 11));
        await _secretariat.UpdateOkAsync(open, "open", new { });

        var refused = await (await _secretariat.UpdateAsync($"/processes/{process}", "conclude", new { concludedOn = "2018-12-19" })).AssertProblemAsync(409);
        Assert.Contains("stocktaking-2017", refused.GetProperty("detail").GetString());
        Assert.Contains("conference", refused.GetProperty("detail").GetString());

        await _secretariat.UpdateOkAsync(open, "close", new { summary = "Stocktaking concluded" });
        await _secretariat.UpdateOkAsync(later, "cancel", new { reason = "Replaced by the intergovernmental conference" });
        var concluded = await _secretariat.UpdateAsync($"/processes/{process}", "conclude", new { concludedOn = "2018-12-19" });

        Assert.Equal(HttpStatusCode.OK, concluded.StatusCode);
    }
}
