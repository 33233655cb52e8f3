using Consultation.Stakeholders;
using Consultation.Stakeholders.Statistics;
using Marten.Events;

namespace Consultation.Tests.Stakeholders;

/// <summary>The registry counts are kept by the async daemon, not inline.</summary>
public sealed class StakeholderStatisticsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task The_daemon_counts_registrations_by_kind_and_regional_group()
    {
        object[] registry =
        [
            StakeholderRequests.MemberState("SLE", "Sierra Leone", "African"),
            StakeholderRequests.MemberState("ZAF", "South Africa", "African"),
            StakeholderRequests.MemberState("THA", "Thailand", "AsiaPacific"),
            StakeholderRequests.Other("iom", "IntergovernmentalOrganization", "International Organization for Migration"),
        ];
        foreach (var stakeholder in registry)
        {
            Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/stakeholders", stakeholder)).StatusCode);
        }

        await api.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var statistics = await (await _client.GetAsync("/stakeholders/statistics")).ReadAsync<StakeholderStatistics>();

        Assert.Equal(4, statistics.Total);
        Assert.Equal(3, statistics.ByKind[StakeholderKind.MemberState]);
        Assert.Equal(1, statistics.ByKind[StakeholderKind.IntergovernmentalOrganization]);
        Assert.Equal(2, statistics.ByRegionalGroup[RegionalGroup.African]);
        Assert.Equal(1, statistics.ByRegionalGroup[RegionalGroup.AsiaPacific]);
        Assert.True(statistics.LastSequence >= 4);
    }
}
