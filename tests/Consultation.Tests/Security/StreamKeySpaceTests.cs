using Consultation.Domain;
using Consultation.Infrastructure.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Security;

/// <summary>
/// A write can only touch a stream of its own kind: creating a record whose key already names a stream of another kind
/// is refused (409 naming the owner's kind) and writes nothing, the owner keeps answering with its true version, and
/// the words the service keeps for its own streams cannot be taken as keys.
/// </summary>
public sealed class StreamKeySpaceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task A_stakeholder_keyed_like_a_process_is_refused_and_the_process_stays_writable()
    {
        var secretariat = new Secretariat(api.CreateClient());
        var process = await secretariat.LaunchProcessAsync();
        var before = await api.CountEventsAsync();

        var problem = await (await secretariat.Client.PostJsonAsync("/stakeholders", new { key = process, kind = "CivilSociety", name = "Squatter" }))
            .AssertProblemAsync(409);

        Assert.Contains("a process", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
        Assert.Equal("\"1\"", await secretariat.ETagAsync($"/processes/{process}"));
        await secretariat.StartPhaseAsync(process, "consultation", Secretariat.ProcessStart);
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.Client.GetAsync($"/stakeholders/{process}")).StatusCode);
    }

    [Fact]
    public async Task A_process_keyed_like_a_stakeholder_is_refused_and_the_stakeholder_stays_writable()
    {
        var secretariat = new Secretariat(api.CreateClient());
        var key = Secretariat.NewProcessKey("ngo");
        await secretariat.EnsureStakeholderAsync(key, kind: "CivilSociety", regionalGroup: null);
        var before = await api.CountEventsAsync();

        var response = await secretariat.Client.PostJsonAsync("/processes", new { key, title = "Squatting process", mandateReference = "A/RES/71/280", startsOn = "2017-04-06" });

        var problem = await response.AssertProblemAsync(409);
        Assert.Contains("a stakeholder", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
        await secretariat.UpdateOkAsync($"/stakeholders/{key}", "rename", new { name = "Renamed after the refusal", reason = "Still ours" });
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.Client.GetAsync($"/processes/{key}")).StatusCode);
    }

    /// <summary>Every pair of kinds, below the HTTP door: each creating write's fetch refuses every other kind's stream.</summary>
    [Fact]
    public async Task Fetching_for_creation_refuses_a_stream_of_every_other_kind()
    {
        var secretariat = new Secretariat(api.CreateClient());
        var (process, _) = await secretariat.OpenStocktakingAsync("alpha");
        const string meeting = "stocktaking-2017";
        await secretariat.EnsureStakeholderAsync("MEX");
        Assert.Equal(HttpStatusCode.Created, (await secretariat.Client.PostJsonAsync($"/processes/{process}/issues/alpha/positions", new
        {
            stakeholder = "MEX", stance = 1, summary = "Supports", meeting, statedOn = "2017-12-04",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await secretariat.Client.PostJsonAsync($"/processes/{process}/areas", new
        {
            area = "split", title = "Split", description = "An area", issues = new[] { "alpha" }, meeting, identifiedOn = "2017-12-06",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await secretariat.Client.PostJsonAsync($"/processes/{process}/submissions", new
        {
            submission = "letter", from = "MEX", receivedOn = "2017-10-16", issues = new[] { "alpha" }, channel = "Letter", title = "A letter", language = "es",
        })).StatusCode);
        var streams = new Dictionary<string, string>
        {
            ["process"] = process,
            ["stakeholder"] = "MEX",
            ["meeting"] = $"{process}/{meeting}",
            ["position"] = $"{process}/alpha/MEX",
            ["area of convergence"] = $"{process}/area:split",
            ["submission"] = $"{process}/submission:letter",
        };

        await using var scope = api.Services.CreateAsyncScope();
        var wrong = new List<string>();
        foreach (var (kind, key) in streams)
        {
            foreach (var (creating, fetch) in Creators)
            {
                if (creating == kind)
                {
                    continue;
                }

                await using var session = scope.ServiceProvider.GetRequiredService<IDocumentStore>().LightweightSession();
                try
                {
                    await fetch(session, key);
                    wrong.Add($"creating a {creating} at the {kind} '{key}' was not refused");
                }
                catch (DomainRuleViolation refusal) when (refusal.Message.Contains($"a {kind};", StringComparison.Ordinal))
                {
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    private static readonly (string Kind, Func<IDocumentSession, string, Task> Fetch)[] Creators =
    [
        ("process", (s, k) => s.FetchForCreatingAsync<Consultation.Processes.Process>(k, default)),
        ("stakeholder", (s, k) => s.FetchForCreatingAsync<Consultation.Stakeholders.Stakeholder>(k, default)),
        ("meeting", (s, k) => s.FetchForCreatingAsync<Consultation.Meetings.Meeting>(k, default)),
        ("position", (s, k) => s.FetchForCreatingAsync<Consultation.Positions.PositionDetails>(k, default)),
        ("area of convergence", (s, k) => s.FetchForCreatingAsync<Consultation.Convergence.Areas.Area>(k, default)),
        ("submission", (s, k) => s.FetchForCreatingAsync<Consultation.Submissions.Submission>(k, default)),
    ];

    [Theory]
    [InlineData("audit")]
    [InlineData("admin")]
    [InlineData("system")]
    public async Task Words_the_service_keeps_for_itself_are_refused_as_process_and_stakeholder_keys(string word)
    {
        var client = api.CreateClient();
        var before = await api.CountEventsAsync();

        var process = await (await client.PostJsonAsync("/processes", new { key = word, title = "Reserved", mandateReference = "A/RES/71/280", startsOn = "2017-04-06" }))
            .AssertProblemAsync(400);
        var stakeholder = await (await client.PostJsonAsync("/stakeholders", new { key = word, kind = "Other", name = "Reserved" }))
            .AssertProblemAsync(400);

        Assert.Contains("keeps for itself", process.GetProperty("errors").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("keeps for itself", stakeholder.GetProperty("errors").GetRawText(), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task An_auditor_assigned_to_a_process_named_audit_cannot_read_the_audit_logs_own_streams()
    {
        var client = api.CreateClient().Authorize(TestIdentity.Token("audrey", [AccessMatrix.Auditor], ["audit"]));

        foreach (var stream in new[] { "audit:exports", "audit:rebuilds" })
        {
            await (await client.GetAsync($"/audit/streams/{stream}")).AssertProblemAsync(403);
        }
    }
}
