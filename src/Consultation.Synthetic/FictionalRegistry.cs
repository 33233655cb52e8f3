using Consultation.Stakeholders;

namespace Consultation.Synthetic;

internal sealed record Membership(string Group, DateOnly JoinedOn, DateOnly? LeftOn)
{
    public bool Covers(DateOnly on) => JoinedOn <= on && (LeftOn is null || LeftOn > on);
}

internal sealed record FictionalStakeholder(string Key, StakeholderKind Kind, string Name, RegionalGroup? Region, IReadOnlyList<Membership> Groups)
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

/// <summary>The fictional stakeholders every synthetic process shares: they depend on the count only, never on the seed.</summary>
internal sealed record FictionalRegistry(
    IReadOnlyList<FictionalStakeholder> States,
    IReadOnlyList<FictionalStakeholder> Blocs,
    IReadOnlyList<FictionalStakeholder> Others)
{
    private const int RegistrySeed = 0x5EED;

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

    public IEnumerable<FictionalStakeholder> All => Blocs.Concat(States).Concat(Others);

    /// <summary>Everyone who can hold a position of their own (blocs speak through members).</summary>
    public IEnumerable<FictionalStakeholder> Voices => States.Concat(Others);

    /// <summary>The fictional stakeholders for a count: ~70% Member States (at most 624), 8 blocs, the rest civil society, academia, private sector and UN entities.</summary>
    public static FictionalRegistry For(int count)
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
            var memberships = new List<Membership>();
            var own = rng.Fork((ulong)i);
            for (var b = 0; b < blocCount; b++)
            {
                var regional = (int)region == b % 5;
                if (own.Chance(regional ? 0.55 : 0.04))
                {
                    var joined = new DateOnly(2012, 1, 1).AddDays(own.Next(0, 2500));
                    DateOnly? left = own.Chance(0.12) ? ScenarioBuilder.ProcessStart.AddDays(own.Next(30, 500)) : null;
                    memberships.Add(new Membership(blocs[b].Key, joined, left));
                }
            }

            states.Add(new FictionalStakeholder(FictionalNames.StateCode(i), StakeholderKind.MemberState, FictionalNames.StateName(i), region, memberships));
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
                var place = FictionalNames.StateName(i % 676)["Republic of ".Length..];
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
}
