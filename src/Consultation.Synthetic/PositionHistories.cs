namespace Consultation.Synthetic;

/// <summary>The events of each position stream of a drawn issue: stated, revised, corrected, withdrawn and re-stated.</summary>
internal static class PositionHistories
{
    /// <summary>The position streams of the chosen draw, and the statements they cite (created on the meetings in order).</summary>
    public static IReadOnlyList<SyntheticStream> For(string process, IssuePlan issue, IssueOutcome outcome, IReadOnlyList<MeetingPlan> held, SyntheticRandom rng)
    {
        var (owners, blocs, final, conditional, blocStance, _, _) = outcome;
        var streams = new List<SyntheticStream>();
        var speeches = new List<Speech>();
        foreach (var o in owners)
        {
            var stance = final.TryGetValue(o.Who.Key, out var s) ? s : rng.Next(Stances.Opposes, Stances.StronglySupports + 1);
            var conditions = conditional.Contains(o.Who.Key) ? PositionDraw.Conditions : null;
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
}
