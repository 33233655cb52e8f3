using Consultation.Convergence.Areas;
using Consultation.Meetings;
using Consultation.Processes;
using Consultation.Stakeholders;

namespace Consultation.Synthetic;

/// <summary>
/// Builds a fictional consultation — pure and deterministic: the same <see cref="SyntheticOptions"/> give the same events,
/// in the same order. Every name is invented; States use user-assigned ISO-style codes (<c>XAA</c>, <c>XAB</c>…, the
/// ISO 3166 X range no real country has), other stakeholders slug keys starting with <c>synth-</c>.
/// <para>
/// Each issue is given a target convergence level (Consensus, BroadConvergence, Emerging, Divergent, InsufficientData,
/// dealt in rotation, so every level appears whenever there are at least five issues) and a stance pattern for it,
/// assigned group by group (regional groups for States, kinds for others) so that every declared group looks alike.
/// Positions get histories — revisions (later shifts), corrections (recording mistakes, same date and source),
/// withdrawals (some re-stated later) and positions stated on behalf of blocs (inherited by members without a position
/// of their own) — and the final effective positions are measured with <see cref="ConvergenceMeasure"/> under the default
/// thresholds; if a draw misses its target, the issue is drawn again (a few times) with another sub-seed. With
/// <see cref="SyntheticOptions.OpinionGroups"/>, opinion groups are planted across the declared ones
/// (<see cref="PlantedOpinionGroups"/>).
/// </para>
/// <para>
/// Domain rules kept: stated-on dates fall within the source meeting, and each position names the statement its speaker
/// made there (the speaker registered as a participant, the statement recorded while the meeting was open); revisions
/// and withdrawals come at later meetings; re-statements are not dated before the withdrawal; corrections keep the date
/// and source; only blocs are spoken for; meetings do not overlap and fall within the process; retired issues stop
/// taking positions after the last meeting (the retirement is recorded last).
/// </para>
/// </summary>
public static class ScenarioBuilder
{
    public static readonly DateOnly ProcessStart = new(2019, 1, 7);

    public static SyntheticScenario Build(SyntheticOptions options)
    {
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var registry = FictionalRegistry.For(options.Stakeholders);
        var rng = new SyntheticRandom((ulong)options.Seed);
        var process = options.ProcessKey;
        var meetings = MeetingPlan.Schedule(options, rng.Fork(1), registry);
        var held = meetings.Where(m => m.Held).ToList();
        var issues = IssuePlans.For(options, rng.Fork(2));
        var planted = PlantedOpinionGroups.For(options, registry, issues, rng.Fork(4));

        var appended = registry.All
            .Select(s => new SyntheticStream(s.Key, SyntheticStreamKind.Stakeholder, [new StakeholderAccredited(s.Key, process, ProcessStart, "Synthetic consultation")]))
            .ToList();
        var accredited = registry.All.Select(s => new AccreditedStakeholder(s.Key, s.Kind, s.Region)).ToList();

        var positionStreams = new List<SyntheticStream>();
        var results = new List<SyntheticIssue>();
        foreach (var issue in issues)
        {
            IssueOutcome? best = null;
            var draw = rng;
            for (var attempt = 0; attempt < 8; attempt++)
            {
                draw = rng.Fork(1000 + ((ulong)issue.Index * 16) + (ulong)attempt);
                best = PositionDraw.Draw(issue, registry, held, accredited, draw, planted);
                if (best.Measure.Level == issue.Target)
                {
                    break;
                }
            }

            positionStreams.AddRange(PositionHistories.For(process, issue, best!, held, draw));
            results.Add(new SyntheticIssue(issue.Key, issue.Theme, issue.Retired, issue.Target, best!.Measure, best.Effective));
        }

        var streams = new List<SyntheticStream> { ProcessStream(options, issues, meetings) };
        streams.AddRange(meetings.Select(m => m.ToStream(process, rng.Fork(3000 + (ulong)m.Index))));
        streams.AddRange(positionStreams);
        streams.AddRange(AreaStreams.For(process, results, held.Count > 0 ? held[^1] : null));

        return new SyntheticScenario(options, [.. registry.All.Select(s => s.ToStream())], appended, streams, results)
        {
            PlantedOpinionGroups = planted?.Names ?? new Dictionary<string, string>(),
        };
    }

    private static SyntheticStream ProcessStream(SyntheticOptions options, IReadOnlyList<IssuePlan> issues, IReadOnlyList<MeetingPlan> meetings)
    {
        var key = options.ProcessKey;
        var end = meetings[^1].EndsOn;
        var third = (end.DayNumber - ProcessStart.DayNumber) / 3;
        var stocktaking = ProcessStart.AddDays(third);
        var negotiation = ProcessStart.AddDays(2 * third);
        var events = new List<object>
        {
            new ProcessLaunched(key, $"Synthetic consultation {options.Seed} (fictional)", $"SYNTH/{options.Seed}", ProcessStart, end.AddDays(30)),
            new PhaseStarted(key, "consultation", "Consultation phase", ProcessStart),
            new CoFacilitatorAppointed(key, "co-facilitator-1", "Ambassador Ilsa Marrow (fictional)", FictionalNames.StateCode(0), ProcessStart),
            new CoFacilitatorAppointed(key, "co-facilitator-2", "Ambassador Tomas Vell (fictional)", FictionalNames.StateCode(1), ProcessStart),
        };
        events.AddRange(issues.Select(i => (object)new IssueTabled(key, i.Key, i.Title, $"A fictional question about {i.Key.Replace('-', ' ')}, generated for demos and load tests.", i.Theme, null)));
        events.Add(new PhaseEnded(key, "consultation", stocktaking.AddDays(-1)));
        events.Add(new PhaseStarted(key, "stocktaking", "Stocktaking phase", stocktaking));
        events.Add(new PhaseEnded(key, "stocktaking", negotiation.AddDays(-1)));
        events.Add(new PhaseStarted(key, "negotiation", "Intergovernmental negotiations", negotiation));
        events.AddRange(issues.Where(i => i.Retired).Select(i => (object)new IssueRetired(key, i.Key, "Merged into another issue after the last meeting (synthetic).")));
        return new SyntheticStream(key, SyntheticStreamKind.Process, events);
    }
}
