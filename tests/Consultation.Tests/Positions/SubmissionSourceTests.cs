using Consultation.Convergence.Measuring;
using Consultation.Positions;
using Consultation.Positions.Views;

namespace Consultation.Tests.Positions;

/// <summary>A position stated from a written submission instead of a meeting, end to end on PostgreSQL.</summary>
public sealed class SubmissionSourceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PositionSteps _steps = new(api.CreateClient());

    private HttpClient Client => _steps.Client;

    /// <summary>A process (from 6 April 2017) with two issues, no meeting, and MEX's letter of 16 October on human rights.</summary>
    private async Task<string> ProcessWithLetterAsync(string from = "MEX", string? onBehalfOf = null)
    {
        var process = await _steps.Secretariat.LaunchProcessAsync();
        await _steps.Secretariat.TableIssueAsync(process, "human-rights");
        await _steps.Secretariat.TableIssueAsync(process, "drivers");
        await _steps.Secretariat.EnsureStakeholderAsync("MEX", name: "Mexico");
        await _steps.Secretariat.EnsureStakeholderAsync("ECU", name: "Ecuador");
        var response = await Client.PostJsonAsync($"/processes/{process}/submissions", new
        {
            submission = "letter", from, onBehalfOf, receivedOn = "2017-10-16", issues = new[] { "human-rights" }, channel = "Letter", title = "Written contribution", language = "es",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return process;
    }

    private static Dictionary<string, object?> Body(string stakeholder = "MEX", string? submission = "letter", string? meeting = null, string statedOn = "2017-10-16", int stance = 1, string? onBehalfOf = null) => new()
    {
        ["stakeholder"] = stakeholder,
        ["onBehalfOf"] = onBehalfOf,
        ["stance"] = stance,
        ["summary"] = $"{stakeholder} in writing",
        ["meeting"] = meeting,
        ["submission"] = submission,
        ["statedOn"] = statedOn,
    };

    private Task<HttpResponseMessage> StateAsync(string process, object body, string issue = "human-rights") =>
        Client.PostJsonAsync($"/processes/{process}/issues/{issue}/positions", body);

    [Fact]
    public async Task A_position_stated_from_a_submission_shows_it_and_counts_in_the_measure()
    {
        var process = await ProcessWithLetterAsync();

        var response = await StateAsync(process, Body());

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var position = await response.ReadAsync<PositionDetails>();
        Assert.Equal(new PositionSource(null, null, null, "letter"), position.Source);
        var json = await (await Client.GetAsync(PositionSteps.PositionUrl(process, "human-rights", "MEX"))).Content.ReadAsStringAsync();
        Assert.Contains("\"submission\":\"letter\"", json, StringComparison.Ordinal);

        var matrix = await _steps.GetOkAsync<IssuePositions.Matrix>($"/processes/{process}/issues/human-rights/positions");
        var row = Assert.Single(matrix.Items);
        Assert.Equal(("MEX", null as string, "letter", 1), (row.Stakeholder, row.Meeting, row.Submission, row.Stance));
        var effective = await _steps.EffectiveOkAsync(process, "human-rights", "MEX");
        Assert.Equal((null as string, "letter"), (effective.Meeting, effective.Submission));

        var measure = (await _steps.GetOkAsync<IssueConvergence.Answer>($"/processes/{process}/issues/human-rights/convergence")).Measure;
        Assert.Equal((1, 1), (measure.Positions, measure.Counts.Supports));
        var before = (await _steps.GetOkAsync<IssueConvergence.Answer>($"/processes/{process}/issues/human-rights/convergence?statedBy=2017-10-15")).Measure;
        Assert.Equal(0, before.Positions);

        var page = await (await Client.GetAsync($"/ui/processes/{process}/issues/human-rights")).Content.ReadAsStringAsync();
        Assert.Contains("data-submission=\"letter\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_position_cites_a_meeting_or_a_submission_never_both_nor_neither()
    {
        var process = await ProcessWithLetterAsync();

        var neither = await (await StateAsync(process, Body(submission: null))).AssertProblemAsync(400);
        var both = await (await StateAsync(process, Body(meeting: "stocktaking-2017"))).AssertProblemAsync(400);
        var withStatement = Body();
        withStatement["statement"] = "s1";
        var statement = await (await StateAsync(process, withStatement)).AssertProblemAsync(400);

        foreach (var problem in new[] { neither, both })
        {
            Assert.Contains("'meeting'", problem.ErrorsFor("meeting").Single());
            Assert.Contains("'submission'", problem.ErrorsFor("submission").Single());
        }

        Assert.Contains("goes with 'meeting'", statement.ErrorsFor("statement").Single());
        var batch = await (await Client.PostJsonAsync($"/processes/{process}/positions/batch", new { items = new[] { new Dictionary<string, object?>(Body(submission: null)) { ["issue"] = "human-rights" } } }))
            .AssertProblemAsync(400);
        Assert.NotEmpty(batch.ErrorsFor("items[0].meeting"));
    }

    [Fact]
    public async Task The_submissions_rules_refuse_another_sender_another_issue_another_process_and_a_late_date()
    {
        var process = await ProcessWithLetterAsync();
        var other = await ProcessWithLetterAsync();
        await Client.PostJsonAsync($"/processes/{other}/submissions", new
        {
            submission = "only-there", from = "MEX", receivedOn = "2017-10-16", issues = new[] { "human-rights" }, channel = "Email", title = "Elsewhere", language = "en",
        });

        var wrongSender = await (await StateAsync(process, Body("ECU"))).AssertProblemAsync(409);
        var wrongIssue = await (await StateAsync(process, Body(), issue: "drivers")).AssertProblemAsync(409);
        await (await StateAsync(process, Body(submission: "only-there"))).AssertProblemAsync(404);
        var late = await (await StateAsync(process, Body(statedOn: "2017-10-17"))).AssertProblemAsync(409);
        var early = await (await StateAsync(process, Body(statedOn: "2017-04-05"))).AssertProblemAsync(409);

        Assert.Contains($"Submission '{process}/submission:letter' was sent by 'MEX'; a position of 'ECU' cannot cite it", wrongSender.GetProperty("detail").GetString());
        Assert.Contains("does not address issue 'drivers'", wrongIssue.GetProperty("detail").GetString());
        Assert.Contains("cannot be after submission", late.GetProperty("detail").GetString());
        Assert.Contains("before process", early.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, (await StateAsync(process, Body(statedOn: "2017-04-06"))).StatusCode);
    }

    [Fact]
    public async Task A_groups_position_may_cite_what_a_member_sent_on_its_behalf()
    {
        var group = await _steps.NewGroupAsync();
        await _steps.Secretariat.EnsureStakeholderAsync("ECU", name: "Ecuador");
        await _steps.JoinAsync("ECU", group, "2017-01-01");
        var process = await ProcessWithLetterAsync(from: "ECU", onBehalfOf: group);
        await _steps.Secretariat.EnsureAccreditedAsync(group, process);

        var groups = await StateAsync(process, Body("ECU", onBehalfOf: group));
        var ecuadors = await StateAsync(process, Body("ECU"));

        Assert.True(groups.StatusCode == HttpStatusCode.Created, await groups.Content.ReadAsStringAsync());
        Assert.True(ecuadors.StatusCode == HttpStatusCode.Created, await ecuadors.Content.ReadAsStringAsync());
        await (await StateAsync(process, Body("MEX"))).AssertProblemAsync(409);
    }

    [Fact]
    public async Task Revisions_corrections_withdrawals_and_batches_take_either_source()
    {
        var process = await ProcessWithLetterAsync();
        var url = PositionSteps.PositionUrl(process, "human-rights", "MEX");
        await _steps.Secretariat.ScheduleOkAsync(process, "stocktaking-2017", new DateOnly(2017, 12, 4), new DateOnly(2017, 12, 6));
        await _steps.Secretariat.UpdateOkAsync(Secretariat.MeetingUrl(process, "stocktaking-2017"), "open", new { });
        await _steps.Secretariat.EnsureParticipantAsync(process, "stocktaking-2017", "MEX");
        await _steps.Secretariat.EnsureParticipantAsync(process, "stocktaking-2017", "ECU");
        Assert.Equal(HttpStatusCode.Created, (await Client.PostJsonAsync($"/processes/{process}/submissions", new
        {
            submission = "second-letter", from = "MEX", receivedOn = "2017-12-20", issues = new[] { "human-rights", "drivers" }, channel = "Email", title = "Follow-up", language = "es",
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await StateAsync(process, Body())).StatusCode);

        var revised = await (await _steps.Secretariat.UpdateOkAsync(url, "revise", new { stance = -1, summary = "Reservations at the stocktaking", meeting = "stocktaking-2017", statedOn = "2017-12-05", reason = "New instructions" }))
            .ReadAsync<PositionDetails>();
        Assert.Equal(new PositionSource("stocktaking-2017", null, null), revised.Source);
        var withdrawn = await (await _steps.Secretariat.UpdateOkAsync(url, "withdraw", new { submission = "second-letter", withdrawnOn = "2017-12-20", reason = "Withdrawn in its follow-up" }))
            .ReadAsync<PositionDetails>();
        Assert.Equal(PositionStatus.Withdrawn, withdrawn.Status);
        await (await _steps.Secretariat.UpdateAsync(url, "withdraw", new { meeting = "stocktaking-2017", submission = "letter", withdrawnOn = "2017-12-05", reason = "Both" })).AssertProblemAsync(400);

        var drivers = PositionSteps.PositionUrl(process, "drivers", "MEX");
        Assert.Equal(HttpStatusCode.Created, (await StateAsync(process, Body(submission: null, meeting: "stocktaking-2017", statedOn: "2017-12-05"), issue: "drivers")).StatusCode);
        var corrected = await (await _steps.Secretariat.UpdateOkAsync(drivers, "correct", new { submission = "second-letter", reason = "It was in the follow-up, not said at the meeting" }))
            .ReadAsync<PositionDetails>();
        Assert.Equal(new PositionSource(null, null, null, "second-letter"), corrected.Source);
        await (await _steps.Secretariat.UpdateAsync(drivers, "correct", new { meeting = "stocktaking-2017", submission = "letter", reason = "Both" })).AssertProblemAsync(400);
        var notInLetter = await (await _steps.Secretariat.UpdateAsync(drivers, "correct", new { submission = "letter", statedOn = "2017-10-16", reason = "The first letter" })).AssertProblemAsync(409);
        Assert.Contains("does not address issue 'drivers'", notInLetter.GetProperty("detail").GetString());

        var batch = await Client.PostJsonAsync($"/processes/{process}/positions/batch", new
        {
            items = new[]
            {
                new Dictionary<string, object?>(Body(stance: 2, submission: "second-letter", statedOn: "2017-12-20")) { ["issue"] = "human-rights" },
                new Dictionary<string, object?>(Body("ECU", stance: 0, submission: null, meeting: "stocktaking-2017", statedOn: "2017-12-05")) { ["issue"] = "drivers" },
                new Dictionary<string, object?>(Body("ECU")) { ["issue"] = "human-rights" },
            },
        });
        var refused = await batch.AssertProblemAsync(422);
        Assert.Equal(["items[2]"], refused.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        batch = await Client.PostJsonAsync($"/processes/{process}/positions/batch", new
        {
            items = new[]
            {
                new Dictionary<string, object?>(Body(stance: 2, submission: "second-letter", statedOn: "2017-12-20")) { ["issue"] = "human-rights" },
                new Dictionary<string, object?>(Body("ECU", stance: 0, submission: null, meeting: "stocktaking-2017", statedOn: "2017-12-05")) { ["issue"] = "drivers" },
            },
        });
        Assert.True(batch.StatusCode == HttpStatusCode.Created, await batch.Content.ReadAsStringAsync());
        Assert.Equal("second-letter", (await _steps.EffectiveOkAsync(process, "human-rights", "MEX")).Submission);
    }

    [Fact]
    public async Task A_withdrawn_submission_is_not_newly_cited_but_a_citation_is_kept_and_shown_withdrawn()
    {
        var process = await ProcessWithLetterAsync();
        var stated = await StateAsync(process, Body());
        Assert.Equal(HttpStatusCode.Created, stated.StatusCode);
        var statedAt = (await stated.ReadAsync<PositionDetails>()).LastChangedAt;
        await _steps.Secretariat.UpdateOkAsync($"/processes/{process}/submissions/letter", "withdraw", new { reason = "Sent in error" });
        var url = PositionSteps.PositionUrl(process, "human-rights", "MEX");

        Assert.True((await (await Client.GetAsync(url)).ReadAsync<PositionDetails>()).CitedSubmissionWithdrawn);
        var asStated = await (await Client.GetAsync($"{url}?asOf={Uri.EscapeDataString(statedAt.ToString("O"))}")).ReadAsync<PositionDetails>();
        Assert.False(asStated.CitedSubmissionWithdrawn);

        var corrected = await _steps.Secretariat.UpdateAsync(url, "correct", new { stance = 2, reason = "Stance entered wrong" });
        var revised = await (await _steps.Secretariat.UpdateAsync(url, "revise", new { stance = -1, summary = "Later", submission = "letter", statedOn = "2017-10-16", reason = "Shift" }))
            .AssertProblemAsync(409);

        Assert.True(corrected.StatusCode == HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());
        Assert.Contains("was withdrawn from the record", revised.GetProperty("detail").GetString());
    }
}
