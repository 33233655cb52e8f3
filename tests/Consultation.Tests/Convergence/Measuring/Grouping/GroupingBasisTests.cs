using System.Net;
using System.Net.Http.Json;
using Consultation.Convergence.Measuring;
using Consultation.Convergence.Measuring.Thresholds;
using Consultation.Convergence.Summaries;
using Consultation.Tests.Support;

namespace Consultation.Tests.Convergence.Measuring.Grouping;

/// <summary>
/// A process's grouping basis: groupings defined as events (blocs, custom groups with dated members), the basis chosen
/// and kept with its history, a read asking for another basis, the ungrouped left out or grouped — every answer naming it.
/// </summary>
public sealed class GroupingBasisTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Issue = "sovereignty";

    private readonly PositionSteps _steps = new(api.CreateClient());

    private HttpClient Client => _steps.Client;

    /// <summary>
    /// Seven voices on the issue: MEX +2 and SLE +1 in bloc A, ZAF −1 and DEU +2 in bloc B (MEX is in B too, and counts in
    /// A, listed first), and three in no bloc: ECU +1, THA −2, amnesty 0.
    /// </summary>
    private async Task<(string Process, string BlocA, string BlocB)> ConsultationAsync()
    {
        var process = await _steps.OpenAsync(Issue);
        foreach (var (key, region) in new[] { ("MEX", "LatinAmericanAndCaribbean"), ("ECU", "LatinAmericanAndCaribbean"), ("SLE", "African"), ("ZAF", "African"), ("DEU", "WesternEuropeanAndOthers"), ("THA", "AsiaPacific") })
        {
            await _steps.Secretariat.EnsureStakeholderAsync(key, regionalGroup: region);
        }

        await _steps.Secretariat.EnsureStakeholderAsync("amnesty", "CivilSociety", regionalGroup: null);
        var blocA = await _steps.NewGroupAsync("bloc-a");
        var blocB = await _steps.NewGroupAsync("bloc-b");
        await _steps.JoinAsync("MEX", blocA, "2017-01-01");
        await _steps.JoinAsync("SLE", blocA, "2017-01-01");
        await _steps.JoinAsync("ZAF", blocB, "2017-01-01");
        await _steps.JoinAsync("DEU", blocB, "2017-01-01");
        await _steps.JoinAsync("MEX", blocB, "2017-01-01");
        await _steps.Secretariat.EnsureAccreditedAsync("amnesty", process);
        foreach (var (key, stance) in new[] { ("MEX", 2), ("SLE", 1), ("ZAF", -1), ("DEU", 2), ("ECU", 1), ("THA", -2), ("amnesty", 0) })
        {
            await _steps.StateAsync(process, Issue, key, stance);
        }

        return (process, blocA, blocB);
    }

    private async Task<HttpResponseMessage> PutAsync(string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: HttpExtensions.Json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await Client.SendAsync(request);
    }

    private async Task<ConvergenceSettings> PutOkAsync(string url, object body)
    {
        var process = url.Split('/')[2];
        var etag = await _steps.Secretariat.ETagAsync($"/processes/{process}/convergence-settings");
        var response = await PutAsync(url, body, etag);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<ConvergenceSettings>();
    }

    private Task<ConvergenceSettings> DefineAsync(string process, string name, object body) =>
        PutOkAsync($"/processes/{process}/convergence-settings/groupings/{name}", body);

    private Task<ConvergenceSettings> ChooseAsync(string process, string basis) =>
        PutOkAsync($"/processes/{process}/convergence-settings/basis", new { basis, reason = "Agreed by the co-facilitators" });

    private Task<IssueConvergence.Answer> MeasureAsync(string process, string query = "") =>
        _steps.GetOkAsync<IssueConvergence.Answer>($"/processes/{process}/issues/{Issue}/convergence{query}");

    private static GroupSupport Group(IssueMeasure measure, string name) => Assert.Single(measure.Groups, g => g.Group == name);

    [Fact]
    public async Task A_read_measures_across_declared_blocs_each_stakeholder_in_the_first_listed_bloc_it_belongs_to()
    {
        var (process, blocA, blocB) = await ConsultationAsync();
        await DefineAsync(process, "blocs", new { kind = "Blocs", blocs = new[] { blocA, blocB }, ungrouped = "LeftOut" });

        var byRegion = (await MeasureAsync(process)).Measure;
        Assert.Equal("regional-groups", byRegion.Grouping);
        Assert.Equal(7, byRegion.Positions);

        var byBloc = (await MeasureAsync(process, "?grouping=blocs")).Measure;
        Assert.Equal("blocs", byBloc.Grouping);
        Assert.Equal(4, byBloc.Positions);
        Assert.Equal(3, byBloc.UngroupedPositions);
        Assert.Equal(2, byBloc.GroupCount);
        Assert.Equal((2, 2, GroupBasis.Bloc), (Group(byBloc, blocA).Positions, Group(byBloc, blocA).Supporters, Group(byBloc, blocA).Basis));
        Assert.Equal((2, 1), (Group(byBloc, blocB).Positions, Group(byBloc, blocB).Supporters));
        Assert.Equal(3.0 / 4 * (2.0 / 4), byBloc.Gic!.Value, 9);
        Assert.Empty(byBloc.Holdouts); // THA's −2 is not measured: THA is in no bloc
        Assert.Equal(blocB, Assert.Single(byBloc.SwingStakeholders).Group);

        // Asking for a basis does not change the process's: the next plain read is by region again.
        Assert.Equal("regional-groups", (await MeasureAsync(process)).Measure.Grouping);
    }

    [Fact]
    public async Task The_ungrouped_can_form_a_group_of_their_own()
    {
        var (process, blocA, blocB) = await ConsultationAsync();
        await DefineAsync(process, "blocs", new { kind = "Blocs", blocs = new[] { blocB, blocA }, ungrouped = "OwnGroup" });

        var measure = (await MeasureAsync(process, "?grouping=blocs")).Measure;
        Assert.Equal(0, measure.UngroupedPositions);
        Assert.Equal(7, measure.Positions);
        var ungrouped = Group(measure, "Ungrouped");
        Assert.Equal((GroupBasis.Ungrouped, 3, 1), (ungrouped.Basis, ungrouped.Positions, ungrouped.Supporters));
        Assert.Equal(3, Group(measure, blocB).Positions); // MEX counts in bloc B now: it is listed first
        Assert.Equal(1, Group(measure, blocA).Positions);
        Assert.Equal("Ungrouped", Assert.Single(measure.Holdouts).Group);
    }

    [Fact]
    public async Task The_chosen_basis_is_kept_with_its_history_and_every_view_names_it()
    {
        var (process, blocA, blocB) = await ConsultationAsync();
        await DefineAsync(process, "blocs", new { kind = "Blocs", blocs = new[] { blocA, blocB }, ungrouped = "LeftOut" });
        var before = await PositionSteps.InstantAsync();
        var chosen = await ChooseAsync(process, "blocs");
        Assert.Equal("blocs", chosen.Basis);
        Assert.Equal("Agreed by the co-facilitators", chosen.BasisReason);
        Assert.Equal(["blocs"], chosen.Groupings.Select(g => g.Name));

        Assert.Equal("blocs", (await MeasureAsync(process)).Measure.Grouping);
        Assert.Equal("regional-groups", (await MeasureAsync(process, PositionSteps.Axes(before))).Measure.Grouping);
        Assert.Equal("kinds", (await MeasureAsync(process, "?grouping=kinds")).Measure.Grouping);
        var settingsThen = await _steps.GetOkAsync<ConvergenceSettings>($"/processes/{process}/convergence-settings{PositionSteps.Axes(before)}");
        Assert.Equal("regional-groups", settingsThen.Basis);

        var dashboard = await _steps.GetOkAsync<ProcessConvergence.Answer>($"/processes/{process}/convergence");
        Assert.Equal("blocs", dashboard.Grouping);
        Assert.Equal("kinds", (await _steps.GetOkAsync<ProcessConvergence.Answer>($"/processes/{process}/convergence?grouping=kinds")).Grouping);
        var history = await _steps.GetOkAsync<System.Text.Json.JsonElement>($"/audit/streams/{process}:convergence-settings");
        Assert.Equal(["grouping_defined", "grouping_basis_chosen"], history.EnumerateArray().Select(e => e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task A_custom_grouping_counts_each_member_in_the_group_it_belonged_to_on_the_date_measured()
    {
        var (process, _, _) = await ConsultationAsync();
        await DefineAsync(process, "north-south", new
        {
            kind = "Custom",
            groups = new object[]
            {
                new { name = "North", members = new object[] { new { stakeholder = "DEU" }, new { stakeholder = "MEX", from = "2017-12-05" } } },
                new { name = "South", members = new object[] { new { stakeholder = "SLE" }, new { stakeholder = "THA" }, new { stakeholder = "MEX", until = "2017-12-05" } } },
            },
            ungrouped = "LeftOut",
            reason = "The facilitators' reading of the room",
        });

        var then = (await MeasureAsync(process, "?grouping=north-south&statedBy=2017-12-04")).Measure;
        Assert.Equal((1, 3), (Group(then, "North").Positions, Group(then, "South").Positions));
        Assert.Equal(GroupBasis.Custom, Group(then, "North").Basis);
        var now = (await MeasureAsync(process, "?grouping=north-south")).Measure;
        Assert.Equal((2, 2), (Group(now, "North").Positions, Group(now, "South").Positions));
        Assert.Equal(3, now.UngroupedPositions);
    }

    [Fact]
    public async Task Bad_groupings_and_bases_are_refused_saying_why()
    {
        var (process, blocA, _) = await ConsultationAsync();
        var url = $"/processes/{process}/convergence-settings/groupings";

        var unknownRead = await (await Client.GetAsync($"/processes/{process}/issues/{Issue}/convergence?grouping=no-such")).AssertProblemAsync(400);
        Assert.Contains("regional-groups", Assert.Single(unknownRead.ErrorsFor("grouping")));
        await (await Client.GetAsync($"/processes/{process}/convergence/timeline?grouping=Not%20A%20Slug")).AssertProblemAsync(400);

        var builtIn = await (await PutAsync($"{url}/kinds", new { kind = "Blocs", blocs = new[] { blocA }, ungrouped = "LeftOut" }, "\"0\"")).AssertProblemAsync(400);
        Assert.NotEmpty(builtIn.ErrorsFor("grouping"));
        var missing = await (await PutAsync($"{url}/g", new { kind = "Blocs" }, "\"0\"")).AssertProblemAsync(400);
        Assert.NotEmpty(missing.ErrorsFor("blocs"));
        Assert.NotEmpty(missing.ErrorsFor("ungrouped"));
        var twice = await (await PutAsync($"{url}/g", new
        {
            kind = "Custom",
            groups = new object[] { new { name = "A", members = new object[] { new { stakeholder = "MEX" } } }, new { name = "B", members = new object[] { new { stakeholder = "MEX", from = "2018-01-01" } } } },
            ungrouped = "LeftOut",
        }, "\"0\"")).AssertProblemAsync(400);
        Assert.Contains("MEX", Assert.Single(twice.ErrorsFor("groups")));

        var notABloc = await (await PutAsync($"{url}/g", new { kind = "Blocs", blocs = new[] { blocA, "MEX" }, ungrouped = "LeftOut" }, "\"0\"")).AssertProblemAsync(409);
        Assert.Contains("'MEX' (MemberState) is not a group or bloc", notABloc.GetProperty("detail").GetString());
        var unknown = await (await PutAsync($"{url}/g", new { kind = "Custom", groups = new object[] { new { name = "A", members = new object[] { new { stakeholder = "XYZ" } } } }, ungrouped = "LeftOut" }, "\"0\"")).AssertProblemAsync(409);
        Assert.Contains("'XYZ'", unknown.GetProperty("detail").GetString());

        await (await PutAsync($"/processes/{process}/convergence-settings/basis", new { basis = "blocs" }, "\"0\"")).AssertProblemAsync(409);
        await (await PutAsync($"/processes/{process}/convergence-settings/basis", new { basis = "kinds" }, null)).AssertProblemAsync(428);
        await (await PutAsync($"/processes/{process}/convergence-settings/basis", new { basis = "regional-groups" }, "\"0\"")).AssertProblemAsync(409);
        Assert.Equal(0, (await _steps.GetOkAsync<ConvergenceSettings>($"/processes/{process}/convergence-settings")).Version); // nothing written
    }
}
