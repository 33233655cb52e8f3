namespace Consultation.Tests.Security;

/// <summary>A service where each user may send three writes a minute.</summary>
public sealed class ThreeWritesAMinuteFactory : ApiFactory
{
    protected override IEnumerable<(string Name, string Value)> ExtraSettings =>
        [("Security:WritesPerWindow", "3"), ("Security:WindowSeconds", "60")];
}

/// <summary>Writes are rate limited per user: 429 with Retry-After past the limit, reads and other users unaffected.</summary>
public sealed class RateLimitTests(ThreeWritesAMinuteFactory api) : IClassFixture<ThreeWritesAMinuteFactory>
{
    [Fact]
    public async Task Past_the_limit_a_users_writes_get_429_with_retry_after_and_nothing_is_written()
    {
        var busy = api.CreateClient().Authorize(TestIdentity.Token("busy", [AccessMatrix.Secretariat], ["*"]));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await busy.PostJsonAsync("/stakeholders", Stakeholder($"RA{(char)('A' + i)}"))).StatusCode);
        }

        var before = await api.CountEventsAsync();
        var refused = await busy.PostJsonAsync("/stakeholders", Stakeholder("RAX"));

        var problem = await refused.AssertProblemAsync(429);
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc6585#section-4", problem.GetProperty("type").GetString());
        Assert.True(refused.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, refused.Headers.RetryAfter?.ToString());
        Assert.Contains("try again", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());

        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/stakeholders/RAA")).StatusCode);
        var other = api.CreateClient().Authorize(TestIdentity.Token("other", [AccessMatrix.Secretariat], ["*"]));
        Assert.Equal(HttpStatusCode.Created, (await other.PostJsonAsync("/stakeholders", Stakeholder("RAO"))).StatusCode);
    }

    [Fact]
    public async Task Audit_exports_count_as_writes_and_past_the_limit_get_429_without_being_recorded()
    {
        var auditor = api.CreateClient().Authorize(TestIdentity.Token("exporter", [AccessMatrix.Auditor], ["*"]));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/audit/export?limit=1")).StatusCode);
        }

        var before = await api.CountEventsAsync();
        var refused = await auditor.GetAsync("/audit/export?limit=1");

        await refused.AssertProblemAsync(429);
        Assert.Equal(before, await api.CountEventsAsync());
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/audit/events?limit=1")).StatusCode);
    }

    [Fact]
    public async Task A_batch_counts_as_one_write_however_many_items_it_holds()
    {
        var importer = api.CreateClient().Authorize(TestIdentity.Token("importer", [AccessMatrix.Secretariat], ["*"]));
        for (var batch = 0; batch < 3; batch++)
        {
            var items = Enumerable.Range(0, 20).Select(i => new { register = Stakeholder($"importer-{batch}-{i}", "CivilSociety") }).ToArray();
            var response = await importer.PostJsonAsync("/stakeholders/batch", new { items });
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        }

        var before = await api.CountEventsAsync();
        var refused = await importer.PostJsonAsync("/stakeholders/batch", new { items = new[] { new { register = Stakeholder("importer-late", "CivilSociety") } } });

        await refused.AssertProblemAsync(429);
        Assert.Equal(before, await api.CountEventsAsync());
        Assert.Equal(HttpStatusCode.OK, (await importer.GetAsync("/stakeholders/importer-2-19")).StatusCode);
    }

    private static object Stakeholder(string key, string kind) => new { key, kind, name = key };

    private static object Stakeholder(string key) => new { key, kind = "MemberState", name = key, regionalGroup = "African" };
}
