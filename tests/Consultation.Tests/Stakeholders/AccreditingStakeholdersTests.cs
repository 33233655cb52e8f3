using Consultation.Stakeholders;

namespace Consultation.Tests.Stakeholders;

/// <summary>Accreditation to processes over HTTP, with the processes created through their own API.</summary>
public sealed class AccreditingStakeholdersTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async Task InitializeAsync()
    {
        if ((await _client.GetAsync("/processes/gcm")).StatusCode == HttpStatusCode.OK)
        {
            return;
        }

        await LaunchProcessAsync("gcm", "2017-04-01");
        await LaunchProcessAsync("hlpf-2016", "2016-07-11");
        var etag = (await _client.GetAsync("/processes/hlpf-2016")).Headers.ETag!.Tag;
        var concluded = await _client.PostJsonAsync("/processes/hlpf-2016/conclude", new { concludedOn = "2016-07-20", outcome = "Ministerial declaration adopted" }, etag);
        Assert.True(concluded.StatusCode == HttpStatusCode.OK, await concluded.Content.ReadAsStringAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task LaunchProcessAsync(string key, string startsOn)
    {
        var response = await _client.PostJsonAsync("/processes", new { key, title = $"Process {key}", mandateReference = "A/RES/71/280", startsOn });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpResponseMessage> TryAccreditAsync(string key, string process, string accreditedOn = "2017-04-06", string? reason = null) =>
        await _client.PostJsonAsync($"/stakeholders/{key}/accreditations", new { process, accreditedOn, reason }, await _client.ETagOfAsync(key));

    [Fact]
    public async Task Accrediting_returns_the_stakeholder_with_the_accreditation_and_records_the_event()
    {
        await _client.RegisterOtherAsync("iom", "IntergovernmentalOrganization", "International Organization for Migration");

        var response = await _client.PostJsonAsync("/stakeholders/iom/accreditations",
            new { process = "gcm", accreditedOn = "2017-04-06", reason = "Invited by the co-facilitators" }, "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        var details = await response.ReadAsync<StakeholderDetails>();
        Assert.Equal([new ProcessAccreditation("gcm", new DateOnly(2017, 4, 6))], details.Accreditations);
        Assert.Contains("\"accreditations\":[{\"process\":\"gcm\",\"accreditedOn\":\"2017-04-06\",\"endedOn\":null,\"endReason\":null}]", await (await _client.GetAsync("/stakeholders/iom")).Content.ReadAsStringAsync());
        await using var session = api.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync("iom");
        Assert.Equal(new StakeholderAccredited("iom", "gcm", new DateOnly(2017, 4, 6), "Invited by the co-facilitators"), events[1].Data);
        Assert.Equal("AccreditStakeholder", events[1].Headers!["command"].ToString());
    }

    [Fact]
    public async Task The_registry_lists_who_is_accredited_on_a_date_and_not_those_whose_accreditation_ended()
    {
        await LaunchProcessAsync("lapsed", "2017-01-01");
        await _client.RegisterOtherAsync("lapsed-ngo", "CivilSociety", "An NGO whose accreditation ended");
        Assert.Equal(HttpStatusCode.OK, (await TryAccreditAsync("lapsed-ngo", "lapsed", "2017-05-01")).StatusCode);
        var ended = await _client.PostJsonAsync(
            "/stakeholders/lapsed-ngo/accreditations/lapsed/end", new { endedOn = "2018-07-13", reason = "Phase over" }, await _client.ETagOfAsync("lapsed-ngo"));
        Assert.True(ended.StatusCode == HttpStatusCode.OK, await ended.Content.ReadAsStringAsync());

        Assert.Empty(await _client.KeysAsync("/stakeholders?accreditedTo=lapsed"));
        Assert.Equal(["lapsed-ngo"], await _client.KeysAsync("/stakeholders?accreditedTo=lapsed&on=2018-07-12"));
        Assert.Empty(await _client.KeysAsync("/stakeholders?accreditedTo=lapsed&on=2018-07-13"));
        Assert.Empty(await _client.KeysAsync("/stakeholders?accreditedTo=lapsed&on=2017-04-30"));
    }

    [Fact]
    public async Task An_accreditation_ends_with_if_match_shows_its_period_and_can_be_granted_again_from_its_end()
    {
        await _client.RegisterOtherAsync("icmc", "CivilSociety", "International Catholic Migration Commission");
        Assert.Equal(HttpStatusCode.OK, (await TryAccreditAsync("icmc", "gcm", "2017-05-01")).StatusCode);

        var stale = await _client.PostJsonAsync("/stakeholders/icmc/accreditations/gcm/end", new { endedOn = "2018-07-13", reason = "Phase over" }, "\"1\"");
        var ended = await _client.PostJsonAsync(
            "/stakeholders/icmc/accreditations/gcm/end", new { endedOn = "2018-07-13", reason = "Consultation phase over" }, await _client.ETagOfAsync("icmc"));
        var again = await _client.PostJsonAsync(
            "/stakeholders/icmc/accreditations/gcm/end", new { endedOn = "2018-08-01", reason = "Twice" }, await _client.ETagOfAsync("icmc"));
        var tooEarly = await TryAccreditAsync("icmc", "gcm", "2018-07-01");
        var renewed = await TryAccreditAsync("icmc", "gcm", "2018-07-13");

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.True(ended.StatusCode == HttpStatusCode.OK, await ended.Content.ReadAsStringAsync());
        Assert.Contains("only an accreditation in force can end", (await again.AssertProblemAsync(409)).GetProperty("detail").GetString());
        Assert.Contains("until 2018-07-13", (await tooEarly.AssertProblemAsync(409)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal(
            [new ProcessAccreditation("gcm", new DateOnly(2017, 5, 1), new DateOnly(2018, 7, 13), "Consultation phase over"), new ProcessAccreditation("gcm", new DateOnly(2018, 7, 13))],
            (await _client.DetailsOfAsync("icmc")).Accreditations);
        await using var session = api.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync("icmc");
        Assert.Equal(new StakeholderAccreditationEnded("icmc", "gcm", new DateOnly(2018, 7, 13), "Consultation phase over"), events[2].Data);
    }

    [Fact]
    public async Task Accrediting_twice_to_one_process_is_a_conflict()
    {
        await _client.RegisterStateAsync("MEX", "Mexico", "LatinAmericanAndCaribbean");
        Assert.Equal(HttpStatusCode.OK, (await TryAccreditAsync("MEX", "gcm")).StatusCode);

        var problem = await (await TryAccreditAsync("MEX", "gcm", "2017-05-01")).AssertProblemAsync(409);

        Assert.Contains("already accredited", problem.GetProperty("detail").GetString());
        Assert.Single((await _client.DetailsOfAsync("MEX")).Accreditations);
    }

    [Fact]
    public async Task An_unknown_process_or_stakeholder_is_not_found()
    {
        await _client.RegisterStateAsync("ECU", "Ecuador", "LatinAmericanAndCaribbean");

        var process = await (await TryAccreditAsync("ECU", "gcr")).AssertProblemAsync(404);
        var stakeholder = await (await _client.PostJsonAsync("/stakeholders/XXX/accreditations", new { process = "gcm", accreditedOn = "2017-04-06" }, "\"1\"")).AssertProblemAsync(404);

        Assert.Equal("Process not found.", process.GetProperty("title").GetString());
        Assert.Contains("gcr", process.GetProperty("detail").GetString());
        Assert.Contains("XXX", stakeholder.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_concluded_process_accredits_nobody()
    {
        await _client.RegisterStateAsync("THA", "Thailand", "AsiaPacific");
        var before = await api.CountEventsAsync();

        var problem = await (await TryAccreditAsync("THA", "hlpf-2016")).AssertProblemAsync(409);

        Assert.Contains("concluded", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task Accrediting_needs_a_current_if_match()
    {
        await _client.RegisterStateAsync("SLE", "Sierra Leone");
        Assert.Equal(HttpStatusCode.OK, (await _client.PostJsonAsync("/stakeholders/SLE/rename", new { name = "Republic of Sierra Leone", reason = "Official name" }, "\"1\"")).StatusCode);

        await (await _client.PostJsonAsync("/stakeholders/SLE/accreditations", new { process = "gcm", accreditedOn = "2017-04-06" })).AssertProblemAsync(428);
        var stale = await (await _client.PostJsonAsync("/stakeholders/SLE/accreditations", new { process = "gcm", accreditedOn = "2017-04-06" }, "\"1\"")).AssertProblemAsync(412);

        Assert.Equal(2, stale.GetProperty("currentVersion").GetInt64());
        Assert.Empty((await _client.DetailsOfAsync("SLE")).Accreditations);
    }

    [Theory]
    [InlineData("""{"accreditedOn":"2017-04-06"}""", "process")]
    [InlineData("""{"process":"GCM","accreditedOn":"2017-04-06"}""", "process")]
    [InlineData("""{"process":"gcm"}""", "accreditedOn")]
    [InlineData("""{"process":"gcm","accreditedOn":"2017-04-06","reason":""}""", "reason")]
    public async Task Invalid_accreditations_get_400_naming_the_field_and_write_nothing(string body, string field)
    {
        if ((await _client.GetAsync("/stakeholders/ZAF")).StatusCode == HttpStatusCode.NotFound)
        {
            await _client.RegisterStateAsync("ZAF", "South Africa");
        }

        var before = await api.CountEventsAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/stakeholders/ZAF/accreditations")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", await _client.ETagOfAsync("ZAF"));

        var problem = await (await _client.SendAsync(request)).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor(field));
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task The_registry_lists_who_is_accredited_to_a_process()
    {
        await _client.RegisterStateAsync("AGO", "Angola");
        await _client.RegisterStateAsync("BWA", "Botswana");
        await _client.RegisterOtherAsync("migrant-forum-asia", "CivilSociety", "Migrant Forum in Asia");
        await _client.RegisterOtherAsync("un-desa", "UnEntity", "UN Department of Economic and Social Affairs");
        await LaunchProcessAsync("gcr", "2017-01-01");
        foreach (var key in new[] { "AGO", "migrant-forum-asia", "un-desa" })
        {
            Assert.Equal(HttpStatusCode.OK, (await TryAccreditAsync(key, "gcr")).StatusCode);
        }

        Assert.Equal(["AGO", "migrant-forum-asia", "un-desa"], await _client.KeysAsync("/stakeholders?accreditedTo=gcr"));
        Assert.Equal(["migrant-forum-asia"], await _client.KeysAsync("/stakeholders?accreditedTo=gcr&kind=CivilSociety"));
        Assert.Equal(["un-desa"], await _client.KeysAsync("/stakeholders?accreditedTo=gcr&pageSize=2&page=2"));
        Assert.Empty(await _client.KeysAsync("/stakeholders?accreditedTo=nothing-here"));
    }
}
