namespace Consultation.Tests.Processes;

/// <summary>Who leads a process as a source says it: a role, with the names it gives or none, noted once.</summary>
public sealed class LeadershipTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly ProcessClient _processes = new(api.CreateClient());

    [Fact]
    public async Task Leadership_is_noted_with_or_without_names_and_not_twice()
    {
        await _processes.LaunchAsync("led");
        await _processes.UpdateAsync("led", "/leadership", new { role = "Co-facilitators", notedOn = "2017-12-06" });
        var process = await _processes.UpdateAsync("led", "/leadership", new { role = "Co-facilitators", names = new[] { "Juan José Gómez Camacho", "Jürg Lauber" }, notedOn = "2018-01-10" });

        Assert.Equal([("Co-facilitators", 0), ("Co-facilitators", 2)], process.Leadership.Select(l => (l.Role, l.Names.Count)));
        Assert.Equal(new DateOnly(2017, 12, 6), process.Leadership[0].NotedOn);
        Assert.Empty(process.CoFacilitators);

        var twice = await (await _processes.TryUpdateAsync("led", "/leadership", new { role = "co-facilitators", names = new[] { "Jürg Lauber", "juan josé gómez camacho" }, notedOn = "2018-02-01" })).AssertProblemAsync(409);
        Assert.Contains("already notes", twice.GetProperty("detail").GetString());
        await (await _processes.TryUpdateAsync("led", "/leadership", new { role = "Co-facilitators", names = new[] { "Someone" }, notedOn = "2016-01-01" })).AssertProblemAsync(409);
        await (await _processes.TryUpdateAsync("led", "/leadership", new { role = "Co-facilitators", names = new[] { "Someone" }, notedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3).ToString("yyyy-MM-dd") })).AssertProblemAsync(409);
        var blank = await (await _processes.TryUpdateAsync("led", "/leadership", new { role = " ", names = new[] { "A", "a" }, notedOn = "2017-12-06" })).AssertProblemAsync(400);
        Assert.NotEmpty(blank.ErrorsFor("role"));
        Assert.NotEmpty(blank.ErrorsFor("names"));
    }
}
