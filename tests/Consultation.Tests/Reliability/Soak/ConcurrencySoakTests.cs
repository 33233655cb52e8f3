using Consultation.Positions;
using Consultation.Positions.Reading;
using Consultation.Tests.Security;
using JasperFx.Events.Daemon;
using Marten.Events;
using Xunit.Abstractions;

namespace Consultation.Tests.Reliability.Soak;

/// <summary>
/// 32 secretariat clerks (each its own user) write concurrently to the same few positions over HTTP, retrying on 412
/// with a fresh read (<see cref="SoakLoad"/> sets the size). Afterwards the record must hold exactly the acknowledged
/// writes, each at the version its ETag named, and every view must equal a recomputation from the events.
/// </summary>
public sealed class ConcurrencySoakTests(ReliabilityApiFactory api, ITestOutputHelper output) : IClassFixture<ReliabilityApiFactory>
{
    private static readonly string[] RegionalGroups = ["African", "AsiaPacific", "LatinAmericanAndCaribbean"];

    [Fact]
    public async Task Concurrent_clerks_lose_no_update_and_each_acknowledged_write_is_exactly_one_event()
    {
        var load = SoakLoad.FromEnvironment();
        var steps = new PositionSteps(api.CreateClient());
        var issues = Enumerable.Range(1, load.Issues).Select(i => $"issue-{i}").ToArray();
        var process = await steps.OpenAsync(issues);
        var stakeholders = Enumerable.Range(0, load.Stakeholders).Select(i => $"SK{(char)('A' + i)}").ToArray();
        for (var i = 0; i < stakeholders.Length; i++)
        {
            await steps.Secretariat.EnsureStakeholderAsync(stakeholders[i], regionalGroup: RegionalGroups[i % RegionalGroups.Length]);
            await steps.Secretariat.EnsureParticipantAsync(process, "stocktaking-2017", stakeholders[i]);
        }

        var eventsBefore = await api.CountEventsAsync();
        var tally = new SoakTally();
        var clerks = Enumerable.Range(0, load.Clients).Select(i => new SoakClient(
            i,
            api.CreateClient().Authorize(TestIdentity.Token($"clerk-{i}", [AccessMatrix.Secretariat], ["*"])),
            process,
            issues,
            stakeholders,
            load.Seed + i,
            tally));
        var acknowledged = (await Task.WhenAll(clerks.Select(c => c.RunAsync(load.WritesPerClient)))).SelectMany(a => a).ToList();
        var eventsWritten = await api.CountEventsAsync() - eventsBefore;

        output.WriteLine($"Load: {load}. Acknowledged writes: {acknowledged.Count}; events written: {eventsWritten}; answers: {tally}.");
        Assert.Equal(0, tally.ServerErrors);
        Assert.Equal(load.Clients * load.WritesPerClient, acknowledged.Count);
        Assert.Equal(acknowledged.Count, eventsWritten);

        var finals = new List<PositionDetails>();
        foreach (var group in acknowledged.GroupBy(a => a.Position))
        {
            finals.Add(await AssertRecordHoldsExactlyAsync(steps, group.Key, [.. group]));
        }

        foreach (var issue in issues)
        {
            await AssertConvergenceEqualsRecomputationAsync(steps, process, issue, [.. finals.Where(f => f.Issue == issue)], stakeholders);
        }

        await api.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(2));
        var report = await (await steps.Client.PostAsync("/admin/projections/verify", null)).ReadAsync<JsonElement>();
        Assert.True(report.GetProperty("identical").GetBoolean(), report.ToString());
        Assert.All(report.GetProperty("projections").EnumerateArray(), p => Assert.Equal("Identical", p.GetProperty("outcome").GetString()));
    }

    /// <summary>
/// The position's events are exactly the acknowledged writes, each right after the version its clerk read (a re-statement:
/// right after a withdrawal, at or after it), and its read model is their replay.
/// </summary>
    private static async Task<PositionDetails> AssertRecordHoldsExactlyAsync(PositionSteps steps, string key, IReadOnlyList<Acknowledgement> acknowledged)
    {
        var history = await steps.GetOkAsync<List<GetPositionHistory.Change>>(PositionUrl(key) + "/history");
        Assert.Equal(acknowledged.Count, history.Count);
        var markers = history.Select(c => c.Kind == GetPositionHistory.ChangeKind.Withdrawn ? c.Reason : c.After!.Summary).ToList();
        foreach (var ack in acknowledged)
        {
            var version = markers.IndexOf(ack.Marker) + 1;

            // A stating carries no If-Match: other clerks may have stated (or re-stated) and withdrawn the position meanwhile,
            // even when its clerk read none, so a stating not at version 1 is a re-statement: it must follow a withdrawal, no
            // earlier than what its clerk read.
            var restated = ack.Kind == "Stated" && (ack.ReadVersion > 0 || version > 1);
            Assert.True(
                restated ? version >= ack.ExpectedVersion && history[version - 2].Kind == GetPositionHistory.ChangeKind.Withdrawn : version == ack.ExpectedVersion,
                $"{ack} is recorded at version {version}, not on top of the version its clerk read.");
            Assert.Equal(ack.Kind, history[version - 1].Kind.ToString());
            Assert.True(ack.AnsweredVersion >= version, $"{ack} was answered with an ETag older than its own event ({version}).");
        }

        var current = await steps.GetOkAsync<PositionDetails>(PositionUrl(key));
        var last = history[^1];
        var content = history.Last(c => c.After is not null).After!;
        Assert.Equal(history.Count, current.Version);
        Assert.Equal(last.Kind == GetPositionHistory.ChangeKind.Withdrawn ? PositionStatus.Withdrawn : PositionStatus.Standing, current.Status);
        Assert.Equal(content.Stance, current.Stance);
        Assert.Equal(content.Summary, current.Summary);
        Assert.Equal(content.StatedOn, current.StatedOn);
        Assert.Equal(last.WithdrawnOn, current.WithdrawnOn);
        return current;
    }

    /// <summary>The issue's measured convergence equals counting and grouping the final positions here.</summary>
    private static async Task AssertConvergenceEqualsRecomputationAsync(PositionSteps steps, string process, string issue, IReadOnlyList<PositionDetails> finals, IReadOnlyList<string> stakeholders)
    {
        var standing = finals.Where(f => f.Status == PositionStatus.Standing).ToList();
        var measure = (await steps.GetOkAsync<JsonElement>($"/processes/{process}/issues/{issue}/convergence")).GetProperty("measure");
        var counts = measure.GetProperty("counts");
        Assert.Equal(standing.Count, measure.GetProperty("positions").GetInt32());
        Assert.Equal(standing.Count(p => p.Stance == -2), counts.GetProperty("opposes").GetInt32());
        Assert.Equal(standing.Count(p => p.Stance == -1), counts.GetProperty("hasReservations").GetInt32());
        Assert.Equal(standing.Count(p => p.Stance == 0), counts.GetProperty("neutral").GetInt32());
        Assert.Equal(standing.Count(p => p.Stance == 1), counts.GetProperty("supports").GetInt32());
        Assert.Equal(standing.Count(p => p.Stance == 2), counts.GetProperty("stronglySupports").GetInt32());

        var groups = standing.GroupBy(p => RegionalGroups[stakeholders.ToList().IndexOf(p.Stakeholder) % RegionalGroups.Length])
            .Select(g => (g.Count(p => p.Stance >= 1) + 1.0) / (g.Count() + 2.0))
            .ToList();
        var gic = measure.GetProperty("gic");
        if (groups.Count == 0)
        {
            Assert.Equal(JsonValueKind.Null, gic.ValueKind);
            return;
        }

        Assert.Equal(groups.Count, measure.GetProperty("groupCount").GetInt32());
        Assert.Equal(groups.Aggregate(1.0, (product, p) => product * p), gic.GetDouble(), 12);
    }

    private static string PositionUrl(string key)
    {
        var parts = key.Split('/');
        return PositionSteps.PositionUrl(parts[0], parts[1], parts[2]);
    }
}
