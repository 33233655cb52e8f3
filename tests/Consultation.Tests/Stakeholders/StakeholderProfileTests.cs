using Consultation.Stakeholders.Reading;

namespace Consultation.Tests.Stakeholders;

public sealed class StakeholderProfileTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    [Fact]
    public async Task The_profile_gathers_groups_accreditations_meetings_and_statements()
    {
        var (process, meeting) = await _secretariat.OpenStocktakingAsync("human-rights");
        await _secretariat.EnsureStakeholderAsync("grulac", kind: "GroupOrBloc", name: "Latin American and Caribbean Group");
        await _secretariat.UpdateOkAsync("/stakeholders/MEX", "groups", new { group = "grulac", joinedOn = "2017-01-01" });
        await _secretariat.UpdateOkAsync("/stakeholders/MEX", "accreditations", new { process, accreditedOn = "2017-04-06" });
        await _secretariat.UpdateOkAsync(meeting, "statements", new { speaker = "MEX", issues = new[] { "human-rights" }, summary = "Opened the meeting as host", language = "es", saidOn = "2017-12-04" });
        await _secretariat.UpdateOkAsync(meeting, "statements", new { speaker = "MEX", onBehalfOf = "grulac", issues = new[] { "human-rights" }, summary = "Spoke for the region", language = "es", saidOn = "2017-12-05" });

        var response = await _secretariat.Client.GetAsync("/stakeholders/MEX/profile");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var profile = await response.ReadAsync<GetStakeholderProfile.StakeholderProfile>();
        Assert.Equal("grulac", Assert.Single(profile.Stakeholder.Groups).Group);
        Assert.Equal(process, Assert.Single(profile.Stakeholder.Accreditations).Process);
        Assert.Equal(meeting.Split('/').Last(), Assert.Single(profile.MeetingsAttended).Meeting.Split('/').Last());
        Assert.Equal(2, profile.StatementsMade);
        Assert.Equal(["Spoke for the region", "Opened the meeting as host"], profile.LatestStatements.Select(s => s.Summary));

        var group = await (await _secretariat.Client.GetAsync("/stakeholders/grulac/profile")).ReadAsync<GetStakeholderProfile.StakeholderProfile>();
        Assert.Equal(1, group.StatementsOnItsBehalf);
        Assert.Equal(0, group.StatementsMade);
        await (await _secretariat.Client.GetAsync("/stakeholders/XYZ/profile")).AssertProblemAsync(404);
    }
}
