using Consultation.Stakeholders;

namespace Consultation.Tests.Stakeholders;

/// <summary>"Who belonged to bloc G on date D", answered by the database: the members endpoint, the list filter and <see cref="GroupMembers"/>.</summary>
public sealed class GroupMembersTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    // ZAF: member 2017-01-10 until it leaves on 2017-06-01, back from 2017-09-01.
    // SLE: member since 2000-01-01. KEN: member 2017-03-01 to 2017-03-02 (left the next day).
    // ECU: never a member (a member of another group). THA: member of the other group, and left it.
    public async Task InitializeAsync()
    {
        if ((await _client.GetAsync("/stakeholders/african-group")).StatusCode == HttpStatusCode.OK)
        {
            return;
        }

        await _client.RegisterOtherAsync("african-group", "GroupOrBloc", "Group of African States");
        await _client.RegisterOtherAsync("g77", "GroupOrBloc", "Group of 77 and China");
        await _client.RegisterOtherAsync("migrant-forum-asia", "CivilSociety", "Migrant Forum in Asia");
        await _client.RegisterStateAsync("ZAF", "South Africa");
        await _client.RegisterStateAsync("SLE", "Sierra Leone");
        await _client.RegisterStateAsync("KEN", "Kenya");
        await _client.RegisterStateAsync("ECU", "Ecuador", "LatinAmericanAndCaribbean");
        await _client.RegisterStateAsync("THA", "Thailand", "AsiaPacific");

        await _client.JoinAsync("ZAF", "african-group", "2017-01-10");
        await _client.LeaveAsync("ZAF", "african-group", "2017-06-01");
        await _client.JoinAsync("ZAF", "african-group", "2017-09-01");
        await _client.JoinAsync("SLE", "african-group", "2000-01-01");
        await _client.JoinAsync("KEN", "african-group", "2017-03-01");
        await _client.LeaveAsync("KEN", "african-group", "2017-03-02");
        await _client.JoinAsync("ECU", "g77", "2000-01-01");
        await _client.JoinAsync("THA", "g77", "2000-01-01");
        await _client.LeaveAsync("THA", "g77", "2017-01-01");
        await _client.JoinAsync("ZAF", "g77", "2000-01-01");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("1999-12-31", new string[0])]
    [InlineData("2017-01-09", new[] { "SLE" })]
    [InlineData("2017-01-10", new[] { "SLE", "ZAF" })]
    [InlineData("2017-03-01", new[] { "KEN", "SLE", "ZAF" })]
    [InlineData("2017-03-02", new[] { "SLE", "ZAF" })]
    [InlineData("2017-05-31", new[] { "SLE", "ZAF" })]
    [InlineData("2017-06-01", new[] { "SLE" })]
    [InlineData("2017-08-31", new[] { "SLE" })]
    [InlineData("2017-09-01", new[] { "SLE", "ZAF" })]
    [InlineData("2017-12-05", new[] { "SLE", "ZAF" })]
    public async Task Members_on_a_date_count_from_the_day_they_joined_until_the_day_before_they_left(string on, string[] expected)
    {
        Assert.Equal(expected, await _client.KeysAsync($"/stakeholders/african-group/members?on={on}"));
        Assert.Equal(expected, await _client.KeysAsync($"/stakeholders?group=african-group&on={on}"));
        await using var session = api.Store.QuerySession();
        var date = DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, await new GroupMembers(session).KeysOnAsync("african-group", date, CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_date_members_are_those_of_today()
    {
        Assert.Equal(["SLE", "ZAF"], await _client.KeysAsync("/stakeholders/african-group/members"));
        Assert.Equal(["ECU", "ZAF"], await _client.KeysAsync("/stakeholders/g77/members"));
        Assert.Equal(["ECU", "ZAF"], await _client.KeysAsync("/stakeholders?group=g77"));
        Assert.Equal(["THA"], await _client.KeysAsync("/stakeholders?group=g77&on=2016-12-31&regionalGroup=AsiaPacific"));
    }

    [Fact]
    public async Task Members_come_with_their_whole_membership_history()
    {
        var members = await _client.PageAsync("/stakeholders/african-group/members?on=2017-12-05");

        var southAfrica = Assert.Single(members.Items, m => m.Id == "ZAF");
        Assert.Equal(
            [
                new GroupMembershipPeriod("african-group", new DateOnly(2017, 1, 10), new DateOnly(2017, 6, 1)),
                new GroupMembershipPeriod("african-group", new DateOnly(2017, 9, 1), null),
                new GroupMembershipPeriod("g77", new DateOnly(2000, 1, 1), null),
            ],
            southAfrica.Groups);
    }

    [Fact]
    public async Task A_group_without_members_or_a_stakeholder_that_is_no_group_lists_nobody()
    {
        Assert.Empty((await _client.PageAsync("/stakeholders/migrant-forum-asia/members")).Items);
        Assert.Equal(0, (await _client.PageAsync("/stakeholders/SLE/members")).TotalItems);
    }

    [Fact]
    public async Task A_roster_holds_every_period_for_resolving_many_dates_at_once()
    {
        await using var session = api.Store.QuerySession();
        var roster = await new GroupMembers(session).RosterAsync("african-group", CancellationToken.None);

        Assert.Equal(4, roster.Periods.Count);
        Assert.Equal(["KEN", "SLE", "ZAF"], roster.MembersOn(new DateOnly(2017, 3, 1)));
        Assert.Equal(["SLE"], roster.MembersOn(new DateOnly(2017, 6, 1)));
        Assert.True(roster.IsMember("ZAF", new DateOnly(2017, 9, 1)));
    }

    [Fact]
    public async Task Members_of_an_unknown_group_are_not_found()
    {
        var problem = await (await _client.GetAsync("/stakeholders/ecowas/members")).AssertProblemAsync(404);

        Assert.Contains("ecowas", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/stakeholders/african-group/members?on=2017-02-30", "on")]
    [InlineData("/stakeholders/african-group/members?on=05.12.2017", "on")]
    [InlineData("/stakeholders/african-group/members?page=0", "page")]
    [InlineData("/stakeholders/african-group/members?pageSize=201", "pageSize")]
    [InlineData("/stakeholders?group=african-group&on=tomorrow", "on")]
    [InlineData("/stakeholders?on=2017-12-05", "on")]
    [InlineData("/stakeholders?group=African%20Group", "group")]
    [InlineData("/stakeholders?accreditedTo=GCM", "accreditedTo")]
    public async Task Bad_parameters_get_400_naming_them(string url, string field)
    {
        var problem = await (await _client.GetAsync(url)).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task Member_lists_are_paged_in_a_stable_order()
    {
        await _client.RegisterOtherAsync("sadc", "IntergovernmentalOrganization", "Southern African Development Community");
        foreach (var state in new[] { "AGO", "BWA", "COM", "DJI", "ERI", "GAB", "LSO", "MWI" })
        {
            await _client.RegisterStateAsync(state, $"State {state}");
        }

        foreach (var state in new[] { "GAB", "ERI", "DJI", "COM", "BWA", "AGO" })
        {
            await _client.JoinAsync(state, "sadc", "2001-01-01");
        }

        await _client.JoinAsync("LSO", "sadc", "2017-12-05");
        await _client.JoinAsync("MWI", "sadc", "2017-12-06");

        const string query = "/stakeholders/sadc/members?on=2017-12-05&pageSize=3";
        var pages = new[] { await _client.PageAsync(query), await _client.PageAsync(query + "&page=2"), await _client.PageAsync(query + "&page=3") };

        Assert.All(pages, p => Assert.Equal(7, p.TotalItems));
        Assert.All(pages, p => Assert.Equal(3, p.TotalPages));
        Assert.Equal([3, 3, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(["AGO", "BWA", "COM", "DJI", "ERI", "GAB", "LSO"], pages.SelectMany(p => p.Items).Select(x => x.Id));
        Assert.Empty((await _client.PageAsync(query + "&page=4")).Items);
        Assert.Equal(["COM", "DJI"], await _client.KeysAsync("/stakeholders?group=sadc&on=2017-12-05&pageSize=2&page=2"));
    }
}
