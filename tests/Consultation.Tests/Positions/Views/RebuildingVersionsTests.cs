using Consultation.Positions.Views;

namespace Consultation.Tests.Positions.Views;

/// <summary>The versions table is derived data: rebuilding it from the events gives the same rows.</summary>
public sealed class RebuildingVersionsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PositionSteps _steps = new(api.CreateClient());

    [Fact]
    public async Task Rebuilding_the_versions_table_gives_the_same_rows()
    {
        var process = await _steps.OpenAsync("sovereignty");
        await _steps.StateAsync(process, "sovereignty", "MEX", 1, "2017-12-04");
        await _steps.ReviseAsync(process, "sovereignty", "MEX", -1, "2017-12-06");
        await _steps.CorrectAsync(process, "sovereignty", "MEX", -2, "2017-12-05");
        await _steps.WithdrawAsync(process, "sovereignty", "MEX", "2017-12-06");
        await _steps.StateAsync(process, "sovereignty", "MEX", 2, "2017-12-06");
        var before = await RowsAsync(process);

        using (var daemon = await api.Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync("PositionVersions", CancellationToken.None);
        }

        Assert.Equal(before, await RowsAsync(process));
        Assert.Equal(7, before.Count);
    }

    private async Task<List<PositionVersion>> RowsAsync(string process)
    {
        await using var session = api.Store.QuerySession();
        var rows = await session.Query<PositionVersion>().Where(x => x.Process == process).ToListAsync();
        return [.. rows.OrderBy(r => r.Id, StringComparer.Ordinal)];
    }
}
