using Consultation.Meetings;

namespace Consultation.Synthetic;

internal sealed record Speech(MeetingPlan Meeting, string Speaker, string? OnBehalfOf, string Issue);

internal sealed record Statement(string Id, string Speaker, string? OnBehalfOf, DateOnly SaidOn, List<string> Issues);

/// <summary>A meeting of the synthetic process and the statements made there, created as positions cite them; <see cref="Schedule"/> plans them all.</summary>
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

    private static readonly MeetingKind[] KindCycle =
    [
        MeetingKind.ThematicSession, MeetingKind.RegionalConsultation, MeetingKind.MultiStakeholderHearing, MeetingKind.ThematicSession,
        MeetingKind.IdeaLab, MeetingKind.InformalConsultation,
    ];

    public static IReadOnlyList<MeetingPlan> Schedule(SyntheticOptions options, SyntheticRandom rng, FictionalRegistry registry)
    {
        var interval = Math.Clamp(2400 / options.Meetings, 4, 21);
        var list = new List<MeetingPlan>();
        for (var i = 0; i < options.Meetings; i++)
        {
            var last = i == options.Meetings - 1;
            var kind = i == options.Meetings - 2 ? MeetingKind.StocktakingMeeting : last ? MeetingKind.NegotiationRound : KindCycle[i % KindCycle.Length];
            var starts = ScenarioBuilder.ProcessStart.AddDays(7 + (i * interval));
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

    /// <summary>FNV-1a: a stable string hash (string.GetHashCode is randomized per process).</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
