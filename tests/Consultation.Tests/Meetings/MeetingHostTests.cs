using Consultation.Meetings;

namespace Consultation.Tests.Meetings;

/// <summary>A meeting's host: named once without a reason, changed only with one, its history kept; refused for a cancelled meeting.</summary>
[Collection(MeetingsApiCollection.Name)]
public sealed class MeetingHostTests(MeetingsApiFactory api)
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    [Fact]
    public async Task The_host_is_named_then_changed_only_with_a_reason_and_every_naming_is_kept()
    {
        var (_, meeting) = await _secretariat.OpenStocktakingAsync();
        await _secretariat.EnsureStakeholderAsync("CHE", name: "Switzerland", regionalGroup: "WesternEuropeanAndOthers");

        var explained = await (await _secretariat.UpdateAsync(meeting, "host", new { stakeholder = "MEX", reason = "First" })).AssertProblemAsync(409);
        Assert.Contains("naming the first takes no 'reason'", explained.GetProperty("detail").GetString());
        var named = await (await _secretariat.UpdateOkAsync(meeting, "host", new { stakeholder = "MEX" })).ReadAsync<MeetingDetails>();
        Assert.Equal("MEX", named.Host);

        var again = await (await _secretariat.UpdateAsync(meeting, "host", new { stakeholder = "MEX", reason = "Again" })).AssertProblemAsync(409);
        Assert.Contains("already the host", again.GetProperty("detail").GetString());
        var unexplained = await (await _secretariat.UpdateAsync(meeting, "host", new { stakeholder = "CHE" })).AssertProblemAsync(409);
        Assert.Contains("needs a 'reason'", unexplained.GetProperty("detail").GetString());
        await (await _secretariat.UpdateAsync(meeting, "host", new { stakeholder = "nowhere", reason = "Typo" })).AssertProblemAsync(404);
        Assert.NotEmpty((await (await _secretariat.UpdateAsync(meeting, "host", new { reason = "No one" })).AssertProblemAsync(400)).ErrorsFor("stakeholder"));

        await _secretariat.UpdateOkAsync(meeting, "close", new { summary = "Closed." });
        var changed = await (await _secretariat.UpdateOkAsync(meeting, "host", new { stakeholder = "CHE", reason = "Co-hosted; recorded wrongly" })).ReadAsync<MeetingDetails>();

        Assert.Equal("CHE", changed.Host);
        Assert.Equal([("MEX", null), ("CHE", "Co-hosted; recorded wrongly")], changed.HostHistory.Select(h => (h.Stakeholder, h.Reason)));
    }

    [Fact]
    public async Task A_cancelled_meeting_takes_no_host()
    {
        var process = await _secretariat.LaunchProcessAsync();
        var meeting = await _secretariat.ScheduleOkAsync(process, "cancelled-2017", new DateOnly(2017, 12, 4), new DateOnly(2017, 12, 6));
        await _secretariat.EnsureStakeholderAsync("MEX", name: "Mexico");
        await _secretariat.UpdateOkAsync(meeting, "cancel", new { reason = "Postponed" });

        await (await _secretariat.UpdateAsync(meeting, "host", new { stakeholder = "MEX" })).AssertProblemAsync(409);
    }
}
