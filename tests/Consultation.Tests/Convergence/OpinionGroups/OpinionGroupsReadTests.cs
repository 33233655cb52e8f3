using System.Globalization;
using Consultation.Convergence.OpinionGroups.Inference;
using Consultation.Convergence.OpinionGroups.Reading;
using Consultation.Positions.Views;
using Consultation.Stakeholders;
using Consultation.Synthetic;
using Consultation.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Consultation.Tests.Convergence.OpinionGroups;

/// <summary>
/// <c>GET /processes/{p}/opinion-groups</c> on a synthetic consultation with three planted opinion groups written to the
/// database: the read finds them from the effective positions the measure counts, names its axis and grouping, compares
/// them with the declared groups, filters by theme, carries labels along the meeting closes, and refuses what it cannot answer.
/// </summary>
public sealed class OpinionGroupsReadTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private readonly PositionSteps _steps = new(api.CreateClient());

    private static string At(DateTimeOffset moment) => Uri.EscapeDataString(moment.ToString("O", CultureInfo.InvariantCulture));

    [Fact]
    public async Task Planted_groups_of_a_written_consultation_are_found_compared_with_the_declared_ones_and_labelled_along_the_closes()
    {
        var scenario = ScenarioBuilder.Build(new SyntheticOptions(42, Stakeholders: 150, Issues: 80, Meetings: 6, Process: "opinion-synth", OpinionGroups: 3));
        await new SyntheticWriter(api.Store).WriteAsync(scenario, SyntheticWriteMode.Sessions, _ => { });
        var p = scenario.Process;

        var now = await _steps.GetOkAsync<GetOpinionGroups.Answer>($"/processes/{p}/opinion-groups");

        output.WriteLine($"{now.Reason}; labels from {now.LabelsCarriedFrom?.Meeting}");
        Assert.Equal((p, TimelineAxis.Stated, "regional-groups", (string?)null), (now.Process, now.Axis, now.Grouping, now.Theme));
        Assert.Equal(GetOpinionGroups.Note, now.Note);
        Assert.True(now.Structure, now.Reason);
        Assert.Equal(3, now.Groups.Count);
        Assert.Equal(80, now.Issues);
        var found = now.Stakeholders.ToDictionary(s => s.Stakeholder, s => s.OpinionGroup, StringComparer.Ordinal);
        Assert.True(AdjustedRandIndex.Of(scenario.PlantedOpinionGroups, found) >= 0.9, $"ARI {AdjustedRandIndex.Of(scenario.PlantedOpinionGroups, found):0.000}");

        // The same effective positions as the generator measured: the same groups as the inference over them.
        var offline = OpinionGroupInference.Infer(StanceMatrix.Of(scenario.Issues.SelectMany(i => i.Effective
            .Where(e => e.Kind != StakeholderKind.GroupOrBloc)
            .Select(e => new StanceCell(e.Stakeholder, i.Issue, e.Stance)))));
        Assert.Equal(1, AdjustedRandIndex.Of(offline.Stakeholders.ToDictionary(s => s.Stakeholder, s => s.Group), found), 10);

        // Planted across the regional groups: every one of them splits, and each stakeholder row names its declared group.
        Assert.All(now.Stakeholders, s => Assert.NotNull(s.DeclaredGroup));
        Assert.NotEmpty(now.Declared.Groups);
        Assert.All(now.Declared.Groups, g => Assert.True(g.Splits, g.Group));
        Assert.Equal(80, now.IssuesAcross.Count);
        Assert.All(now.IssuesAcross, i => Assert.Equal(i.DeclaredLevel != i.Level, i.LevelsDiffer));
        Assert.All(now.Bridging, b => Assert.True(b.Bridging && b.GroupCount == 3));
        Assert.Equal(now.IssuesAcross.Count(i => i.Bridging), now.Bridging.Count);
        Assert.All(now.Groups, g => Assert.NotEmpty(g.Representative));

        // Labels follow the groups along the closes: the last close is where they come from, and nearly everyone keeps its label.
        Assert.NotNull(now.LabelsCarriedFrom);
        var atLast = await _steps.GetOkAsync<GetOpinionGroups.Answer>($"/processes/{p}/opinion-groups?statedBy={now.LabelsCarriedFrom!.EndsOn:yyyy-MM-dd}");
        Assert.Equal(now.LabelsCarriedFrom.EndsOn, atLast.StatedBy);
        var before = atLast.Stakeholders.ToDictionary(s => s.Stakeholder, s => s.OpinionGroup, StringComparer.Ordinal);
        var both = found.Keys.Where(before.ContainsKey).ToList();
        Assert.True(both.Count(s => before[s] == found[s]) >= 0.9 * both.Count, $"{both.Count(s => before[s] == found[s])} of {both.Count} kept their label");
        Assert.NotEqual(now.LabelsCarriedFrom.Meeting, atLast.LabelsCarriedFrom?.Meeting);

        // On the recorded axis, as of the last close in the record: labels follow the close recorded before it.
        var recorded = await _steps.GetOkAsync<GetOpinionGroups.Answer>($"/processes/{p}/opinion-groups?axis=recorded&asOf={At(now.LabelsCarriedFrom.ClosedAt)}");
        Assert.Equal(TimelineAxis.Recorded, recorded.Axis);
        Assert.Equal(now.LabelsCarriedFrom.ClosedAt, recorded.AsOf);
        Assert.True(recorded.LabelsCarriedFrom is null || recorded.LabelsCarriedFrom.ClosedAt < now.LabelsCarriedFrom.ClosedAt);

        // Another declared basis: kinds.
        var byKind = await _steps.GetOkAsync<GetOpinionGroups.Answer>($"/processes/{p}/opinion-groups?grouping=kinds");
        Assert.Equal("kinds", byKind.Grouping);
        Assert.Contains(byKind.Declared.Groups, g => g.Group == nameof(StakeholderKind.MemberState));
        Assert.Equal(found, byKind.Stakeholders.ToDictionary(s => s.Stakeholder, s => s.OpinionGroup, StringComparer.Ordinal));

        // One theme: only its issues, the theme as the process spells it whatever the case asked.
        var theme = scenario.Issues.First(i => i.Theme is not null).Theme!;
        var themed = await _steps.GetOkAsync<GetOpinionGroups.Answer>($"/processes/{p}/opinion-groups?theme={theme.ToUpperInvariant()}");
        Assert.Equal(theme, themed.Theme);
        Assert.Equal(scenario.Issues.Count(i => i.Theme == theme), themed.Issues);
        Assert.Equal(themed.Issues, themed.IssuesAcross.Count);

        var unknownTheme = await (await _steps.Client.GetAsync($"/processes/{p}/opinion-groups?theme=astrology")).AssertProblemAsync(400);
        Assert.Contains(theme, Assert.Single(unknownTheme.ErrorsFor("theme")));
    }

    [Fact]
    public async Task A_small_process_has_no_structure_and_says_why()
    {
        var process = await _steps.OpenAsync("alpha", "beta");
        foreach (var (key, region) in new[] { ("MEX", "LatinAmericanAndCaribbean"), ("THA", "AsiaPacific"), ("ZAF", "African") })
        {
            await _steps.Secretariat.EnsureStakeholderAsync(key, "MemberState", regionalGroup: region);
            await _steps.StateAsync(process, "alpha", key, 2);
            await _steps.StateAsync(process, "beta", key, key == "MEX" ? -2 : 1);
        }

        var answer = await _steps.GetOkAsync<GetOpinionGroups.Answer>($"/processes/{process}/opinion-groups");

        Assert.False(answer.Structure);
        Assert.Equal("3 stakeholder(s) with positions on at least 2 issue(s); at least 30 are needed to find groups", answer.Reason);
        Assert.Equal(3, Assert.Single(answer.Groups).Size);
        Assert.Equal(["MEX", "THA", "ZAF"], answer.Stakeholders.Select(s => s.Stakeholder));
        Assert.Equal(2, answer.IssuesAcross.Count);
        Assert.Empty(answer.Bridging);
        Assert.Null(answer.LabelsCarriedFrom);
        Assert.Equal(2, answer.Method.PositionsNeeded);
    }

    [Fact]
    public async Task The_groups_of_an_unchanged_record_are_inferred_once_and_again_once_it_changes()
    {
        var process = await _steps.OpenAsync("alpha", "beta");
        await _steps.StateAsync(process, "alpha", "MEX", 1);
        await _steps.StateAsync(process, "beta", "MEX", -1);
        var kept = api.Services.GetRequiredService<OpinionGroupsKept>();
        var url = $"/processes/{process}/opinion-groups";

        await _steps.GetOkAsync<GetOpinionGroups.Answer>(url);
        var first = kept.Inferred;
        var again = await _steps.GetOkAsync<GetOpinionGroups.Answer>(url);
        Assert.Equal(first, kept.Inferred);
        Assert.Equal(["MEX"], again.Stakeholders.Select(s => s.Stakeholder).Concat(again.LeftOut.Select(s => s.Stakeholder)));

        await _steps.Secretariat.EnsureStakeholderAsync("ECU");
        await _steps.StateAsync(process, "alpha", "ECU", 2);
        var changed = await _steps.GetOkAsync<GetOpinionGroups.Answer>(url);
        Assert.True(kept.Inferred > first, "a changed record is inferred again");
        Assert.Equal(["ECU", "MEX"], changed.Stakeholders.Select(s => s.Stakeholder).Concat(changed.LeftOut.Select(s => s.Stakeholder)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task What_the_read_cannot_answer_is_refused()
    {
        var process = await _steps.OpenAsync("alpha");

        await (await _steps.Client.GetAsync("/processes/no-such-process/opinion-groups")).AssertProblemAsync(404);
        var grouping = await (await _steps.Client.GetAsync($"/processes/{process}/opinion-groups?grouping=no-such-grouping")).AssertProblemAsync(400);
        Assert.Contains("regional-groups", Assert.Single(grouping.ErrorsFor("grouping")));
        var axis = await (await _steps.Client.GetAsync($"/processes/{process}/opinion-groups?axis=recorded&statedBy=2017-12-06")).AssertProblemAsync(400);
        Assert.NotEmpty(axis.ErrorsFor("axis"));
        var asOf = await (await _steps.Client.GetAsync($"/processes/{process}/opinion-groups?asOf=yesterday")).AssertProblemAsync(400);
        Assert.NotEmpty(asOf.ErrorsFor("asOf"));
        var noTheme = await (await _steps.Client.GetAsync($"/processes/{process}/opinion-groups?theme=anything")).AssertProblemAsync(400);
        Assert.Contains("has no issue with a theme", Assert.Single(noTheme.ErrorsFor("theme")));
    }
}
