using Consultation.Meetings;

namespace Consultation.Tests.Meetings;

[Collection(MeetingsApiCollection.Name)]
public sealed class RecordingAtMeetingsTests(MeetingsApiFactory api)
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    private static object Statement(string speaker = "MEX", string[]? issues = null, string? onBehalfOf = null, string language = "es", DateOnly? saidOn = null) => new
    {
        speaker,
        onBehalfOf,
        issues = issues ?? ["regular-pathways"],
        summary = "Called for a compact grounded in human rights and shared responsibility.",
        language,
        documentReference = "A/CONF.231/PM.1",
        saidOn = saidOn ?? new DateOnly(2017, 12, 4),
    };

    [Fact]
    public async Task Participants_are_registered_once_each_with_role_and_head_of_delegation()
    {
        var (_, meeting) = await _secretariat.OpenStocktakingAsync();
        await _secretariat.EnsureStakeholderAsync("iom", "IntergovernmentalOrganization", "International Organization for Migration");

        var registered = await (await _secretariat.UpdateOkAsync(meeting, "participants", new { stakeholder = "iom", role = "panellist" })).ReadAsync<MeetingDetails>();

        Assert.Equal(["MEX", "iom"], registered.Participants.Select(p => p.Stakeholder));
        Assert.Equal(("Juan José Gómez Camacho", ParticipantRole.Speaker), (registered.Participants[0].DelegationHead, registered.Participants[0].Role));
        Assert.Equal((ParticipantRole.Panellist, false), (registered.Participants[1].Role, registered.Participants[1].Late));
        Assert.Equal(2, registered.ParticipantCount);
        var twice = await (await _secretariat.UpdateAsync(meeting, "participants", new { stakeholder = "MEX", role = "Observer" })).AssertProblemAsync(409);
        Assert.Contains("registers once per meeting", twice.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Registering_checks_the_input_and_the_registry()
    {
        var (_, meeting) = await _secretariat.OpenStocktakingAsync();

        var invalid = await (await _secretariat.UpdateAsync(meeting, "participants", new { role = "Delegate", delegationHead = "Line\u0007break" })).AssertProblemAsync(400);
        Assert.NotEmpty(invalid.ErrorsFor("stakeholder"));
        Assert.NotEmpty(invalid.ErrorsFor("role"));
        Assert.NotEmpty(invalid.ErrorsFor("delegationHead"));
        var unknown = await (await _secretariat.UpdateAsync(meeting, "participants", new { stakeholder = "XYZ", role = "Observer" })).AssertProblemAsync(404);
        Assert.Contains("Stakeholder 'XYZ' does not exist", unknown.GetProperty("detail").GetString());
        await (await Client.PostJsonAsync($"{meeting}/participants", new { stakeholder = "MEX", role = "Observer" })).AssertProblemAsync(428);
    }

    [Fact]
    public async Task A_statement_by_a_participant_gets_an_id_and_can_be_read_on_its_own()
    {
        var (process, meeting) = await _secretariat.OpenStocktakingAsync("regular-pathways", "drivers");

        var response = await _secretariat.UpdateOkAsync(meeting, "statements", Statement(issues: ["regular-pathways", "drivers"]));

        var details = await response.ReadAsync<MeetingDetails>();
        var statement = Assert.Single(details.Statements);
        Assert.Equal(("s1", "MEX", "es", false, new DateOnly(2017, 12, 4)), (statement.Id, statement.Speaker, statement.Language, statement.Late, statement.SaidOn));
        Assert.Equal(["regular-pathways", "drivers"], statement.Issues);
        Assert.Equal("A/CONF.231/PM.1", statement.DocumentReference);
        var second = await (await _secretariat.UpdateOkAsync(meeting, "statements", Statement(language: "en"))).ReadAsync<MeetingDetails>();
        Assert.Equal(["s1", "s2"], second.Statements.Select(s => s.Id));
        Assert.Equal(2, second.StatementCount);

        var read = await Client.GetAsync($"{meeting}/statements/s2");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal($"\"{second.Version}\"", read.Headers.ETag?.Tag);
        Assert.Equal("en", (await read.ReadAsync<StatementDetails>()).Language);
        var missing = await (await Client.GetAsync($"{meeting}/statements/s9")).AssertProblemAsync(404);
        Assert.Contains($"Statement '{process}/stocktaking-2017/s9' does not exist", missing.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Statements_refuse_bad_input_with_400_per_field()
    {
        var (_, meeting) = await _secretariat.OpenStocktakingAsync();

        var problem = await (await _secretariat.UpdateAsync(meeting, "statements", new
        {
            speaker = "",
            issues = new[] { "Regular Pathways", "drivers", "drivers" },
            summary = "",
            language = "spa",
            documentReference = "",
        })).AssertProblemAsync(400);

        foreach (var field in new[] { "speaker", "issues", "issues[0]", "summary", "language", "documentReference" })
        {
            Assert.True(problem.ErrorsFor(field).Length > 0, $"no error for '{field}' in {problem.GetRawText()}");
        }

        var self = await (await _secretariat.UpdateAsync(meeting, "statements", Statement(onBehalfOf: "MEX"))).AssertProblemAsync(400);
        Assert.NotEmpty(self.ErrorsFor("onBehalfOf"));
    }

    [Fact]
    public async Task Statements_follow_the_rules_of_the_record()
    {
        var (process, meeting) = await _secretariat.OpenStocktakingAsync("regular-pathways", "old-wording");
        await _secretariat.RetireIssueAsync(process, "old-wording");
        await _secretariat.EnsureStakeholderAsync("ECU", name: "Ecuador");
        await _secretariat.EnsureStakeholderAsync("african-group", "GroupOrBloc", "African Group");
        await _secretariat.EnsureStakeholderAsync("eu", "IntergovernmentalOrganization", "European Union");

        Assert.Contains("not a registered participant", await DetailAsync(409, Statement(speaker: "ECU")));
        Assert.Contains("Issue '" + process + "/climate' does not exist", await DetailAsync(404, Statement(issues: ["climate"])));
        Assert.Contains("is retired", await DetailAsync(409, Statement(issues: ["old-wording"])));
        Assert.Contains("Stakeholder 'g77' does not exist", await DetailAsync(404, Statement(onBehalfOf: "g77")));
        Assert.Contains("'ECU' is a MemberState", await DetailAsync(409, Statement(onBehalfOf: "ECU")));
        Assert.Contains("cannot be said on 2017-12-07", await DetailAsync(409, Statement(saidOn: new DateOnly(2017, 12, 7))));

        // Sierra Leone spoke for the African Group, and the European Union's delegation for the Union, each a member on the day said.
        await _secretariat.EnsureStakeholderAsync("SLE", name: "Sierra Leone", regionalGroup: "African");
        await _secretariat.EnsureStakeholderAsync("eu-delegation", "Other", "Delegation of the European Union");
        await JoinOnceAsync("SLE", "african-group");
        await JoinOnceAsync("eu-delegation", "eu");
        await _secretariat.UpdateOkAsync(meeting, "participants", new { stakeholder = "SLE", role = "Speaker" });
        await _secretariat.UpdateOkAsync(meeting, "participants", new { stakeholder = "eu-delegation", role = "Speaker" });
        var forGroup = await (await _secretariat.UpdateOkAsync(meeting, "statements", Statement(speaker: "SLE", onBehalfOf: "african-group"))).ReadAsync<MeetingDetails>();
        var forUnion = await (await _secretariat.UpdateOkAsync(meeting, "statements", Statement(speaker: "eu-delegation", onBehalfOf: "eu"))).ReadAsync<MeetingDetails>();
        Assert.Equal("african-group", forGroup.Statements.Single().OnBehalfOf);
        Assert.Equal("eu", forUnion.Statements[1].OnBehalfOf);

        async Task JoinOnceAsync(string member, string group)
        {
            var stakeholder = await (await Client.GetAsync($"/stakeholders/{member}")).ReadAsync<Consultation.Stakeholders.StakeholderDetails>();
            if (!stakeholder.Groups.Any(g => g.Group == group))
            {
                await _secretariat.UpdateOkAsync($"/stakeholders/{member}", "groups", new { group, joinedOn = "2017-01-01" });
            }
        }

        async Task<string> DetailAsync(int status, object body) =>
            (await (await _secretariat.UpdateAsync(meeting, "statements", body)).AssertProblemAsync(status)).GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task Nothing_is_recorded_before_the_meeting_opens()
    {
        var process = await _secretariat.LaunchProcessAsync();
        var meeting = await _secretariat.ScheduleOkAsync(process, "idea-lab", new(2017, 12, 5), new(2017, 12, 5), "IdeaLab");
        await _secretariat.EnsureStakeholderAsync("MEX", name: "Mexico");
        await _secretariat.UpdateOkAsync(meeting, "participants", new { stakeholder = "MEX", role = "Speaker" });

        Assert.Contains("has not opened yet", (await (await _secretariat.UpdateAsync(meeting, "statements", Statement(issues: [], saidOn: new DateOnly(2017, 12, 5)))).AssertProblemAsync(409)).GetProperty("detail").GetString());
        await (await _secretariat.UpdateAsync(meeting, "findings", new { kind = "Perspective", summary = "x", whose = "First responders" })).AssertProblemAsync(409);
        await (await _secretariat.UpdateAsync(meeting, "recommendations", new { text = "x", from = "Idea lab" })).AssertProblemAsync(409);
    }

    [Fact]
    public async Task Findings_are_figures_practices_perspectives_or_facts()
    {
        var (_, meeting) = await _secretariat.OpenStocktakingAsync();

        await _secretariat.UpdateOkAsync(meeting, "findings", new
        {
            kind = "Figure",
            summary = "International migrants worldwide in 2017",
            value = 258_000_000m,
            unit = "people",
            source = "UN DESA, International Migration Report 2017",
        });
        await _secretariat.UpdateOkAsync(meeting, "findings", new { kind = "Practice", summary = "Regional visitor cards for border workers", presentedBy = "MEX" });
        var details = await (await _secretariat.UpdateOkAsync(meeting, "findings", new { kind = "perspective", summary = "Search and rescue at sea", whose = "First responders" })).ReadAsync<MeetingDetails>();

        details = await (await _secretariat.UpdateOkAsync(meeting, "findings", new { kind = "Fact", summary = "More and more women migrate" })).ReadAsync<MeetingDetails>();
        details = await (await _secretariat.UpdateOkAsync(meeting, "findings", new { kind = "Fact", summary = "Migration is mostly regional", source = "UN DESA" })).ReadAsync<MeetingDetails>();

        Assert.Equal(["f1", "f2", "f3", "f4", "f5"], details.Findings.Select(f => f.Id));
        Assert.Equal((FindingKind.Fact, null, null, null), (details.Findings[3].Kind, details.Findings[3].Value, details.Findings[3].Source, details.Findings[3].Whose));
        Assert.Equal((FindingKind.Fact, "UN DESA"), (details.Findings[4].Kind, details.Findings[4].Source));
        Assert.Equal((FindingKind.Figure, 258_000_000m, "people"), (details.Findings[0].Kind, details.Findings[0].Value, details.Findings[0].Unit));
        Assert.Equal((FindingKind.Practice, "MEX"), (details.Findings[1].Kind, details.Findings[1].PresentedBy));
        Assert.Equal((FindingKind.Perspective, "First responders"), (details.Findings[2].Kind, details.Findings[2].Whose));
    }

    [Fact]
    public async Task Findings_refuse_bad_input_and_unknown_presenters()
    {
        var (_, meeting) = await _secretariat.OpenStocktakingAsync();

        var figure = await (await _secretariat.UpdateAsync(meeting, "findings", new { kind = "Figure", summary = "x", presentedBy = "MEX" })).AssertProblemAsync(400);
        foreach (var field in new[] { "value", "unit", "source", "presentedBy" })
        {
            Assert.True(figure.ErrorsFor(field).Length > 0, $"no error for '{field}' in {figure.GetRawText()}");
        }

        var practice = await (await _secretariat.UpdateAsync(meeting, "findings", new { kind = "Practice", summary = "x", value = 3 })).AssertProblemAsync(400);
        Assert.NotEmpty(practice.ErrorsFor("presentedBy"));
        Assert.NotEmpty(practice.ErrorsFor("value"));
        var fact = await (await _secretariat.UpdateAsync(meeting, "findings", new { kind = "Fact", summary = "x", value = 5, whose = "Someone" })).AssertProblemAsync(400);
        Assert.NotEmpty(fact.ErrorsFor("value"));
        Assert.NotEmpty(fact.ErrorsFor("whose"));
        var perspective = await (await _secretariat.UpdateAsync(meeting, "findings", new { kind = "Perspective", summary = "x", whose = "Someone", source = "A report" })).AssertProblemAsync(400);
        Assert.Contains("Only a figure or a fact has a 'source'.", perspective.ErrorsFor("source"));
        var kind = await (await _secretariat.UpdateAsync(meeting, "findings", new { kind = "Anecdote", summary = "x" })).AssertProblemAsync(400);
        Assert.NotEmpty(kind.ErrorsFor("kind"));
        var unknown = await (await _secretariat.UpdateAsync(meeting, "findings", new { kind = "Practice", summary = "A scheme", presentedBy = "XYZ" })).AssertProblemAsync(404);
        Assert.Contains("Stakeholder 'XYZ'", unknown.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Recommendations_say_where_they_came_from()
    {
        var (_, meeting) = await _secretariat.OpenStocktakingAsync();

        var invalid = await (await _secretariat.UpdateAsync(meeting, "recommendations", new { text = "" })).AssertProblemAsync(400);
        Assert.NotEmpty(invalid.ErrorsFor("text"));
        Assert.NotEmpty(invalid.ErrorsFor("from"));
        var details = await (await _secretariat.UpdateOkAsync(meeting, "recommendations", new { text = "Expand regular pathways for labour mobility", from = "Idea lab on regular pathways" })).ReadAsync<MeetingDetails>();

        var recommendation = Assert.Single(details.Recommendations);
        Assert.Equal(("r1", "Idea lab on regular pathways", false), (recommendation.Id, recommendation.From, recommendation.Late));
    }

    [Fact]
    public async Task After_closing_entries_are_late_within_the_configured_grace_period_and_refused_after_it()
    {
        var (process, meeting) = await _secretariat.OpenStocktakingAsync();
        await _secretariat.EnsureStakeholderAsync("ECU", name: "Ecuador");
        var closedAt = new DateTimeOffset(2017, 12, 6, 18, 0, 0, TimeSpan.Zero);
        api.Clock.Now = closedAt;
        await _secretariat.UpdateOkAsync(meeting, "close", new { summary = "Broad support for a comprehensive compact." });

        api.Clock.Now = closedAt.AddDays(MeetingsApiFactory.GraceDays - 1);
        await _secretariat.UpdateOkAsync(meeting, "participants", new { stakeholder = "ECU", role = "Speaker" });
        await _secretariat.UpdateOkAsync(meeting, "statements", Statement(speaker: "ECU", issues: [], saidOn: new DateOnly(2017, 12, 6)));
        await _secretariat.UpdateOkAsync(meeting, "findings", new { kind = "Perspective", summary = "Diaspora contributions", whose = "Diaspora organizations" });
        var late = await (await _secretariat.UpdateOkAsync(meeting, "recommendations", new { text = "Lower remittance costs", from = "Panel 3" })).ReadAsync<MeetingDetails>();
        Assert.True(late.Participants.Single(p => p.Stakeholder == "ECU").Late);
        Assert.True(late.Statements.Single().Late);
        Assert.True(late.Findings.Single().Late);
        Assert.True(late.Recommendations.Single().Late);

        api.Clock.Now = closedAt.AddDays(MeetingsApiFactory.GraceDays + 1);
        var refused = await (await _secretariat.UpdateAsync(meeting, "statements", Statement(issues: [], saidOn: new DateOnly(2017, 12, 6)))).AssertProblemAsync(409);
        Assert.Contains($"accepted until {closedAt.AddDays(MeetingsApiFactory.GraceDays):yyyy-MM-dd HH:mm} UTC", refused.GetProperty("detail").GetString());
        await (await _secretariat.UpdateAsync(meeting, "recommendations", new { text = "Too late", from = "Panel 3" })).AssertProblemAsync(409);
        await using var session = api.Store.QuerySession();
        Assert.Single(await session.Query<StatementRecord>().Where(x => x.Process == process).ToListAsync());
    }

    [Fact]
    public async Task Statements_recorded_during_a_meeting_default_to_the_day_they_are_recorded()
    {
        var (_, meeting) = await _secretariat.OpenStocktakingAsync();
        api.Clock.Now = new DateTimeOffset(2017, 12, 5, 15, 30, 0, TimeSpan.Zero);

        var details = await (await _secretariat.UpdateOkAsync(meeting, "statements", new { speaker = "MEX", summary = "Welcomed the delegations to Puerto Vallarta.", language = "es" })).ReadAsync<MeetingDetails>();

        var statement = Assert.Single(details.Statements);
        Assert.Equal((new DateOnly(2017, 12, 5), (string?)null), (statement.SaidOn, statement.OnBehalfOf));
        Assert.Empty(statement.Issues);
    }
}
