using Consultation.Stakeholders;

namespace Consultation.Tests.Stakeholders;

/// <summary>Joining and leaving groups over HTTP: If-Match, validation, the rules, and the history kept.</summary>
public sealed class JoiningAndLeavingGroupsTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async Task InitializeAsync()
    {
        if ((await _client.GetAsync("/stakeholders/african-group")).StatusCode == HttpStatusCode.OK)
        {
            return;
        }

        await _client.RegisterOtherAsync("african-group", "GroupOrBloc", "Group of African States");
        await _client.RegisterOtherAsync("eu", "IntergovernmentalOrganization", "European Union");
        await _client.RegisterOtherAsync("migrant-forum-asia", "CivilSociety", "Migrant Forum in Asia");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Joining_returns_the_stakeholder_with_the_period_and_the_next_etag_and_records_the_event()
    {
        await _client.RegisterStateAsync("ZAF", "South Africa");

        var response = await _client.PostJsonAsync("/stakeholders/ZAF/groups",
            new { group = "african-group", joinedOn = "2017-01-10", reason = "Member of the African Union" }, "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var details = await response.ReadAsync<StakeholderDetails>();
        Assert.Equal([new GroupMembershipPeriod("african-group", new DateOnly(2017, 1, 10), null)], details.Groups);
        Assert.Equal(2, details.Version);
        await using var session = api.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync("ZAF");
        Assert.Equal(new StakeholderJoinedGroup("ZAF", "african-group", new DateOnly(2017, 1, 10), "Member of the African Union"), events[1].Data);
        Assert.Equal("JoinGroup", events[1].Headers!["command"].ToString());
    }

    [Fact]
    public async Task The_json_shape_of_a_membership_uses_plain_dates()
    {
        await _client.RegisterStateAsync("SEN", "Senegal");
        await _client.JoinAsync("SEN", "african-group", "2017-01-10");
        await _client.LeaveAsync("SEN", "african-group", "2017-06-01");

        var json = await (await _client.GetAsync("/stakeholders/SEN")).Content.ReadAsStringAsync();

        Assert.Contains("\"groups\":[{\"group\":\"african-group\",\"joinedOn\":\"2017-01-10\",\"leftOn\":\"2017-06-01\"}]", json);
    }

    [Fact]
    public async Task An_intergovernmental_organization_such_as_the_eu_can_have_members()
    {
        await _client.RegisterStateAsync("FRA", "France", "WesternEuropeanAndOthers");

        var details = await _client.JoinAsync("FRA", "eu", "1958-01-01");

        Assert.Equal("eu", Assert.Single(details.Groups).Group);
    }

    [Fact]
    public async Task Leaving_closes_the_period_and_rejoining_opens_a_new_one()
    {
        await _client.RegisterStateAsync("GBR", "United Kingdom", "WesternEuropeanAndOthers");
        await _client.JoinAsync("GBR", "eu", "1973-01-01");

        var left = await _client.TryLeaveAsync("GBR", "eu", "2020-02-01", "Withdrawal agreement in force");
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Equal("\"3\"", left.Headers.ETag?.Tag);
        var rejoined = await _client.JoinAsync("GBR", "eu", "2031-01-01");

        Assert.Equal(
            [
                new GroupMembershipPeriod("eu", new DateOnly(1973, 1, 1), new DateOnly(2020, 2, 1)),
                new GroupMembershipPeriod("eu", new DateOnly(2031, 1, 1), null),
            ],
            rejoined.Groups);
        await using var session = api.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync("GBR");
        Assert.Equal(new StakeholderLeftGroup("GBR", "eu", new DateOnly(2020, 2, 1), "Withdrawal agreement in force"), events[2].Data);
    }

    [Fact]
    public async Task Joining_or_leaving_without_if_match_is_refused_with_428()
    {
        await _client.RegisterStateAsync("KEN", "Kenya");

        await (await _client.PostJsonAsync("/stakeholders/KEN/groups", new { group = "african-group", joinedOn = "2017-01-10" })).AssertProblemAsync(428);
        await (await _client.PostJsonAsync("/stakeholders/KEN/groups/african-group/leave", new { leftOn = "2017-01-10" })).AssertProblemAsync(428);
        await using var session = api.Store.QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync("KEN"));
    }

    [Fact]
    public async Task A_stale_if_match_is_refused_with_412_and_nothing_is_written()
    {
        await _client.RegisterStateAsync("NGA", "Nigeria");
        await _client.JoinAsync("NGA", "african-group", "2017-01-10");

        var join = await (await _client.PostJsonAsync("/stakeholders/NGA/groups", new { group = "eu", joinedOn = "2017-01-10" }, "\"1\"")).AssertProblemAsync(412);
        var leave = await (await _client.PostJsonAsync("/stakeholders/NGA/groups/african-group/leave", new { leftOn = "2017-06-01" }, "\"1\"")).AssertProblemAsync(412);

        Assert.Equal(2, join.GetProperty("currentVersion").GetInt64());
        Assert.Equal(2, leave.GetProperty("currentVersion").GetInt64());
        await using var session = api.Store.QuerySession();
        Assert.Equal(2, (await session.Events.FetchStreamAsync("NGA")).Count);
    }

    public static TheoryData<string, string, string> InvalidJoins => new()
    {
        { "missing group", """{"joinedOn":"2017-01-10"}""", "group" },
        { "group not a key", """{"group":"African Group","joinedOn":"2017-01-10"}""", "group" },
        { "missing date", """{"group":"african-group"}""", "joinedOn" },
        { "empty reason", """{"group":"african-group","joinedOn":"2017-01-10","reason":""}""", "reason" },
        { "over-long reason", $$"""{"group":"african-group","joinedOn":"2017-01-10","reason":"{{new string('x', 1001)}}"}""", "reason" },
    };

    [Theory]
    [MemberData(nameof(InvalidJoins))]
    public async Task Invalid_joins_get_400_naming_the_field_and_write_nothing(string _, string body, string field)
    {
        await EnsureRegisteredAsync("MLI", "Mali");
        var before = await api.CountEventsAsync();

        var problem = await (await PostRawWithIfMatchAsync("/stakeholders/MLI/groups", body, await _client.ETagOfAsync("MLI"))).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor(field));
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Theory]
    [InlineData("2017-13-01")]
    [InlineData("10/01/2017")]
    [InlineData("yesterday")]
    public async Task A_date_that_is_not_yyyy_mm_dd_gets_400_pointing_at_it(string date)
    {
        await EnsureRegisteredAsync("MLI", "Mali");

        var response = await PostRawWithIfMatchAsync("/stakeholders/MLI/groups", $$"""{"group":"african-group","joinedOn":"{{date}}"}""", await _client.ETagOfAsync("MLI"));

        var problem = await response.AssertProblemAsync(400);
        Assert.Contains("joinedOn", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_invalid_leave_gets_400_naming_the_field()
    {
        await EnsureRegisteredAsync("MLI", "Mali");
        var etag = await _client.ETagOfAsync("MLI");

        var noDate = await (await PostRawWithIfMatchAsync("/stakeholders/MLI/groups/african-group/leave", "{}", etag)).AssertProblemAsync(400);
        var badGroup = await (await PostRawWithIfMatchAsync("/stakeholders/MLI/groups/African_Group/leave", """{"leftOn":"2017-01-10"}""", etag)).AssertProblemAsync(400);

        Assert.NotEmpty(noDate.ErrorsFor("leftOn"));
        Assert.NotEmpty(badGroup.ErrorsFor("group"));
    }

    [Fact]
    public async Task Unknown_stakeholders_and_groups_are_not_found()
    {
        await _client.RegisterStateAsync("GHA", "Ghana");

        var unknownMember = await (await _client.PostJsonAsync("/stakeholders/XXX/groups", new { group = "african-group", joinedOn = "2017-01-10" }, "\"1\"")).AssertProblemAsync(404);
        var unknownGroup = await (await _client.TryJoinAsync("GHA", "ecowas", "2017-01-10")).AssertProblemAsync(404);
        var unknownLeaver = await (await _client.PostJsonAsync("/stakeholders/XXX/groups/african-group/leave", new { leftOn = "2017-01-10" }, "\"1\"")).AssertProblemAsync(404);

        Assert.Contains("XXX", unknownMember.GetProperty("detail").GetString());
        Assert.Contains("ecowas", unknownGroup.GetProperty("detail").GetString());
        Assert.Contains("XXX", unknownLeaver.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Joining_a_stakeholder_that_is_not_a_group_is_a_conflict_and_a_state_key_is_no_group_key()
    {
        await _client.RegisterStateAsync("TGO", "Togo");

        await _client.RegisterOtherAsync("un-desa", "UnEntity", "UN Department of Economic and Social Affairs");

        var civilSociety = await (await _client.TryJoinAsync("TGO", "migrant-forum-asia", "2017-01-10")).AssertProblemAsync(409);
        var unEntity = await (await _client.TryJoinAsync("TGO", "un-desa", "2017-01-10")).AssertProblemAsync(409);

        Assert.Contains("CivilSociety", civilSociety.GetProperty("detail").GetString());
        Assert.Contains("UnEntity", unEntity.GetProperty("detail").GetString());
        Assert.NotEmpty((await (await _client.TryJoinAsync("TGO", "TGO", "2017-01-10")).AssertProblemAsync(400)).ErrorsFor("group"));
    }

    [Fact]
    public async Task The_broken_rules_are_conflicts_and_write_nothing()
    {
        await _client.RegisterStateAsync("CMR", "Cameroon");
        await _client.JoinAsync("CMR", "african-group", "2017-06-01");
        var before = await api.CountEventsAsync();

        var self = await (await _client.PostJsonAsync("/stakeholders/african-group/groups", new { group = "african-group", joinedOn = "2017-01-10" }, await _client.ETagOfAsync("african-group"))).AssertProblemAsync(409);
        var twice = await (await _client.TryJoinAsync("CMR", "african-group", "2017-09-01")).AssertProblemAsync(409);
        var notMember = await (await _client.TryLeaveAsync("CMR", "eu", "2017-09-01")).AssertProblemAsync(409);
        var beforeJoining = await (await _client.TryLeaveAsync("CMR", "african-group", "2017-05-31")).AssertProblemAsync(409);

        Assert.Contains("itself", self.GetProperty("detail").GetString());
        Assert.Contains("since 2017-06-01", twice.GetProperty("detail").GetString());
        Assert.Contains("does not belong", notMember.GetProperty("detail").GetString());
        Assert.Contains("cannot leave before", beforeJoining.GetProperty("detail").GetString());
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task Rejoining_before_the_day_it_left_is_a_conflict()
    {
        await _client.RegisterStateAsync("BEN", "Benin");
        await _client.JoinAsync("BEN", "african-group", "2017-01-10");
        await _client.LeaveAsync("BEN", "african-group", "2017-06-01");

        await (await _client.TryJoinAsync("BEN", "african-group", "2017-03-01")).AssertProblemAsync(409);
    }

    private async Task EnsureRegisteredAsync(string key, string name)
    {
        if ((await _client.GetAsync($"/stakeholders/{key}")).StatusCode == HttpStatusCode.NotFound)
        {
            await _client.PostJsonAsync("/stakeholders", StakeholderRequests.MemberState(key, name, "African"));
        }
    }

    private Task<HttpResponseMessage> PostRawWithIfMatchAsync(string url, string body, string ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return _client.SendAsync(request);
    }
}
