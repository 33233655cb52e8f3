using Consultation.Stakeholders;

namespace Consultation.Tests.Stakeholders;

public sealed class RegisteringStakeholdersTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task Registering_a_member_state_returns_it_with_location_and_version_etag()
    {
        var response = await _client.PostJsonAsync("/stakeholders", StakeholderRequests.MemberState("MEX", "Mexico"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/stakeholders/MEX", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var created = await response.ReadAsync<StakeholderDetails>();
        Assert.Equal("Mexico", created.Name);
        Assert.Equal("MEX", created.IsoCode);
        Assert.Equal(RegionalGroup.LatinAmericanAndCaribbean, created.RegionalGroup);

        var fetched = await _client.GetAsync("/stakeholders/MEX");
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("\"1\"", fetched.Headers.ETag?.Tag);
        Assert.Equivalent(created, await fetched.ReadAsync<StakeholderDetails>(), strict: true);
    }

    [Fact]
    public async Task Registering_a_group_keys_it_by_slug_without_iso_code_or_regional_group()
    {
        var response = await _client.PostJsonAsync("/stakeholders", StakeholderRequests.Other("african-group", "GroupOrBloc", "Group of African States"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<StakeholderDetails>();
        Assert.Equal(StakeholderKind.GroupOrBloc, created.Kind);
        Assert.Null(created.IsoCode);
        Assert.Null(created.RegionalGroup);
    }

    [Fact]
    public async Task The_event_carries_the_correlation_id_user_and_command()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/stakeholders")
        {
            Content = System.Net.Http.Json.JsonContent.Create(StakeholderRequests.MemberState("ECU", "Ecuador")),
        };
        request.Headers.Add("X-Correlation-Id", "stocktaking-day-2");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("stocktaking-day-2", response.Headers.GetValues("X-Correlation-Id").Single());
        await using var session = api.Store.QuerySession();
        var registered = Assert.Single(await session.Events.FetchStreamAsync("ECU"));
        Assert.IsType<StakeholderRegistered>(registered.Data);
        Assert.Equal("stocktaking-day-2", registered.CorrelationId);
        Assert.Equal(TestIdentity.DefaultUser, registered.UserName);
        Assert.False(string.IsNullOrEmpty(registered.CausationId));
        Assert.Equal("RegisterStakeholder", registered.Headers!["command"].ToString());
        Assert.Equal("secretariat", registered.Headers["role"].ToString());
    }

    [Fact]
    public async Task Every_response_gets_a_correlation_id_and_unsafe_ones_are_replaced()
    {
        var plain = await _client.GetAsync("/health/live");
        var generated = plain.Headers.GetValues("X-Correlation-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", generated);

        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "bad id with spaces <script>");
        var replaced = (await _client.SendAsync(request)).Headers.GetValues("X-Correlation-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", replaced);
    }

    [Fact]
    public async Task Registering_a_key_twice_is_a_conflict_and_keeps_the_first_record()
    {
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/stakeholders", StakeholderRequests.MemberState("THA", "Thailand", "AsiaPacific"))).StatusCode);

        var again = await _client.PostJsonAsync("/stakeholders", StakeholderRequests.MemberState("THA", "Kingdom of Thailand", "AsiaPacific"));

        var problem = await again.AssertProblemAsync(409);
        Assert.Contains("already registered", problem.GetProperty("detail").GetString());
        await using var session = api.Store.QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync("THA"));
        Assert.Equal("Thailand", (await session.LoadAsync<StakeholderDetails>("THA"))!.Name);
    }

    [Fact]
    public async Task Simultaneous_registrations_of_one_key_record_exactly_one()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            _client.PostJsonAsync("/stakeholders", StakeholderRequests.MemberState("SLE", $"Sierra Leone {i}", "African"))));

        Assert.Single(attempts, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await using var session = api.Store.QuerySession();
        Assert.Single(await session.Events.FetchStreamAsync("SLE"));
    }

    [Fact]
    public async Task Fetching_an_unknown_stakeholder_is_not_found()
    {
        var problem = await (await _client.GetAsync("/stakeholders/XYZ")).AssertProblemAsync(404);
        Assert.Contains("XYZ", problem.GetProperty("detail").GetString());
    }
}
