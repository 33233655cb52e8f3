using Consultation.Positions;
using Consultation.Positions.Views;
using Consultation.Stakeholders;

namespace Consultation.Tests.Positions.Views;

/// <summary>The pure fold behind the versions table, and inheritance, without a database.</summary>
public sealed class PositionTimelineTests
{
    private const string Key = "gcm/sovereignty/MEX";
    private static readonly DateTimeOffset T0 = new(2017, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static PositionContent Content(int stance, int day) =>
        new(stance, null, $"stance {stance}", null, new PositionSource("stocktaking-2017", null, null), new DateOnly(2017, 12, day));

    private static DateTimeOffset At(int minutes) => T0.AddMinutes(minutes);

    private static PositionTimeline Fold(params object[] events)
    {
        var timeline = new PositionTimeline([]);
        for (var i = 0; i < events.Length; i++)
        {
            timeline.Apply(events[i], i + 1, At(i));
        }

        return timeline;
    }

    /// <summary>The row the record held at <paramref name="asOf"/> for valid date <paramref name="day"/> (null: open-ended), as the SQL filters do.</summary>
    private static PositionVersion? Standing(PositionTimeline timeline, DateTimeOffset? asOf, int? day) =>
        timeline.Written
            .Where(r => asOf is null ? r.SupersededAt is null : r.RecordedAt <= asOf && (r.SupersededAt is null || r.SupersededAt > asOf))
            .Where(r => day is null
                ? r.ValidTo is null
                : r.StatedOn <= new DateOnly(2017, 12, day.Value) && (r.ValidTo is null || r.ValidTo > new DateOnly(2017, 12, day.Value)))
            .SingleOrDefault();

    private static PositionStated Stated(int stance, int day) => new(Key, "gcm", "sovereignty", "MEX", null, Content(stance, day));

    [Fact]
    public void A_statement_opens_one_version_valid_from_its_date()
    {
        var timeline = Fold(Stated(1, 4));

        var row = Assert.Single(timeline.Written);
        Assert.Equal((1L, PositionChangeKind.Stated, new DateOnly(2017, 12, 4), (DateOnly?)null, (DateTimeOffset?)null), (row.Segment, row.Kind, row.StatedOn, row.ValidTo, row.SupersededAt));
        Assert.Null(Standing(timeline, null, 3));
        Assert.Equal(1, Standing(timeline, null, 4)!.Stance);
    }

    [Fact]
    public void A_revision_closes_the_head_at_its_date_and_keeps_the_old_knowledge()
    {
        var timeline = Fold(Stated(1, 4), new PositionRevised(Key, Content(-1, 6), "shift"));

        Assert.Equal(3, timeline.Written.Count);
        Assert.Equal(2, timeline.Current.Count);
        Assert.Equal(1, Standing(timeline, null, 5)!.Stance);
        Assert.Equal(-1, Standing(timeline, null, 6)!.Stance);
        Assert.Equal(1, Standing(timeline, At(0), 6)!.Stance);
        var revision = Standing(timeline, null, null)!;
        Assert.Equal((PositionChangeKind.Revised, 1L, "shift"), (revision.SegmentKind, revision.PreviousSegment!.Value, revision.RevisionReason));
    }

    [Fact]
    public void A_correction_replaces_the_head_content_and_date_in_place()
    {
        var timeline = Fold(Stated(1, 4), new PositionCorrected(Key, Content(2, 5), "typo"));

        Assert.Equal(1, Standing(timeline, At(0), 4)!.Stance);
        Assert.Null(Standing(timeline, null, 4));
        var corrected = Standing(timeline, null, 5)!;
        Assert.Equal((2, 1L, PositionChangeKind.Corrected, "typo"), (corrected.Stance, corrected.Segment, corrected.Kind, corrected.CorrectionReason));
    }

    [Fact]
    public void Correcting_a_revisions_date_moves_the_end_of_the_version_it_replaced()
    {
        var timeline = Fold(Stated(1, 4), new PositionRevised(Key, Content(-1, 6), "shift"), new PositionCorrected(Key, Content(-2, 5), "date"));

        Assert.Equal(1, Standing(timeline, null, 4)!.Stance);
        Assert.Equal(-2, Standing(timeline, null, 5)!.Stance);
        Assert.Equal(1, Standing(timeline, At(1), 5)!.Stance);
    }

    [Fact]
    public void A_withdrawal_ends_the_position_and_a_re_statement_starts_again()
    {
        var timeline = Fold(Stated(1, 4), new PositionWithdrawn(Key, new PositionSource("stocktaking-2017", null, null), new DateOnly(2017, 12, 5), "instructions"), Stated(2, 6));

        Assert.Equal(1, Standing(timeline, null, 4)!.Stance);
        Assert.Null(Standing(timeline, null, 5));
        Assert.Equal(2, Standing(timeline, null, 6)!.Stance);
        Assert.Null(Standing(timeline, At(1), null));
        Assert.Equal(PositionVersionEnd.Withdrawn, timeline.Current.Single(r => r.Segment == 1).EndedBy);
    }

    [Fact]
    public void Changing_a_position_that_is_not_standing_is_refused()
    {
        var withdrawn = Fold(Stated(1, 4), new PositionWithdrawn(Key, new PositionSource("m", null, null), new DateOnly(2017, 12, 5), "r"));

        Assert.Throws<InvalidOperationException>(() => withdrawn.Apply(new PositionRevised(Key, Content(2, 6), "x"), 3, At(3)));
        Assert.Throws<InvalidOperationException>(() => new PositionTimeline([]).Apply(new PositionCorrected(Key, Content(2, 6), "x"), 1, At(0)));
    }

    [Fact]
    public void Folding_in_two_saves_gives_the_same_rows_as_in_one()
    {
        object[] events = [Stated(1, 4), new PositionRevised(Key, Content(-1, 6), "shift"), new PositionCorrected(Key, Content(-2, 5), "date")];
        var once = Fold(events);

        var first = new PositionTimeline([]).Apply(events[0], 1, At(0));
        var second = new PositionTimeline(first.Current).Apply(events[1], 2, At(1));
        var third = new PositionTimeline(second.Current).Apply(events[2], 3, At(2));
        var stored = first.Written.Concat(second.Written).Concat(third.Written).GroupBy(r => r.Id).Select(g => g.Last()).OrderBy(r => r.Id, StringComparer.Ordinal);

        Assert.Equal(once.Written.OrderBy(r => r.Id, StringComparer.Ordinal), stored);
    }

    private static StakeholderDetails Member(string key, params GroupMembershipPeriod[] groups) =>
        new() { Id = key, Kind = StakeholderKind.MemberState, Name = key, Groups = groups };

    private static PositionVersion Row(string stakeholder, int stance, int day) =>
        (Fold(new PositionStated($"gcm/sovereignty/{stakeholder}", "gcm", "sovereignty", stakeholder, null, Content(stance, day))).Current[0]);

    [Fact]
    public void Inheritance_needs_membership_on_the_stated_on_date_and_yields_to_own_positions()
    {
        var on = new DateOnly(2017, 11, 1);
        var effective = Inheritance.Resolve(
            [Row("african-group", 2, 5), Row("eu", -1, 4), Row("ZAF", 1, 4)],
            [
                Member("SLE", new GroupMembershipPeriod("african-group", on, null)),
                Member("ZAF", new GroupMembershipPeriod("african-group", on, null)),
                Member("NGA", new GroupMembershipPeriod("african-group", new DateOnly(2017, 12, 6), null)),
                Member("DEU", new GroupMembershipPeriod("eu", on, new DateOnly(2017, 12, 4))),
                Member("FRA", new GroupMembershipPeriod("eu", on, null), new GroupMembershipPeriod("african-group", on, null)),
            ],
            new DateOnly(2017, 12, 10));

        Assert.Equal(("african-group", 2), (effective["SLE"].InheritedFrom, effective["SLE"].Row.Stance));
        Assert.False(effective["ZAF"].Inherited);
        Assert.False(effective.ContainsKey("NGA"));
        Assert.False(effective.ContainsKey("DEU"));
        Assert.Equal("african-group", effective["FRA"].InheritedFrom);
        Assert.Equal(new DateOnly(2017, 12, 5), effective["SLE"].InheritedSince);
    }

    [Fact]
    public void A_member_inherits_only_while_it_is_a_member_on_the_date_asked_about_and_says_since_when()
    {
        var joined = new DateOnly(2017, 11, 1);
        var left = new DateOnly(2018, 3, 1);
        var rejoined = new DateOnly(2018, 6, 1);
        PositionVersion[] standing = [Row("african-group", 2, 5)];
        var leaver = Member("SLE", new GroupMembershipPeriod("african-group", joined, left));
        var returner = Member("GHA", new GroupMembershipPeriod("african-group", joined, left), new GroupMembershipPeriod("african-group", rejoined, null));

        var beforeLeaving = Inheritance.Resolve(standing, [leaver, returner], new DateOnly(2018, 2, 1));
        var afterLeaving = Inheritance.Resolve(standing, [leaver, returner], new DateOnly(2018, 4, 1));
        var afterRejoining = Inheritance.Resolve(standing, [leaver, returner], new DateOnly(2018, 7, 1));

        Assert.Equal(("african-group", new DateOnly(2017, 12, 5)), (beforeLeaving["SLE"].InheritedFrom, beforeLeaving["SLE"].InheritedSince));
        Assert.False(afterLeaving.ContainsKey("SLE"));
        Assert.False(afterLeaving.ContainsKey("GHA"));
        Assert.False(afterRejoining.ContainsKey("SLE"));
        Assert.Equal(("african-group", rejoined), (afterRejoining["GHA"].InheritedFrom, afterRejoining["GHA"].InheritedSince));
    }
}
