using System.Net;
using System.Text.Json;
using Consultation.Convergence.Measuring;
using Consultation.Positions;
using Consultation.Positions.Views;
using Consultation.Stakeholders;
using Consultation.Tests.Support;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Convergence.Measuring;

/// <summary>
/// The issue measure through the API equals a recomputation from the raw events (folded here, independently of the
/// versions table, then measured with the pure library) — now and as of an earlier moment.
/// </summary>
public sealed class IssueConvergenceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Issue = "sovereignty";

    private readonly PositionSteps _steps = new(api.CreateClient());

    /// <summary>Stakeholders of the consultation: kind and regional group as registered.</summary>
    private static readonly Dictionary<string, (StakeholderKind Kind, RegionalGroup? Region)> Registry = new()
    {
        ["MEX"] = (StakeholderKind.MemberState, RegionalGroup.LatinAmericanAndCaribbean),
        ["ECU"] = (StakeholderKind.MemberState, RegionalGroup.LatinAmericanAndCaribbean),
        ["THA"] = (StakeholderKind.MemberState, RegionalGroup.AsiaPacific),
        ["SLE"] = (StakeholderKind.MemberState, RegionalGroup.African),
        ["ZAF"] = (StakeholderKind.MemberState, RegionalGroup.African),
        ["DEU"] = (StakeholderKind.MemberState, RegionalGroup.WesternEuropeanAndOthers),
        ["amnesty"] = (StakeholderKind.CivilSociety, null),
        ["univ-oxford"] = (StakeholderKind.Academia, null),
    };

    private async Task<(string Process, string Bloc, DateTimeOffset Earlier)> ConsultationAsync()
    {
        var process = await _steps.OpenAsync(Issue, "returns");
        foreach (var (key, (kind, region)) in Registry)
        {
            await _steps.Secretariat.EnsureStakeholderAsync(key, kind.ToString(), regionalGroup: region?.ToString());
        }

        var bloc = await _steps.NewGroupAsync();
        foreach (var member in new[] { "MEX", "SLE", "ZAF" })
        {
            await _steps.JoinAsync(member, bloc, "2017-01-01");
        }

        foreach (var key in Registry.Keys.Append(bloc))
        {
            await _steps.Secretariat.UpdateOkAsync($"/stakeholders/{key}", "accreditations", new { process, accreditedOn = "2017-05-01", reason = "Participates" });
        }

        await _steps.StateAsync(process, Issue, "MEX", 2, "2017-12-04", onBehalfOf: bloc); // SLE inherits; ZAF and MEX have their own
        await _steps.StateAsync(process, Issue, "MEX", 1);
        await _steps.StateAsync(process, Issue, "ZAF", 0);
        await _steps.StateAsync(process, Issue, "ECU", 2);
        await _steps.StateAsync(process, Issue, "THA", -2);
        await _steps.StateAsync(process, Issue, "DEU", 1, conditions: "if returns are voluntary");
        await _steps.StateAsync(process, Issue, "amnesty", -1);
        await _steps.StateAsync(process, "returns", "ECU", -2);
        var earlier = await PositionSteps.InstantAsync();

        await _steps.CorrectAsync(process, Issue, "THA", -1, "2017-12-04", reason: "Thailand said 'reservations', not 'opposes'");
        await _steps.WithdrawAsync(process, Issue, "amnesty", "2017-12-06");
        await _steps.ReviseAsync(process, Issue, "MEX", 2, "2017-12-06");
        return (process, bloc, earlier);
    }

    private async Task<IssueConvergence.Answer> ConvergenceAsync(string process, DateTimeOffset? asOf = null) =>
        await _steps.GetOkAsync<IssueConvergence.Answer>($"/processes/{process}/issues/{Issue}/convergence{PositionSteps.Axes(asOf)}");

    /// <summary>The events of every position stream on the issue, folded by hand: latest content unless withdrawn.</summary>
    private async Task<IssueMeasure> RecomputeAsync(string process, string bloc, DateTimeOffset? asOf)
    {
        await using var session = api.Store.QuerySession();
        var standing = new Dictionary<string, PositionContent>(StringComparer.Ordinal);
        foreach (var stakeholder in Registry.Keys.Append(bloc))
        {
            PositionContent? current = null;
            foreach (var e in await session.Events.FetchStreamAsync(Position.KeyFor(process, Issue, stakeholder)))
            {
                if (asOf is { } at && e.Timestamp > at)
                {
                    break;
                }

                current = e.Data switch
                {
                    PositionStated stated => stated.Content,
                    PositionRevised revised => revised.Content,
                    PositionCorrected corrected => corrected.Content,
                    PositionWithdrawn => null,
                    _ => current,
                };
            }

            if (current is not null)
            {
                standing[stakeholder] = current;
            }
        }

        var positions = new List<MeasuredPosition>();
        foreach (var (key, content) in standing)
        {
            var (kind, region) = key == bloc ? (StakeholderKind.GroupOrBloc, null) : Registry[key];
            positions.Add(new MeasuredPosition(key, kind, region, content.Stance, content.Conditions));
        }

        foreach (var member in new[] { "MEX", "SLE", "ZAF" }.Where(m => !standing.ContainsKey(m) && standing.ContainsKey(bloc)))
        {
            var (kind, region) = Registry[member];
            positions.Add(new MeasuredPosition(member, kind, region, standing[bloc].Stance, standing[bloc].Conditions, bloc));
        }

        AccreditedStakeholder[] accredited =
        [
            .. Registry.Select(r => new AccreditedStakeholder(r.Key, r.Value.Kind, r.Value.Region)),
            new(bloc, StakeholderKind.GroupOrBloc),
        ];
        return ConvergenceMeasure.Measure(positions, accredited);
    }

    private static string Json(IssueMeasure measure) => JsonSerializer.Serialize(measure, HttpExtensions.Json);

    [Fact]
    public async Task The_measure_equals_a_recomputation_from_the_raw_events_now_and_as_of_an_earlier_moment()
    {
        var (process, bloc, earlier) = await ConsultationAsync();

        var now = await ConvergenceAsync(process);
        Assert.Equal(Json(await RecomputeAsync(process, bloc, null)), Json(now.Measure));

        // By hand, now: MEX +2, SLE +2 (inherited), ZAF 0, ECU +2, THA −1 (corrected), DEU +1 with conditions; amnesty withdrew.
        Assert.Equal(6, now.Measure.Positions);
        Assert.Equal(1, now.Measure.InheritedPositions);
        Assert.Equal(1, now.Measure.CollectivePositions);
        Assert.Empty(now.Measure.Holdouts);
        Assert.Equal(["DEU", "THA"], now.Measure.SwingStakeholders.Select(s => s.Stakeholder));
        Assert.Equal(new Coverage(8, 6, 0.75, 6, 6, 1.0), now.Measure.Coverage);
        Assert.True(now.ThresholdsAreDefault);
        Assert.True(now.Freshness.ReflectsSequence > 0);
        Assert.Equal(now.Freshness.HighestSequence, now.Freshness.ReflectsSequence);

        var then = await ConvergenceAsync(process, earlier);
        Assert.Equal(Json(await RecomputeAsync(process, bloc, earlier)), Json(then.Measure));
        Assert.Equal(7, then.Measure.Positions);
        Assert.Equal(["THA"], then.Measure.Holdouts.Select(h => h.Stakeholder));
        Assert.Equal(earlier, then.AsOf);
        Assert.True(then.Freshness.ReflectsSequence < now.Freshness.ReflectsSequence);
        await using var query = api.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var recordedByThen = (await query.QueryAsync<long>($"select coalesce(max(seq_id), 0) from {api.Schema}.mt_events where timestamp <= ?", earlier)).Single();
        Assert.Equal(recordedByThen, then.Freshness.ReflectsSequence);
    }

    [Fact]
    public async Task On_the_stated_timeline_only_stakeholders_accredited_by_that_date_are_counted()
    {
        var (process, _, _) = await ConsultationAsync();
        await _steps.Secretariat.EnsureStakeholderAsync("BRA", "MemberState", regionalGroup: "LatinAmericanAndCaribbean");
        await _steps.Secretariat.UpdateOkAsync("/stakeholders/BRA", "accreditations", new { process, accreditedOn = "2017-12-20", reason = "Joined late" });

        var now = await ConvergenceAsync(process);
        Assert.Equal((9, 7), (now.Measure.Coverage.Accredited, now.Measure.Coverage.AccreditedMemberStates));
        var before = await _steps.GetOkAsync<IssueConvergence.Answer>($"/processes/{process}/issues/{Issue}/convergence{PositionSteps.Axes(statedBy: "2017-12-10")}");
        Assert.Equal((8, 6), (before.Measure.Coverage.Accredited, before.Measure.Coverage.AccreditedMemberStates));
        var onTheDay = await _steps.GetOkAsync<IssueConvergence.Answer>($"/processes/{process}/issues/{Issue}/convergence{PositionSteps.Axes(statedBy: "2017-12-20")}");
        Assert.Equal(9, onTheDay.Measure.Coverage.Accredited);
    }

    [Fact]
    public async Task The_process_thresholds_judge_the_level()
    {
        var (process, _, _) = await ConsultationAsync();
        var before = await ConvergenceAsync(process);

        var set = await ConvergenceThresholdsTests.PutAsync(
            _steps.Client,
            process,
            new { minPositions = 50, minGroups = 2, consensusGicn = 0.75, broadConvergenceGicn = 0.6, emergingGicn = 0.45, broadConvergenceMaxOpposition = 0.1 },
            "\"0\"");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var after = await ConvergenceAsync(process);
        Assert.False(after.ThresholdsAreDefault);
        Assert.Equal(50, after.Measure.Thresholds.MinPositions);
        Assert.Equal(ConvergenceLevel.InsufficientData, after.Measure.Level);
        Assert.Equal(before.Measure.Gicn, after.Measure.Gicn);
    }

    [Fact]
    public async Task Bad_axes_answer_400_naming_the_parameter_and_unknown_process_or_issue_404()
    {
        var process = await _steps.OpenAsync(Issue);

        var asOf = await (await _steps.Client.GetAsync($"/processes/{process}/issues/{Issue}/convergence?asOf=yesterday")).AssertProblemAsync(400);
        Assert.NotEmpty(asOf.ErrorsFor("asOf"));
        var statedBy = await (await _steps.Client.GetAsync($"/processes/{process}/issues/{Issue}/convergence?statedBy=2017-13-01")).AssertProblemAsync(400);
        Assert.NotEmpty(statedBy.ErrorsFor("statedBy"));

        await (await _steps.Client.GetAsync($"/processes/{process}/issues/no-such-issue/convergence")).AssertProblemAsync(404);
        await (await _steps.Client.GetAsync($"/processes/no-such-process/issues/{Issue}/convergence")).AssertProblemAsync(404);

        var empty = await ConvergenceAsync(process);
        Assert.Equal(ConvergenceLevel.InsufficientData, empty.Measure.Level);
        Assert.Null(empty.Measure.Gicn);
    }
}
