using Consultation.Audit.Reading;
using Consultation.Tests.Security;

namespace Consultation.Tests.Audit;

/// <summary>
/// The registry events that concern a process (a stakeholder's accreditation to it) are part of that process's audit trail,
/// and an auditor assigned to some processes reads a stakeholder's history without what concerns the others.
/// </summary>
public sealed class RegistryEventsOfAProcessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private async Task<(string Mine, string Theirs, string Stakeholder)> AccreditToBothAsync()
    {
        var mine = await _secretariat.LaunchProcessAsync();
        var theirs = await _secretariat.LaunchProcessAsync();
        var stakeholder = $"ngo-{Guid.NewGuid():N}"[..16];
        await _secretariat.EnsureStakeholderAsync(stakeholder, "CivilSociety", "Migrants' Voices");
        foreach (var process in new[] { mine, theirs })
        {
            await _secretariat.UpdateOkAsync($"/stakeholders/{stakeholder}", "accreditations", new { process, accreditedOn = "2017-05-01" });
        }

        return (mine, theirs, stakeholder);
    }

    private static async Task<JsonElement[]> ItemsAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        var root = JsonDocument.Parse(body).RootElement;
        return [.. (root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("items")).EnumerateArray()];
    }

    [Fact]
    public async Task A_process_s_log_and_export_hold_the_accreditations_to_it_and_not_those_to_another()
    {
        var (mine, theirs, stakeholder) = await AccreditToBothAsync();

        var log = await ItemsAsync(await _secretariat.Client.GetAsync($"/audit/events?process={mine}&limit=1000"));

        var accreditations = log.Where(e => e.GetProperty("streamKey").GetString() == stakeholder).ToList();
        var accredited = Assert.Single(accreditations);
        Assert.Equal("stakeholder_accredited", accredited.GetProperty("type").GetString());
        Assert.Equal(mine, accredited.GetProperty("payload").GetProperty("processKey").GetString());
        var export = await _secretariat.Client.GetStringAsync($"/audit/export?format=ndjson&process={theirs}");
        Assert.Single(export.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains($"\"streamKey\":\"{stakeholder}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_auditor_of_one_process_reads_a_stakeholder_s_history_without_what_concerns_other_processes()
    {
        var (mine, theirs, stakeholder) = await AccreditToBothAsync();
        var auditor = api.CreateClient().Authorize(TestIdentity.Token("scoped-auditor", [AccessMatrix.Auditor], [mine]));

        var response = await auditor.GetAsync($"/audit/streams/{stakeholder}");
        var history = await ItemsAsync(response);

        Assert.Equal(["stakeholder_registered", "stakeholder_accredited"], history.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(mine, history[1].GetProperty("payload").GetProperty("processKey").GetString());
        Assert.Equal("1", Assert.Single(response.Headers.GetValues(GetStreamHistory.WithheldHeader)));
        var everything = await ItemsAsync(await _secretariat.Client.GetAsync($"/audit/streams/{stakeholder}"));
        Assert.Equal(3, everything.Length);

        await (await auditor.GetAsync($"/audit/streams/{theirs}")).AssertProblemAsync(403);
        await (await auditor.GetAsync($"/audit/streams/no-such-{Guid.NewGuid():N}"[..24])).AssertProblemAsync(403);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/audit/streams/{mine}")).StatusCode);
    }
}
