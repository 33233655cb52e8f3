using Consultation.Infrastructure.Http;
using Consultation.Stakeholders;

namespace Consultation.Tests.Stakeholders;

public sealed class ListingStakeholdersTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async Task InitializeAsync()
    {
        if ((await _client.GetAsync("/stakeholders/MEX")).StatusCode == HttpStatusCode.OK)
        {
            return;
        }

        object[] registry =
        [
            StakeholderRequests.MemberState("MEX", "Mexico", "LatinAmericanAndCaribbean"),
            StakeholderRequests.MemberState("ECU", "Ecuador", "LatinAmericanAndCaribbean"),
            StakeholderRequests.MemberState("THA", "Thailand", "AsiaPacific"),
            StakeholderRequests.MemberState("SLE", "Sierra Leone", "African"),
            StakeholderRequests.MemberState("ZAF", "South Africa", "African"),
            StakeholderRequests.Other("iom", "IntergovernmentalOrganization", "International Organization for Migration"),
            StakeholderRequests.Other("migrant-forum-asia", "CivilSociety", "Migrant Forum in Asia"),
        ];
        foreach (var stakeholder in registry)
        {
            Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/stakeholders", stakeholder)).StatusCode);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Page<StakeholderDetails>> ListAsync(string query)
    {
        var response = await _client.GetAsync("/stakeholders" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<Page<StakeholderDetails>>();
    }

    [Fact]
    public async Task Lists_everyone()
    {
        var page = await ListAsync(string.Empty);

        Assert.Equal(7, page.TotalItems);
        Assert.Equal(["ECU", "MEX", "SLE", "THA", "ZAF", "iom", "migrant-forum-asia"], page.Items.Select(x => x.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Filters_by_kind_and_regional_group_case_insensitively()
    {
        Assert.Equal(["SLE", "ZAF"], (await ListAsync("?regionalGroup=african")).Items.Select(x => x.Id));
        Assert.Equal(["migrant-forum-asia"], (await ListAsync("?kind=CivilSociety")).Items.Select(x => x.Id));
        Assert.Equal(["ECU", "MEX"], (await ListAsync("?kind=MemberState&regionalGroup=LatinAmericanAndCaribbean")).Items.Select(x => x.Id));
    }

    [Fact]
    public async Task Searches_names_and_keys_ignoring_case()
    {
        Assert.Equal(["iom", "migrant-forum-asia"], (await ListAsync("?search=MIGRA")).Items.Select(x => x.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["THA"], (await ListAsync("?search=tha")).Items.Select(x => x.Id));
    }

    [Fact]
    public async Task Pages_cover_the_registry_once_in_a_stable_order()
    {
        var pages = new[] { await ListAsync("?pageSize=3"), await ListAsync("?pageSize=3&page=2"), await ListAsync("?pageSize=3&page=3") };
        var all = await ListAsync(string.Empty);

        Assert.All(pages, p => Assert.Equal(3, p.TotalPages));
        Assert.Equal([3, 3, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(all.Items.Select(x => x.Id), pages.SelectMany(p => p.Items).Select(x => x.Id));
        Assert.Empty((await ListAsync("?pageSize=3&page=4")).Items);
    }

    [Theory]
    [InlineData("?page=0", "page")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageSize=201", "pageSize")]
    [InlineData("?kind=Country", "kind")]
    [InlineData("?regionalGroup=Oceania", "regionalGroup")]
    public async Task Bad_filters_get_400_naming_the_parameter(string query, string field)
    {
        var problem = await (await _client.GetAsync("/stakeholders" + query)).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor(field));
    }

    [Fact]
    public async Task A_non_numeric_page_is_a_bad_request()
    {
        await (await _client.GetAsync("/stakeholders?page=two")).AssertProblemAsync(400);
    }
}
