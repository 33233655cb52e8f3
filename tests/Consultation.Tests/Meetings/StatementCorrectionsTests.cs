using Consultation.Meetings;
using Consultation.Meetings.Statements;

namespace Consultation.Tests.Meetings;

/// <summary>Statements corrected and withdrawn as new events with a reason; the group a speaker speaks for is checked on the day said.</summary>
[Collection(MeetingsApiCollection.Name)]
public sealed class StatementCorrectionsTests(MeetingsApiFactory api)
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    private static object Statement(string speaker = "MEX", string? onBehalfOf = null, DateOnly? saidOn = null) => new
    {
        speaker,
        onBehalfOf,
        issues = new[] { "regular-pathways" },
        summary = "Called for more regular pathways.",
        language = "es",
        documentReference = "A/CONF.231/PM.1",
        saidOn = saidOn ?? new DateOnly(2017, 12, 4),
    };

    [Fact]
    public async Task A_statement_is_corrected_keeping_what_the_correction_leaves_out_and_withdrawn_and_its_history_is_shown()
    {
        var (process, meeting) = await _secretariat.OpenStocktakingAsync("regular-pathways", "drivers");
        await _secretariat.UpdateOkAsync(meeting, "statements", Statement());
        var positions = $"/processes/{process}/issues/regular-pathways/positions";
        var stated = await Client.PostJsonAsync(positions, new
        {
            stakeholder = "MEX", stance = 1, summary = "Supports regular pathways", meeting = "stocktaking-2017", statement = "s1", statedOn = "2017-12-04",
        });
        Assert.True(stated.StatusCode == HttpStatusCode.Created, await stated.Content.ReadAsStringAsync());

        await (await _secretariat.UpdateAsync($"{meeting}/statements/s1", "correct", new { issues = new[] { "drivers" } })).AssertProblemAsync(400);
        var corrected = await (await _secretariat.UpdateOkAsync(meeting, "statements/s1/correct", new
        {
            issues = new[] { "regular-pathways", "drivers" },
            clear = new[] { "documentReference" },
            reason = "The statement also addressed drivers; no document was circulated",
        })).ReadAsync<MeetingDetails>();

        var statement = Assert.Single(corrected.Statements);
        Assert.Equal(["regular-pathways", "drivers"], statement.Issues);
        Assert.Null(statement.DocumentReference);
        Assert.Equal(("Called for more regular pathways.", "es", "MEX"), (statement.Summary, statement.Language, statement.Speaker));
        Assert.Equal([StatementChange.Recorded, StatementChange.Corrected], statement.History.Select(h => h.Change));
        Assert.Equal("A/CONF.231/PM.1", statement.History[0].Content!.DocumentReference);
        Assert.Equal("The statement also addressed drivers; no document was circulated", statement.History[1].Reason);
        var same = await (await _secretariat.UpdateAsync(meeting, "statements/s1/correct", new { summary = "Called for more regular pathways.", reason = "Again" })).AssertProblemAsync(409);
        Assert.Contains("Nothing to correct", same.GetProperty("detail").GetString());
        await (await _secretariat.UpdateAsync(meeting, "statements/s9/correct", new { summary = "x", reason = "y" })).AssertProblemAsync(404);

        var withdrawn = await (await _secretariat.UpdateOkAsync(meeting, "statements/s1/withdraw", new { reason = "Recorded at the wrong meeting" })).ReadAsync<MeetingDetails>();

        var read = await (await Client.GetAsync($"{meeting}/statements/s1")).ReadAsync<StatementDetails>();
        Assert.True(read.Withdrawn);
        Assert.Equal((StatementChange.Withdrawn, "Recorded at the wrong meeting"), (read.History[^1].Change, read.History[^1].Reason));
        Assert.True(withdrawn.Statements[0].Withdrawn);
        Assert.Contains("already withdrawn", (await (await _secretariat.UpdateAsync(meeting, "statements/s1/withdraw", new { reason = "Again" })).AssertProblemAsync(409)).GetProperty("detail").GetString());
        Assert.Contains("was withdrawn", (await (await _secretariat.UpdateAsync(meeting, "statements/s1/correct", new { summary = "x", reason = "y" })).AssertProblemAsync(409)).GetProperty("detail").GetString());
        var listed = await (await Client.GetAsync($"/stakeholders/MEX/statements?process={process}")).ReadAsync<JsonElement>();
        var item = Assert.Single(listed.GetProperty("items").EnumerateArray());
        Assert.True(item.GetProperty("withdrawn").GetBoolean());
        Assert.Equal(2, item.GetProperty("issues").GetArrayLength());
        var position = await (await Client.GetAsync($"{positions}/MEX")).ReadAsync<JsonElement>();
        Assert.True(position.GetProperty("citedStatementWithdrawn").GetBoolean());
    }

    [Fact]
    public async Task A_speaker_speaks_for_a_group_only_while_a_member_of_it_on_the_day_said()
    {
        var (_, meeting) = await _secretariat.OpenStocktakingAsync("regular-pathways");
        var group = $"bloc-{Guid.NewGuid():N}"[..13];
        await _secretariat.EnsureStakeholderAsync(group, "GroupOrBloc", "Group of Friends of Migration");
        await _secretariat.EnsureStakeholderAsync("SLE", name: "Sierra Leone", regionalGroup: "African");
        await _secretariat.UpdateOkAsync("/stakeholders/SLE", "groups", new { group, joinedOn = "2017-12-05" });
        await _secretariat.UpdateOkAsync(meeting, "participants", new { stakeholder = "SLE", role = "Speaker" });

        var before = await (await _secretariat.UpdateAsync(meeting, "statements", Statement("SLE", group, new DateOnly(2017, 12, 4)))).AssertProblemAsync(409);

        Assert.Contains($"'SLE' was not a member of '{group}' on 2017-12-04", before.GetProperty("detail").GetString());
        await _secretariat.UpdateOkAsync(meeting, "statements", Statement("SLE", group, new DateOnly(2017, 12, 5)));
        var moved = await (await _secretariat.UpdateAsync(meeting, "statements/s1/correct", new { saidOn = "2017-12-04", reason = "Said on the first day" })).AssertProblemAsync(409);
        Assert.Contains($"'SLE' was not a member of '{group}' on 2017-12-04", moved.GetProperty("detail").GetString());
        var byMexico = await (await _secretariat.UpdateAsync(meeting, "statements/s1/correct", new { speaker = "MEX", reason = "Mexico spoke" })).AssertProblemAsync(409);
        Assert.Contains($"'MEX' was not a member of '{group}' on 2017-12-05", byMexico.GetProperty("detail").GetString());
        var cleared = await (await _secretariat.UpdateOkAsync(meeting, "statements/s1/correct", new { speaker = "MEX", clear = new[] { "onBehalfOf" }, reason = "Mexico spoke, for itself" })).ReadAsync<MeetingDetails>();
        Assert.Equal(("MEX", (string?)null), (cleared.Statements[0].Speaker, cleared.Statements[0].OnBehalfOf));
    }
}
