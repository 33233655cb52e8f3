using Consultation.Convergence.Measuring;
using Consultation.Meetings;
using Consultation.Positions;
using Consultation.Processes;
using Consultation.Stakeholders;
using Consultation.Synthetic;

namespace Consultation.Tests.Synthetic;

public sealed class ScenarioBuilderTests
{
    private static readonly SyntheticOptions Small = SyntheticOptions.Preset("small", 42);

    private static string Fingerprint(SyntheticScenario scenario) =>
        string.Join('\n', scenario.AllEvents().Select(e => $"{e.Stream}|{e.Event.GetType().Name}|{JsonSerializer.Serialize(e.Event, e.Event.GetType())}"));

    [Fact]
    public void The_same_seed_gives_the_same_events_and_another_seed_different_ones()
    {
        var first = Fingerprint(ScenarioBuilder.Build(Small));
        Assert.Equal(first, Fingerprint(ScenarioBuilder.Build(Small)));
        Assert.NotEqual(first, Fingerprint(ScenarioBuilder.Build(Small with { Seed = 43, Process = "synth-42" })));
    }

    [Fact]
    public void The_registry_depends_on_the_count_only_so_processes_can_share_it()
    {
        var a = ScenarioBuilder.Build(Small);
        var b = ScenarioBuilder.Build(Small with { Seed = 7 });
        Assert.Equal(
            a.Registry.SelectMany(s => s.Events).Select(e => JsonSerializer.Serialize(e, e.GetType())),
            b.Registry.SelectMany(s => s.Events).Select(e => JsonSerializer.Serialize(e, e.GetType())));
    }

    [Theory]
    [InlineData(0, "XAA")]
    [InlineData(1, "XAB")]
    [InlineData(26, "XBA")]
    [InlineData(9 * 26, "XJA")]
    [InlineData(10 * 26, "XLA")]
    public void States_get_user_assigned_codes_skipping_XK_and_XX(int index, string code) => Assert.Equal(code, FictionalNames.StateCode(index));

    [Fact]
    public void Stakeholders_are_fictional_spread_over_the_five_regional_groups_and_every_kind()
    {
        var registered = ScenarioBuilder.Build(Small).Registry.Select(s => (StakeholderRegistered)s.Events[0]).ToList();
        Assert.Equal(Small.Stakeholders, registered.Count);
        Assert.Equal(registered.Count, registered.Select(r => r.Key).Distinct().Count());
        var states = registered.Where(r => r.Kind == StakeholderKind.MemberState).ToList();
        Assert.All(states, s => Assert.Matches("^X[A-Z]{2}$", s.Key));
        Assert.All(states, s => Assert.DoesNotMatch("^X[KX]", s.Key));
        Assert.Equal(Enum.GetValues<RegionalGroup>().Order(), states.Select(s => s.RegionalGroup!.Value).Distinct().Order());
        Assert.All(registered.Where(r => r.Kind != StakeholderKind.MemberState), r => Assert.StartsWith("synth-", r.Key));
        foreach (var kind in new[] { StakeholderKind.GroupOrBloc, StakeholderKind.CivilSociety, StakeholderKind.Academia, StakeholderKind.PrivateSector, StakeholderKind.UnEntity })
        {
            Assert.Contains(registered, r => r.Kind == kind);
        }
    }

    [Theory]
    [InlineData("tiny", 1)]
    [InlineData("small", 42)]
    [InlineData("small", 43)]
    [InlineData("test", 42)]
    public void Every_issue_lands_at_its_target_level_so_every_level_appears(string preset, int seed)
    {
        var scenario = ScenarioBuilder.Build(SyntheticOptions.Preset(preset, seed));
        Assert.All(scenario.Issues, i => Assert.Equal(i.Target, i.Expected.Level));
        Assert.Equal(Enum.GetValues<ConvergenceLevel>().Order(), scenario.Issues.Select(i => i.Expected.Level).Distinct().Order());
        Assert.Contains(scenario.Issues, i => i.Retired);
        Assert.Contains(scenario.Issues, i => i.Theme is null);
        Assert.Contains(scenario.Issues, i => i.Theme is not null);
    }

    [Fact]
    public void The_test_scale_is_about_a_hundred_thousand_events()
    {
        var count = ScenarioBuilder.Build(SyntheticOptions.Preset("test", 42)).EventCount;
        Assert.InRange(count, 100_000, 130_000);
    }

    [Fact]
    public void Positions_obey_the_domain_rules()
    {
        var scenario = ScenarioBuilder.Build(Small);
        var meetings = scenario.Streams.Where(s => s.Kind == SyntheticStreamKind.Meeting).ToDictionary(s => ((MeetingScheduled)s.Events[0]).Meeting);
        var stakeholders = scenario.Registry.ToDictionary(s => s.Key, s => (StakeholderRegistered)s.Events[0]);
        var issues = scenario.Streams.Single(s => s.Kind == SyntheticStreamKind.Process).Events.OfType<IssueTabled>().Select(i => i.Issue).ToHashSet();

        void CheckSource(PositionSource source, DateOnly on, string speaker, string? onBehalfOf, string issue)
        {
            var meeting = meetings[Assert.IsType<string>(source.Meeting)];
            var scheduled = (MeetingScheduled)meeting.Events[0];
            Assert.InRange(on, scheduled.StartsOn, scheduled.EndsOn);
            Assert.Contains(meeting.Events, e => e is MeetingClosed);
            var statement = meeting.Events.OfType<StatementRecorded>().Single(s => s.Statement == source.Statement);
            Assert.Equal((speaker, onBehalfOf), (statement.Speaker, statement.OnBehalfOf));
            Assert.Contains(issue, statement.Issues);
            Assert.Contains(meeting.Events.OfType<ParticipantRegistered>(), p => p.Stakeholder == speaker);
            Assert.InRange(statement.SaidOn, scheduled.StartsOn, scheduled.EndsOn);
        }

        var kinds = new HashSet<string>();
        foreach (var stream in scenario.Streams.Where(s => s.Kind == SyntheticStreamKind.Position))
        {
            var stated = (PositionStated)stream.Events[0];
            Assert.Equal(Position.KeyFor(scenario.Process, stated.Issue, stated.Stakeholder), stream.Key);
            Assert.Contains(stated.Issue, issues);
            Position? current = null;
            foreach (var e in stream.Events)
            {
                kinds.Add(e.GetType().Name);
                switch (e)
                {
                    case PositionStated s:
                        Assert.True(current is null || current.IsWithdrawn);
                        Assert.True(current?.WithdrawnOn is not { } withdrawnOn || s.Content.StatedOn >= withdrawnOn);
                        var speaker = s.SpokenBy ?? s.Stakeholder;
                        if (s.SpokenBy is not null)
                        {
                            Assert.Equal(StakeholderKind.GroupOrBloc, stakeholders[s.Stakeholder].Kind);
                        }

                        CheckSource(s.Content.Source, s.Content.StatedOn, speaker, s.SpokenBy is null ? null : s.Stakeholder, s.Issue);
                        Assert.True(Stances.IsValid(s.Content.Stance));
                        current = current is null ? Position.Create(s) : current.Apply(s);
                        break;
                    case PositionRevised r:
                        PositionRules.RequireStanding(current!);
                        Assert.True(r.Content.StatedOn > current!.Content!.StatedOn);
                        Assert.NotEqual(current.Content.Stance, r.Content.Stance);
                        CheckSource(r.Content.Source, r.Content.StatedOn, current.Stakeholder, null, current.Issue);
                        current = current.Apply(r);
                        break;
                    case PositionCorrected c:
                        PositionRules.RequireStanding(current!);
                        Assert.Equal((current!.Content!.StatedOn, current.Content.Source), (c.Content.StatedOn, c.Content.Source));
                        current = current.Apply(c);
                        break;
                    case PositionWithdrawn w:
                        PositionRules.RequireStanding(current!);
                        Assert.True(w.WithdrawnOn > current!.Content!.StatedOn);
                        CheckSource(w.Source, w.WithdrawnOn, current.Stakeholder, null, current.Issue);
                        current = current.Apply(w);
                        break;
                    default:
                        Assert.Fail($"Unexpected event {e.GetType().Name} in {stream.Key}");
                        break;
                }
            }
        }

        Assert.Equal(
            new[] { nameof(PositionCorrected), nameof(PositionRevised), nameof(PositionStated), nameof(PositionWithdrawn) },
            kinds.Order());
        Assert.Contains(scenario.Streams, s => s.Kind == SyntheticStreamKind.Position && ((PositionStated)s.Events[0]).SpokenBy is not null);
    }

    [Fact]
    public void Meetings_do_not_overlap_fall_within_the_process_and_the_last_one_is_only_scheduled()
    {
        var scenario = ScenarioBuilder.Build(Small);
        var launched = (ProcessLaunched)scenario.Streams.Single(s => s.Kind == SyntheticStreamKind.Process).Events[0];
        var meetings = scenario.Streams.Where(s => s.Kind == SyntheticStreamKind.Meeting).ToList();
        Assert.Equal(Small.Meetings, meetings.Count);
        var scheduled = meetings.Select(m => (MeetingScheduled)m.Events[0]).ToList();
        Assert.All(scheduled, m => Assert.True(m.StartsOn >= launched.StartsOn && m.EndsOn <= launched.PlannedEndOn && m.StartsOn <= m.EndsOn));
        Assert.All(scheduled.Zip(scheduled.Skip(1)), p => Assert.True(p.First.EndsOn < p.Second.StartsOn));
        Assert.Single(meetings[^1].Events);
        Assert.All(meetings.SkipLast(1), m => Assert.IsType<MeetingClosed>(m.Events[^1]));
    }

    [Fact]
    public void Options_are_checked()
    {
        Assert.NotEmpty(new SyntheticOptions(1, 5, 40, 12).Problems());
        Assert.NotEmpty(new SyntheticOptions(1, 200, 2, 12).Problems());
        Assert.NotEmpty(new SyntheticOptions(1, 200, 40, 12, "Not A Slug").Problems());
        Assert.Empty(new SyntheticOptions(1, 200, 40, 12).Problems());
        Assert.Throws<ArgumentException>(() => SyntheticOptions.Preset("huge", 1));
    }
}
