using System.Globalization;
using Consultation.Convergence.Areas;
using Consultation.Convergence.Measuring;
using Consultation.Meetings;
using Consultation.Positions;
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
/// thresholds; if a draw misses its target, the issue is drawn again (a few times) with another sub-seed.
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

    private const int RegistrySeed = 0x5EED;

    private static readonly ConvergenceLevel[] Rotation =
    [
        ConvergenceLevel.Consensus,
        ConvergenceLevel.BroadConvergence,
        ConvergenceLevel.Emerging,
        ConvergenceLevel.Divergent,
        ConvergenceLevel.InsufficientData,
    ];

    private static readonly string[] Themes = ["mobility-pathways", "protection-and-rights", "cooperation-and-follow-up", "data-and-evidence"];

    private static readonly string[] Topics =
    [
        "remittances", "skills-recognition", "border-governance", "return-and-reintegration", "labour-mobility", "climate-mobility",
        "consular-assistance", "data-collection", "child-protection", "detention-alternatives", "family-reunification", "smuggling",
        "trafficking", "integration", "xenophobia", "diaspora", "regular-pathways", "search-and-rescue", "portability-of-benefits",
        "legal-identity",
    ];

    private static readonly string[] NameStarts =
    [
        "Al", "Bor", "Cal", "Dun", "El", "Fen", "Gal", "Hal", "Is", "Jor", "Kel", "Lor", "Mar", "Nor", "Or", "Pel", "Quar", "Ros",
        "Sal", "Tor", "Ul", "Val", "Wes", "Xan", "Yor", "Zel",
    ];

    private static readonly string[] NameEnds =
    [
        "adia", "boria", "carra", "donia", "estan", "feria", "gania", "helm", "islia", "jara", "kovia", "landia", "maria", "nesia",
        "oria", "pania", "quia", "rovia", "stria", "tania", "ugal", "varia", "wick", "xia", "yssia", "zonia",
    ];

    private static readonly string[] Words =
    [
        "Harbour", "Meridian", "Open Road", "Lantern", "Crossing", "Bridgeway", "Northstar", "Riverside", "Compass", "Horizon",
        "Kinship", "Waypoint", "Tidewater", "Highland", "Summit", "Keystone",
    ];

    /// <summary>The share of each regional group among the fictional Member States (roughly as at the UN: 54/53/23/33/29).</summary>
    private static readonly RegionalGroup[] RegionCycle =
    [
        RegionalGroup.African, RegionalGroup.AsiaPacific, RegionalGroup.African, RegionalGroup.AsiaPacific, RegionalGroup.LatinAmericanAndCaribbean,
        RegionalGroup.WesternEuropeanAndOthers, RegionalGroup.African, RegionalGroup.AsiaPacific, RegionalGroup.EasternEuropean,
        RegionalGroup.LatinAmericanAndCaribbean, RegionalGroup.African, RegionalGroup.AsiaPacific, RegionalGroup.WesternEuropeanAndOthers,
        RegionalGroup.EasternEuropean,
    ];

    public static SyntheticScenario Build(SyntheticOptions options)
    {
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var registry = Registry(options.Stakeholders);
        var rng = new SyntheticRandom((ulong)options.Seed);
        var process = options.ProcessKey;
        var meetings = Meetings(options, rng.Fork(1), registry);
        var held = meetings.Where(m => m.Held).ToList();
        var issues = IssuePlans(options, rng.Fork(2));

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
                best = PositionsFor(issue, registry, held, accredited, draw);
                if (best.Measure.Level == issue.Target)
                {
                    break;
                }
            }

            positionStreams.AddRange(Histories(process, issue, best!, held, draw));
            results.Add(new SyntheticIssue(issue.Key, issue.Theme, issue.Retired, issue.Target, best!.Measure));
        }

        var streams = new List<SyntheticStream> { ProcessStream(options, issues, meetings) };
        streams.AddRange(meetings.Select(m => m.ToStream(process, rng.Fork(3000 + (ulong)m.Index))));
        streams.AddRange(positionStreams);
        streams.AddRange(Areas(process, results, held.Count > 0 ? held[^1] : null));

        return new SyntheticScenario(options, [.. registry.All.Select(s => s.ToStream())], appended, streams, results);
    }

    // ---------------------------------------------------------------- registry (seed-independent)

    internal sealed record Member(string Group, DateOnly JoinedOn, DateOnly? LeftOn)
    {
        public bool Covers(DateOnly on) => JoinedOn <= on && (LeftOn is null || LeftOn > on);
    }

    internal sealed record FictionalStakeholder(string Key, StakeholderKind Kind, string Name, RegionalGroup? Region, IReadOnlyList<Member> Groups)
    {
        public SyntheticStream ToStream()
        {
            var events = new List<object>
            {
                new StakeholderRegistered(Key, Kind, Name, Kind.IsState() ? Key : null, Region),
            };
            foreach (var m in Groups)
            {
                events.Add(new StakeholderJoinedGroup(Key, m.Group, m.JoinedOn, "Synthetic membership"));
                if (m.LeftOn is { } left)
                {
                    events.Add(new StakeholderLeftGroup(Key, m.Group, left, "Synthetic departure"));
                }
            }

            return new SyntheticStream(Key, SyntheticStreamKind.Stakeholder, events);
        }
    }

    internal sealed record FictionalRegistry(
        IReadOnlyList<FictionalStakeholder> States,
        IReadOnlyList<FictionalStakeholder> Blocs,
        IReadOnlyList<FictionalStakeholder> Others)
    {
        public IEnumerable<FictionalStakeholder> All => Blocs.Concat(States).Concat(Others);

        /// <summary>Everyone who can hold a position of their own (blocs speak through members).</summary>
        public IEnumerable<FictionalStakeholder> Voices => States.Concat(Others);
    }

    /// <summary>The user-assigned ISO-style code of the i-th fictional State: XAA, XAB, … skipping XK* and XX* (in informal use).</summary>
    public static string StateCode(int index)
    {
        var letters = "ABCDEFGHIJLMNOPQRSTUVWYZ"; // no K, no X in the second letter
        return string.Create(CultureInfo.InvariantCulture, $"X{letters[index / 26]}{(char)('A' + (index % 26))}");
    }

    public static string StateName(int index) => $"Republic of {NameStarts[(index / 26) % 26]}{NameEnds[index % 26]}";

    /// <summary>The fictional stakeholders for a count: ~70% Member States (at most 624), 8 blocs, the rest civil society, academia, private sector and UN entities.</summary>
    internal static FictionalRegistry Registry(int count)
    {
        var rng = new SyntheticRandom(RegistrySeed);
        var blocCount = count >= 40 ? 8 : 2;
        var stateCount = Math.Min(SyntheticOptions.MaxMemberStates, (int)(count * 0.7));
        var othersCount = count - stateCount - blocCount;

        var blocs = Enumerable.Range(0, blocCount)
            .Select(b => new FictionalStakeholder($"synth-bloc-{b + 1}", StakeholderKind.GroupOrBloc, $"{Words[b % Words.Length]} Group of States (fictional)", null, []))
            .ToList();
        var states = new List<FictionalStakeholder>();
        for (var i = 0; i < stateCount; i++)
        {
            var region = RegionCycle[i % RegionCycle.Length];
            var memberships = new List<Member>();
            var own = rng.Fork((ulong)i);
            for (var b = 0; b < blocCount; b++)
            {
                var regional = (int)region == b % 5;
                if (own.Chance(regional ? 0.55 : 0.04))
                {
                    var joined = new DateOnly(2012, 1, 1).AddDays(own.Next(0, 2500));
                    DateOnly? left = own.Chance(0.12) ? ProcessStart.AddDays(own.Next(30, 500)) : null;
                    memberships.Add(new Member(blocs[b].Key, joined, left));
                }
            }

            states.Add(new FictionalStakeholder(StateCode(i), StakeholderKind.MemberState, StateName(i), region, memberships));
        }

        var others = new List<FictionalStakeholder>();
        var kinds = new[]
        {
            (StakeholderKind.CivilSociety, "cso", 0.40),
            (StakeholderKind.Academia, "academia", 0.22),
            (StakeholderKind.PrivateSector, "business", 0.20),
            (StakeholderKind.UnEntity, "un", 0.18),
        };
        var given = 0;
        for (var k = 0; k < kinds.Length; k++)
        {
            var (kind, prefix, share) = kinds[k];
            var n = k == kinds.Length - 1 ? othersCount - given : (int)Math.Round(othersCount * share);
            given += n;
            for (var i = 0; i < n; i++)
            {
                var word = Words[i % Words.Length];
                var place = StateName(i % 676)["Republic of ".Length..];
                var name = kind switch
                {
                    StakeholderKind.CivilSociety => $"{word} Migrant Solidarity Network of {place}",
                    StakeholderKind.Academia => $"{place} Institute for {word} Mobility Studies",
                    StakeholderKind.PrivateSector => $"{word} Recruitment Partners ({place})",
                    _ => $"Office for {word} Mobility Coordination {i + 1} (fictional UN entity)",
                };
                others.Add(new FictionalStakeholder(string.Create(CultureInfo.InvariantCulture, $"synth-{prefix}-{i + 1:000}"), kind, name, null, []));
            }
        }

        return new FictionalRegistry(states, blocs, others);
    }

    // ---------------------------------------------------------------- process and issues

    internal sealed record IssuePlan(int Index, string Key, string Title, string? Theme, bool Retired, ConvergenceLevel Target);

    internal static IReadOnlyList<IssuePlan> IssuePlans(SyntheticOptions options, SyntheticRandom rng)
    {
        var rotation = rng.Shuffled(Rotation);
        var retiredEvery = options.Issues >= 10 ? Math.Min(17, options.Issues / 2) : int.MaxValue;
        return
        [
            .. Enumerable.Range(0, options.Issues).Select(i =>
            {
                var topic = Topics[i % Topics.Length];
                var key = string.Create(CultureInfo.InvariantCulture, $"{topic}-{i + 1:000}");
                var theme = i % 4 == 3 ? null : Themes[(i / 4) % Themes.Length];
                var title = string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(topic[0])}{topic[1..].Replace('-', ' ')} (synthetic issue {i + 1})");
                return new IssuePlan(i, key, title, theme, i % retiredEvery == retiredEvery - 1, rotation[i % rotation.Count]);
            }),
        ];
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
            new CoFacilitatorAppointed(key, "co-facilitator-1", "Ambassador Ilsa Marrow (fictional)", StateCode(0), ProcessStart),
            new CoFacilitatorAppointed(key, "co-facilitator-2", "Ambassador Tomas Vell (fictional)", StateCode(1), ProcessStart),
        };
        events.AddRange(issues.Select(i => (object)new IssueTabled(key, i.Key, i.Title, $"A fictional question about {i.Key.Replace('-', ' ')}, generated for demos and load tests.", i.Theme, null)));
        events.Add(new PhaseEnded(key, "consultation", stocktaking.AddDays(-1)));
        events.Add(new PhaseStarted(key, "stocktaking", "Stocktaking phase", stocktaking));
        events.Add(new PhaseEnded(key, "stocktaking", negotiation.AddDays(-1)));
        events.Add(new PhaseStarted(key, "negotiation", "Intergovernmental negotiations", negotiation));
        events.AddRange(issues.Where(i => i.Retired).Select(i => (object)new IssueRetired(key, i.Key, "Merged into another issue after the last meeting (synthetic).")));
        return new SyntheticStream(key, SyntheticStreamKind.Process, events);
    }

    // ---------------------------------------------------------------- meetings

    internal sealed record Speech(MeetingPlan Meeting, string Speaker, string? OnBehalfOf, string Issue);

    internal sealed class MeetingPlan(int index, string slug, MeetingKind kind, DateOnly startsOn, DateOnly endsOn, bool held, string host)
    {
        private readonly Dictionary<(string Speaker, string? OnBehalfOf), Statement> _statements = [];
        private readonly List<Statement> _ordered = [];

        public int Index => index;

        public string Slug => slug;

        public DateOnly StartsOn => startsOn;

        public DateOnly EndsOn => endsOn;

        public bool Held => held;

        /// <summary>The statement a speaker makes at this meeting (one per speaker and group spoken for), created on first use.</summary>
        public Statement StatementOf(string speaker, string? onBehalfOf)
        {
            if (!_statements.TryGetValue((speaker, onBehalfOf), out var statement))
            {
                statement = new Statement(string.Create(CultureInfo.InvariantCulture, $"s{_ordered.Count + 1}"), speaker, onBehalfOf, SaidOn(speaker, onBehalfOf), []);
                _statements[(speaker, onBehalfOf)] = statement;
                _ordered.Add(statement);
            }

            return statement;
        }

        /// <summary>The day a speaker speaks at this meeting (for a group or not): stable, within the meeting's dates.</summary>
        public DateOnly SaidOn(string speaker, string? onBehalfOf) =>
            startsOn.AddDays(StableHash(speaker + "|" + onBehalfOf) % (endsOn.DayNumber - startsOn.DayNumber + 1));

        public void Speak(Speech speech)
        {
            var statement = StatementOf(speech.Speaker, speech.OnBehalfOf);
            if (!statement.Issues.Contains(speech.Issue))
            {
                statement.Issues.Add(speech.Issue);
            }
        }

        public SyntheticStream ToStream(string process, SyntheticRandom rng)
        {
            var key = Meeting.KeyOf(process, slug);
            var events = new List<object>
            {
                new MeetingScheduled(key, process, slug, kind, $"{kind} {index + 1} (synthetic)", new Venue("Port Avalon", host), startsOn, endsOn, ["Ambassador Ilsa Marrow (fictional)"]),
            };
            if (!held)
            {
                return new SyntheticStream(key, SyntheticStreamKind.Meeting, events);
            }

            events.Add(new MeetingOpened(key, new DateTimeOffset(startsOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero)));
            foreach (var speaker in _ordered.Select(s => s.Speaker).Distinct(StringComparer.Ordinal))
            {
                events.Add(new ParticipantRegistered(key, speaker, null, ParticipantRole.Speaker, false));
            }

            foreach (var s in _ordered)
            {
                var summary = s.OnBehalfOf is null
                    ? $"{s.Speaker} set out its views on {s.Issues.Count} issue(s)."
                    : $"{s.Speaker} spoke on behalf of {s.OnBehalfOf} on {s.Issues.Count} issue(s).";
                events.Add(new StatementRecorded(key, s.Id, process, s.Speaker, s.OnBehalfOf, [.. s.Issues], summary, rng.Pick(["en", "fr", "es"]), null, s.SaidOn, false));
            }

            events.Add(new FigureRecorded(key, "f1", "Share of participants reporting new bilateral arrangements (fictional figure)", rng.Next(5, 60), "percent", "Synthetic survey", false));
            events.Add(new PracticeRecorded(key, "f2", "A fictional one-stop centre for arriving workers", host, false));
            events.Add(new RecommendationRecorded(key, "r1", "Keep the dialogue going between sessions (synthetic recommendation).", "Chair", false));
            events.Add(new MeetingClosed(key, $"The chair summarised {_ordered.Count} statement(s) (synthetic).", new DateTimeOffset(endsOn.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero)));
            return new SyntheticStream(key, SyntheticStreamKind.Meeting, events);
        }
    }

    internal sealed record Statement(string Id, string Speaker, string? OnBehalfOf, DateOnly SaidOn, List<string> Issues);

    private static readonly MeetingKind[] KindCycle =
    [
        MeetingKind.ThematicSession, MeetingKind.RegionalConsultation, MeetingKind.MultiStakeholderHearing, MeetingKind.ThematicSession,
        MeetingKind.IdeaLab, MeetingKind.InformalConsultation,
    ];

    internal static IReadOnlyList<MeetingPlan> Meetings(SyntheticOptions options, SyntheticRandom rng, FictionalRegistry registry)
    {
        var interval = Math.Clamp(2400 / options.Meetings, 4, 21);
        var list = new List<MeetingPlan>();
        for (var i = 0; i < options.Meetings; i++)
        {
            var last = i == options.Meetings - 1;
            var kind = i == options.Meetings - 2 ? MeetingKind.StocktakingMeeting : last ? MeetingKind.NegotiationRound : KindCycle[i % KindCycle.Length];
            var starts = ProcessStart.AddDays(7 + (i * interval));
            var ends = starts.AddDays(rng.Next(0, 3));
            var slug = string.Create(CultureInfo.InvariantCulture, $"{KindSlug(kind)}-{i + 1:00}");
            list.Add(new MeetingPlan(i, slug, kind, starts, ends, !last, registry.States[rng.Next(registry.States.Count)].Key));
        }

        return list;
    }

    private static string KindSlug(MeetingKind kind) => kind switch
    {
        MeetingKind.ThematicSession => "thematic-session",
        MeetingKind.RegionalConsultation => "regional-consultation",
        MeetingKind.MultiStakeholderHearing => "hearing",
        MeetingKind.StocktakingMeeting => "stocktaking",
        MeetingKind.IdeaLab => "idea-lab",
        MeetingKind.InformalConsultation => "informal-consultation",
        MeetingKind.NegotiationRound => "negotiation-round",
        _ => "meeting",
    };

    // ---------------------------------------------------------------- positions

    private enum Fate
    {
        Plain,
        Revised,
        Corrected,
        Withdrawn,
        WithdrawnAndRestated,
    }

    private sealed record OwnPlan(FictionalStakeholder Who, Fate Fate, int First, int Second, int Third);

    private sealed record BlocPlan(FictionalStakeholder Bloc, string Speaker, int Meeting, DateOnly StatedOn);

    private sealed record IssueOutcome(
        IReadOnlyList<OwnPlan> Owners,
        IReadOnlyList<BlocPlan> Blocs,
        IReadOnlyDictionary<string, int> Final,
        IReadOnlySet<string> Conditional,
        int BlocStance,
        IssueMeasure Measure);

    private static IssueOutcome PositionsFor(
        IssuePlan issue,
        FictionalRegistry registry,
        IReadOnlyList<MeetingPlan> held,
        IReadOnlyList<AccreditedStakeholder> accredited,
        SyntheticRandom rng)
    {
        var voices = registry.Voices.ToList();
        var owners = new List<OwnPlan>();
        var blocs = new List<BlocPlan>();
        var h = held.Count;
        if (issue.Target == ConvergenceLevel.InsufficientData)
        {
            foreach (var who in rng.Shuffled(registry.States).Take(3))
            {
                owners.Add(new OwnPlan(who, Fate.Plain, rng.Next(h), 0, 0));
            }
        }
        else
        {
            var coverage = 0.55 + (0.35 * rng.NextDouble());
            foreach (var who in voices.Where(_ => rng.Chance(coverage)))
            {
                var roll = rng.NextDouble();
                var fate = h < 2 ? Fate.Plain : roll switch
                {
                    < 0.60 => Fate.Plain,
                    < 0.82 => Fate.Revised,
                    < 0.91 => Fate.Corrected,
                    < 0.95 => Fate.Withdrawn,
                    _ => Fate.WithdrawnAndRestated,
                };
                var first = fate is Fate.Revised or Fate.Withdrawn or Fate.WithdrawnAndRestated ? rng.Next(h - 1) : rng.Next(h);
                var second = first + 1 + rng.Next(h - first - 1);
                var third = second + rng.Next(h - second);
                owners.Add(new OwnPlan(who, fate, first, second, third));
            }

            foreach (var bloc in registry.Blocs.Where(_ => rng.Chance(0.35)))
            {
                var meeting = rng.Next(h);
                var day = held[meeting].StartsOn;
                var speakers = registry.States.Where(s => s.Groups.Any(g => g.Group == bloc.Key && g.Covers(day))).ToList();
                if (speakers.Count > 0)
                {
                    var speaker = rng.Pick(speakers).Key;
                    blocs.Add(new BlocPlan(bloc, speaker, meeting, held[meeting].SaidOn(speaker, bloc.Key)));
                }
            }
        }

        // Effective positions: own standing ones, else the latest bloc position the stakeholder was a member for, if it still is
        // (the measure asks about today; every synthetic departure lies in the past).
        var blocStance = issue.Target switch
        {
            ConvergenceLevel.Consensus => Stances.StronglySupports,
            ConvergenceLevel.Divergent => Stances.Opposes,
            _ => Stances.Supports,
        };
        var standing = owners.Where(o => o.Fate != Fate.Withdrawn).Select(o => o.Who.Key).ToHashSet(StringComparer.Ordinal);
        var inherited = new Dictionary<string, BlocPlan>(StringComparer.Ordinal);
        foreach (var state in registry.States.Where(s => !standing.Contains(s.Key)))
        {
            var from = blocs
                .Where(b => state.Groups.Any(g => g.Group == b.Bloc.Key && g.Covers(b.StatedOn)) && state.Groups.Any(g => g.Group == b.Bloc.Key && g.LeftOn is null))
                .OrderByDescending(b => b.StatedOn)
                .ThenBy(b => b.Bloc.Key, StringComparer.Ordinal)
                .FirstOrDefault();
            if (from is not null)
            {
                inherited[state.Key] = from;
            }
        }

        // Final stances, group by declared group: the pattern's counts, minus what inheritance already fixed.
        var final = new Dictionary<string, int>(StringComparer.Ordinal);
        var byGroup = voices
            .Where(v => standing.Contains(v.Key) || inherited.ContainsKey(v.Key))
            .GroupBy(v => ConvergenceMeasure.GroupOf(v.Kind, v.Region));
        foreach (var group in byGroup)
        {
            var members = group.ToList();
            var wanted = Pattern(issue.Target, members.Count, rng);
            foreach (var m in members.Where(m => !standing.Contains(m.Key)))
            {
                wanted.Remove(blocStance);
            }

            foreach (var m in rng.Shuffled(members.Where(m => standing.Contains(m.Key))))
            {
                var stance = wanted.Count > 0 ? wanted[^1] : Filler(issue.Target);
                if (wanted.Count > 0)
                {
                    wanted.RemoveAt(wanted.Count - 1);
                }

                final[m.Key] = stance;
            }
        }

        if (issue.Target is ConvergenceLevel.BroadConvergence or ConvergenceLevel.Emerging && !final.ContainsValue(Stances.Opposes) && final.Count > 0)
        {
            var holdout = final.Where(f => f.Value >= Stances.Supports).Select(f => f.Key).Order(StringComparer.Ordinal).FirstOrDefault();
            if (holdout is not null)
            {
                final[holdout] = Stances.Opposes;
            }
        }

        var conditional = final.Where(f => f.Value == Stances.Supports && rng.Chance(0.2)).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var measured = voices
            .Where(v => final.ContainsKey(v.Key) || inherited.ContainsKey(v.Key))
            .Select(v => final.TryGetValue(v.Key, out var stance)
                ? new MeasuredPosition(v.Key, v.Kind, v.Region, stance, conditional.Contains(v.Key) ? Conditions : null)
                : new MeasuredPosition(v.Key, v.Kind, v.Region, blocStance, null, inherited[v.Key].Bloc.Key))
            .Concat(blocs.Select(b => new MeasuredPosition(b.Bloc.Key, b.Bloc.Kind, null, blocStance)));
        var measure = ConvergenceMeasure.Measure(measured, accredited);
        return new IssueOutcome(owners, blocs, final, conditional, blocStance, measure);
    }

    /// <summary>The position streams of the chosen draw, and the statements they cite (created on the meetings in order).</summary>
    private static IReadOnlyList<SyntheticStream> Histories(string process, IssuePlan issue, IssueOutcome outcome, IReadOnlyList<MeetingPlan> held, SyntheticRandom rng)
    {
        var (owners, blocs, final, conditional, blocStance, _) = outcome;
        var streams = new List<SyntheticStream>();
        var speeches = new List<Speech>();
        foreach (var o in owners)
        {
            var stance = final.TryGetValue(o.Who.Key, out var s) ? s : rng.Next(Stances.Opposes, Stances.StronglySupports + 1);
            var conditions = conditional.Contains(o.Who.Key) ? Conditions : null;
            streams.Add(OwnHistory(process, issue, o, stance, conditions, held, speeches, rng));
        }

        foreach (var b in blocs)
        {
            var meeting = held[b.Meeting];
            var statement = meeting.StatementOf(b.Speaker, b.Bloc.Key);
            speeches.Add(new Speech(meeting, b.Speaker, b.Bloc.Key, issue.Key));
            var key = Position.KeyFor(process, issue.Key, b.Bloc.Key);
            var content = Content(blocStance, null, $"{b.Bloc.Name} {Stances.Describe(blocStance)} the proposal on {issue.Key} (synthetic).", meeting, statement, null);
            streams.Add(new SyntheticStream(key, SyntheticStreamKind.Position, [new PositionStated(key, process, issue.Key, b.Bloc.Key, b.Speaker, content)]));
        }

        foreach (var speech in speeches)
        {
            speech.Meeting.Speak(speech);
        }

        return streams;
    }

    private const string Conditions = "Provided that implementation stays voluntary and national circumstances are respected (synthetic).";

    /// <summary>The stances a declared group of <paramref name="n"/> positions should hold for a target level (as a bag; order is irrelevant).</summary>
    internal static List<int> Pattern(ConvergenceLevel target, int n, SyntheticRandom rng)
    {
        var bag = new List<int>(n);
        void Add(int stance, int count) => bag.AddRange(Enumerable.Repeat(stance, Math.Max(0, count)));
        switch (target)
        {
            case ConvergenceLevel.Consensus:
                Add(Stances.Neutral, n / 10);
                break;
            case ConvergenceLevel.BroadConvergence:
                Add(Stances.Opposes, (int)(n * 0.05));
                Add(Stances.HasReservations, (int)(n * 0.10));
                Add(Stances.Neutral, (int)(n * 0.05));
                break;
            case ConvergenceLevel.Emerging:
                Add(Stances.Opposes, (int)Math.Round(n * 0.22));
                Add(Stances.HasReservations, (int)(n * 0.15));
                break;
            case ConvergenceLevel.Divergent:
                Add(Stances.Opposes, (int)Math.Ceiling(n * 0.5));
                Add(Stances.HasReservations, n - bag.Count - (int)(n * 0.2));
                break;
            default:
                break;
        }

        while (bag.Count < n)
        {
            bag.Add(target == ConvergenceLevel.Divergent ? Stances.Supports : rng.Chance(0.5) ? Stances.Supports : Stances.StronglySupports);
        }

        return rng.Shuffled(bag.Take(n)).OrderBy(s => s).ToList();
    }

    private static int Filler(ConvergenceLevel target) => target == ConvergenceLevel.Divergent ? Stances.HasReservations : Stances.Supports;

    private static PositionContent Content(int stance, string? conditions, string summary, MeetingPlan meeting, Statement statement, VerbatimQuote? quote) =>
        new(stance, conditions, summary, quote, new PositionSource(meeting.Slug, statement.Id, null), statement.SaidOn);

    private static SyntheticStream OwnHistory(
        string process, IssuePlan issue, OwnPlan o, int stance, string? conditions, IReadOnlyList<MeetingPlan> held, List<Speech> speeches, SyntheticRandom rng)
    {
        var key = Position.KeyFor(process, issue.Key, o.Who.Key);
        var who = o.Who.Key;

        PositionContent At(int meetingIndex, int s, string? c, string how)
        {
            var meeting = held[meetingIndex];
            speeches.Add(new Speech(meeting, who, null, issue.Key));
            var quote = rng.Chance(0.1) ? new VerbatimQuote($"We {Stances.Describe(s)} this, as we said at {meeting.Slug}.", "en") : null;
            return Content(s, c, $"{o.Who.Name} {Stances.Describe(s)} the proposal on {issue.Key}{how} (synthetic).", meeting, meeting.StatementOf(who, null), quote);
        }

        // An earlier stance that differs from the final one: +2→0, +1→−1, 0→+1, −1→0, −2→−1.
        static int Other(int s) => s >= Stances.Supports ? s - 2 : s + 1;

        var events = new List<object>();
        switch (o.Fate)
        {
            case Fate.Plain:
                events.Add(new PositionStated(key, process, issue.Key, who, null, At(o.First, stance, conditions, "")));
                break;
            case Fate.Revised:
                events.Add(new PositionStated(key, process, issue.Key, who, null, At(o.First, Other(stance), null, "")));
                events.Add(new PositionRevised(key, At(o.Second, stance, conditions, " after consultations at home"), "The delegation shifted after consultations in its capital (synthetic)."));
                break;
            case Fate.Corrected:
                var stated = At(o.First, Other(stance), conditions, "");
                events.Add(new PositionStated(key, process, issue.Key, who, null, stated));
                events.Add(new PositionCorrected(key, stated with { Stance = stance, Summary = $"{o.Who.Name} {Stances.Describe(stance)} the proposal on {issue.Key} (synthetic, corrected)." }, "The stance was mis-recorded from the interpretation (synthetic)."));
                break;
            case Fate.Withdrawn:
            case Fate.WithdrawnAndRestated:
                events.Add(new PositionStated(key, process, issue.Key, who, null, At(o.First, Other(stance), null, "")));
                var withdrawnAt = held[o.Second];
                var withdrawal = withdrawnAt.StatementOf(who, null);
                speeches.Add(new Speech(withdrawnAt, who, null, issue.Key));
                events.Add(new PositionWithdrawn(key, new PositionSource(withdrawnAt.Slug, withdrawal.Id, null), withdrawal.SaidOn, "The delegation reserved its position pending instructions (synthetic)."));
                if (o.Fate == Fate.WithdrawnAndRestated)
                {
                    var restated = At(o.Third, stance, conditions, " again");
                    events.Add(new PositionStated(key, process, issue.Key, who, null, restated.StatedOn < withdrawal.SaidOn ? restated with { StatedOn = withdrawal.SaidOn } : restated));
                }

                break;
        }

        return new SyntheticStream(key, SyntheticStreamKind.Position, events);
    }

    // ---------------------------------------------------------------- areas

    private static IEnumerable<SyntheticStream> Areas(string process, IReadOnlyList<SyntheticIssue> issues, MeetingPlan? at)
    {
        if (at is null)
        {
            yield break;
        }

        foreach (var theme in Themes)
        {
            var converging = issues
                .Where(i => i.Theme == theme && !i.Retired && i.Expected.Level is ConvergenceLevel.Consensus or ConvergenceLevel.BroadConvergence)
                .Select(i => i.Issue)
                .Take(6)
                .ToList();
            if (converging.Count == 0)
            {
                continue;
            }

            var slug = $"converging-on-{theme}";
            var key = Area.KeyOf(process, slug);
            var events = new List<object>
            {
                new AreaIdentified(key, process, slug, $"Convergence on {theme.Replace('-', ' ')} (synthetic)", "Facilitators see views coming together on these issues (synthetic).", converging, at.Slug, at.EndsOn),
            };
            var holdouts = issues
                .Where(i => converging.Contains(i.Issue))
                .SelectMany(i => i.Expected.Holdouts.Where(h => !h.Inherited).Select(h => (i.Issue, h.Stakeholder)))
                .Take(5)
                .ToList();
            if (holdouts.Count > 0)
            {
                events.Add(new DivergenceNoted(key, "d1", "Some delegations still oppose parts of this area (synthetic).", [.. holdouts.Select(h => h.Issue).Distinct()], [.. holdouts.Select(h => h.Stakeholder).Distinct()], at.EndsOn));
            }

            yield return new SyntheticStream(key, SyntheticStreamKind.Area, events);
        }
    }

    /// <summary>FNV-1a: a stable string hash (string.GetHashCode is randomized per process).</summary>
    internal static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
