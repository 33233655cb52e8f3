using Marten.Events;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Projections;

/// <summary>An async projection that has not caught up is reported as behind, not as differing: it lags, it is not wrong.</summary>
public sealed class VerifyLaggingProjectionsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task An_async_projection_that_has_not_caught_up_is_reported_behind_and_not_compared()
    {
        var steps = new RebuildSteps(_client, api.Schema);
        await steps.RegisterAsync("MEX", "Mexico", "LatinAmericanAndCaribbean");
        await api.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var coordinator = api.Services.GetRequiredService<IProjectionCoordinator>();
        await coordinator.PauseAsync();
        try
        {
            await steps.RegisterAsync("ECU", "Ecuador", "LatinAmericanAndCaribbean");
            var report = await steps.VerifyAsync();

            Assert.True(report.GetProperty("identical").GetBoolean(), report.ToString());
            var checks = report.GetProperty("projections").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
            var statistics = checks["StakeholderStatistics"];
            Assert.Equal("Behind", statistics.GetProperty("outcome").GetString());
            Assert.True(statistics.GetProperty("sequence").GetInt64() < report.GetProperty("headSequence").GetInt64(), report.ToString());
            Assert.Contains("not compared", statistics.GetProperty("note").GetString(), StringComparison.Ordinal);
            Assert.Equal(0, statistics.GetProperty("documentsCompared").GetInt64());
            Assert.Equal("Identical", checks["StakeholderDetails"].GetProperty("outcome").GetString());
            Assert.Equal(2, checks["StakeholderDetails"].GetProperty("documentsCompared").GetInt64());
        }
        finally
        {
            await coordinator.ResumeAsync();
        }
    }
}
