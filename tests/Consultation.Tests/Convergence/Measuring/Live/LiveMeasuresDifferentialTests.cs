using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Consultation.Convergence.Measuring;
using Consultation.Convergence.Measuring.Thresholds;
using Consultation.Convergence.Summaries;
using Consultation.Processes;
using Consultation.Time;
using Consultation.Tests.Support;
using Microsoft.Extensions.Configuration;
using Marten;
using Xunit.Abstractions;

namespace Consultation.Tests.Convergence.Measuring.Live;

/// <summary>
/// The measures the service keeps current (<c>LiveMeasures</c>) against the measure computed afresh from the versions
/// table, after every step of a random history — statings, revisions, back-dated corrections, withdrawals, a bloc's
/// statements, joins and leaves dated in the past, accreditations ended and renewed, thresholds, groupings and the basis —
/// now and as stated by each day of the meeting, on two grouping bases. A step the rules refuse is part of the history too
/// (nothing may change); a 5xx fails the test.
/// </summary>
public sealed class LiveMeasuresDifferentialTests(ApiFactory api, ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    private static readonly string[] Issues = ["alpha", "beta", "gamma"];
    private static readonly string[] States = ["MEX", "ECU", "THA", "SLE", "ZAF", "DEU"];
    private static readonly string[] Days = ["2017-12-04", "2017-12-05", "2017-12-06"];

    private readonly PositionSteps _steps = new(api.CreateClient());

    private HttpClient Client => _steps.Client;

    [Theory]
    [InlineData(20261206)]
    [InlineData(7)]
    public async Task Every_kept_measure_equals_the_measure_computed_afresh_after_every_step(int seed)
    {
        var random = new Random(seed);
        var (process, voices, bloc, ngo) = await StartAsync();
        await CompareAsync(process, "start");
        for (var step = 0; step < 40; step++)
        {
            var what = await StepAsync(random, process, voices, bloc, ngo);
            output.WriteLine($"{step}: {what}");
            await CompareAsync(process, $"after step {step} ({what})");
        }
    }

    /// <summary>
    /// After a random history, the process's snapshot as of every moment an event was recorded at, and just before it (a
    /// save's events are stamped one by one), asked in random order so that each is moved from a kept one before or after
    /// it (<see cref="SnapshotMoves"/>), equals the snapshot taken afresh — now and as stated by a day.
    /// </summary>
    [Theory]
    [InlineData(20261207)]
    [InlineData(11)]
    public async Task Every_snapshot_moved_from_a_kept_moment_equals_the_snapshot_taken_afresh(int seed)
    {
        var random = new Random(seed);
        var started = await PositionSteps.InstantAsync();
        var (process, voices, bloc, ngo) = await StartAsync();
        for (var step = 0; step < 40; step++)
        {
            output.WriteLine($"{step}: {await StepAsync(random, process, voices, bloc, ngo)}");
        }

        await using var session = api.Store.QuerySession();
        var stamps = await session.AdvancedSql.QueryAsync<DateTimeOffset>(
            $"select distinct timestamp from {api.Store.Options.Events.DatabaseSchemaName}.mt_events where timestamp > ?", CancellationToken.None, started);
        var moments = stamps.SelectMany(t => new[] { t, t.AddTicks(-10) }).OrderBy(_ => random.Next()).ToList();
        var details = (await session.LoadAsync<ProcessDetails>(process))!;
        var rules = await ConvergenceTimelines.RulesAsync(session, process, null, null, CancellationToken.None);
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Convergence:SettleSeconds"] = "0" }).Build();
        using var live = new Consultation.Convergence.Measuring.Live.LiveMeasures(TimeProvider.System);
        using var snapshots = new SettledSnapshots(TimeProvider.System, settings, live);
        foreach (var at in moments)
        {
            foreach (var statedBy in new DateOnly?[] { null, new(2017, 12, 5) })
            {
                var axes = new TimeAxes(at, statedBy);
                var moved = await snapshots.TakeAsync(session, details, axes, rules(at), null, CancellationToken.None);
                var afresh = await ConvergenceSnapshot.TakeAsync(session, details, axes, rules(at), null, DateTimeOffset.UtcNow, CancellationToken.None);
                Assert.Equal(afresh.Issues.Keys.Order(), moved.Issues.Keys.Order());
                foreach (var (issue, expected) in afresh.Issues)
                {
                    var (got, want) = (JsonSerializer.Serialize(moved.Issues[issue], HttpExtensions.Json), JsonSerializer.Serialize(expected, HttpExtensions.Json));
                    Assert.True(got == want, $"as of {at:O}, statedBy {statedBy}, {issue}:\nmoved  {got}\nafresh {want}");
                }
            }
        }
    }

    private async Task<(string Process, string[] Voices, string Bloc, string Ngo)> StartAsync()
    {
        var process = await _steps.OpenAsync(Issues);
        foreach (var (state, region) in States.Zip(new[] { "LatinAmericanAndCaribbean", "LatinAmericanAndCaribbean", "AsiaPacific", "African", "African", "WesternEuropeanAndOthers" }))
        {
            await _steps.Secretariat.EnsureStakeholderAsync(state, regionalGroup: region);
            await _steps.Secretariat.EnsureParticipantAsync(process, "stocktaking-2017", state);
        }

        var ngo = $"ngo-{Guid.NewGuid():N}"[..12];
        await _steps.Secretariat.EnsureStakeholderAsync(ngo, "CivilSociety", regionalGroup: null);
        await _steps.Secretariat.EnsureParticipantAsync(process, "stocktaking-2017", ngo);
        await _steps.Secretariat.EnsureAccreditedAsync(ngo, process);
        var bloc = await _steps.NewGroupAsync();
        await _steps.Secretariat.EnsureAccreditedAsync(bloc, process);
        await _steps.Secretariat.EnsureParticipantAsync(process, "stocktaking-2017", bloc);
        await _steps.JoinAsync("MEX", bloc, "2017-01-01");
        await _steps.JoinAsync("SLE", bloc, "2017-01-01");
        return (process, States.Append(ngo).ToArray(), bloc, ngo);
    }

    private readonly HashSet<(string Issue, string Holder)> _standing = [];
    private readonly HashSet<string> _members = ["MEX", "SLE"];
    private bool _ngoAccredited = true;

    private async Task<string> StepAsync(Random random, string process, string[] voices, string bloc, string ngo)
    {
        string Day() => Days[random.Next(Days.Length)];
        var issue = Issues[random.Next(Issues.Length)];
        var who = voices[random.Next(voices.Length)];
        var stance = random.Next(-2, 3);
        var held = _standing.Where(p => p.Issue == issue).Select(p => p.Holder).ToList();
        var holder = held.Count > 0 && random.Next(4) > 0 ? held[random.Next(held.Count)] : who;
        var position = PositionSteps.PositionUrl(process, issue, holder);
        var (what, response, change) = random.Next(12) switch
        {
            0 or 1 => ($"{who} states {stance} on {issue}", await Client.PostJsonAsync($"/processes/{process}/issues/{issue}/positions", new
            {
                stakeholder = who, stance, summary = "s", meeting = "stocktaking-2017", statedOn = Day(),
                conditions = random.Next(3) == 0 ? "if funded" : null,
            }), (Action)(() => _standing.Add((issue, who)))),
            2 => ($"MEX states {stance} on {issue} for the bloc", await Client.PostJsonAsync($"/processes/{process}/issues/{issue}/positions", new
            {
                stakeholder = "MEX", onBehalfOf = bloc, stance, summary = "s", meeting = "stocktaking-2017", statedOn = Day(),
            }), () => _standing.Add((issue, bloc))),
            3 => ($"{holder} revises to {stance} on {issue}", await UpdateAsync(position, "revise", new { stance, summary = "r", meeting = "stocktaking-2017", statedOn = "2017-12-06", reason = "New instructions" }), () => { }),
            4 or 5 => ($"{holder}'s position on {issue} corrected to {stance} stated {Day()}", await UpdateAsync(position, "correct", new { stance, statedOn = Day(), reason = "Entered wrong" }), () => { }),
            6 => ($"{holder} withdraws on {issue}", await UpdateAsync(position, "withdraw", new { meeting = "stocktaking-2017", withdrawnOn = "2017-12-06", reason = "Awaiting instructions" }), () => _standing.Remove((issue, holder))),
            7 or 8 => _members.Contains(who)
                ? ($"{who} leaves the bloc", await UpdateAsync($"/stakeholders/{who}", $"groups/{bloc}/leave", new { leftOn = Day(), reason = "Left" }), () => _members.Remove(who))
                : ($"{who} joins the bloc", await UpdateAsync($"/stakeholders/{who}", "groups", new { group = bloc, joinedOn = Day() }), () => _members.Add(who)),
            9 => _ngoAccredited
                ? ("the NGO's accreditation ends", await UpdateAsync($"/stakeholders/{ngo}", $"accreditations/{process}/end", new { endedOn = Day(), reason = "Withdrew" }), () => _ngoAccredited = false)
                : ("the NGO is accredited again", await UpdateAsync($"/stakeholders/{ngo}", "accreditations", new { process, accreditedOn = Day(), reason = "Back" }), () => _ngoAccredited = true),
            10 => ($"thresholds: at least {stance + 3} positions", await PutSettingsAsync(process, string.Empty, new
            {
                minPositions = stance + 3, minGroups = 2, consensusGicn = 0.75, broadConvergenceGicn = 0.6, emergingGicn = 0.45, broadConvergenceMaxOpposition = 0.1,
            }), () => { }),
            _ => random.Next(2) == 0
                ? ("the bloc grouping defined", await PutSettingsAsync(process, "/groupings/blocs", new { kind = "Blocs", blocs = new[] { bloc }, ungrouped = random.Next(2) == 0 ? "OwnGroup" : "LeftOut" }), () => { })
                : ("a basis chosen", await PutSettingsAsync(process, "/basis", new { basis = new[] { "kinds", "regional-groups", "blocs" }[random.Next(3)] }), () => { }),
        };

        Assert.True((int)response.StatusCode < 500, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (response.IsSuccessStatusCode)
        {
            change();
        }

        return $"{what}: {(int)response.StatusCode}";
    }

    /// <summary>An update with the resource's current ETag; a resource that does not exist answers its 404 (a step refused).</summary>
    private async Task<HttpResponseMessage> UpdateAsync(string resource, string action, object body)
    {
        var current = await Client.GetAsync(resource);
        return current.StatusCode != HttpStatusCode.OK
            ? current
            : await Client.PostJsonAsync($"{resource}/{action}", body, current.Headers.ETag!.Tag);
    }

    private async Task<HttpResponseMessage> PutSettingsAsync(string process, string path, object body)
    {
        var url = $"/processes/{process}/convergence-settings";
        var request = new HttpRequestMessage(HttpMethod.Put, url + path) { Content = JsonContent.Create(body, options: HttpExtensions.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", await _steps.Secretariat.ETagAsync(url));
        return await Client.SendAsync(request);
    }

    private async Task CompareAsync(string process, string when)
    {
        await using var session = api.Store.QuerySession();
        var details = (await session.LoadAsync<ProcessDetails>(process))!;
        var settings = await IssueConvergence.SettingsAsync(session, process, null, CancellationToken.None);
        foreach (var statedBy in Days.Prepend(null))
        {
            foreach (var grouping in new[] { null, "kinds" })
            {
                var axes = new TimeAxes(null, statedBy is null ? null : DateOnly.Parse(statedBy, System.Globalization.CultureInfo.InvariantCulture));
                var afresh = await ConvergenceSnapshot.TakeAsync(session, details, axes, settings.RulesFor(grouping), Issues, DateTimeOffset.UtcNow, CancellationToken.None);
                foreach (var issue in Issues)
                {
                    var query = string.Join('&', new[] { statedBy is null ? null : $"statedBy={statedBy}", grouping is null ? null : $"grouping={grouping}" }.OfType<string>());
                    var response = await Client.GetAsync($"/processes/{process}/issues/{issue}/convergence?{query}");
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    var kept = JsonSerializer.Serialize((await response.ReadAsync<IssueConvergence.Answer>()).Measure, HttpExtensions.Json);
                    var expected = JsonSerializer.Serialize(afresh.Issues[issue].Measure, HttpExtensions.Json);
                    Assert.True(kept == expected, $"{when}, {issue}, statedBy {statedBy ?? "-"}, grouping {grouping ?? "-"}:\nkept     {kept}\nexpected {expected}");
                }

                // The dashboard's totals: stakeholders with a counted position, kept as issues are measured and forgotten.
                var dashboard = await _steps.GetOkAsync<ProcessConvergence.Answer>(
                    $"/processes/{process}/convergence?{string.Join('&', new[] { statedBy is null ? null : $"statedBy={statedBy}", grouping is null ? null : $"grouping={grouping}" }.OfType<string>())}");
                Assert.True(
                    dashboard.Totals.StakeholdersWithPositions == afresh.StakeholdersWithPositions && dashboard.Totals.Positions == afresh.Issues.Values.Sum(i => i.Measure.Positions),
                    $"{when}, statedBy {statedBy ?? "-"}, grouping {grouping ?? "-"}: totals {dashboard.Totals}, afresh {afresh.StakeholdersWithPositions} stakeholders");
            }
        }
    }
}
