using Consultation.Convergence.Areas;
using Consultation.Convergence.Areas.Affirming;
using Consultation.Convergence.Areas.Confirming;
using Consultation.Convergence.Areas.Dissolving;
using Consultation.Convergence.Areas.Identifying;
using Consultation.Convergence.Areas.Linking;
using Consultation.Convergence.Areas.NotingDivergences;
using Consultation.Infrastructure.Errors;
using Consultation.Meetings;
using Consultation.Processes;

namespace Consultation.Tests.Convergence.Areas;

/// <summary>Given an area's events (and the process and meetings around it), when a facilitator's command, then events or a broken rule — no database.</summary>
public sealed class AreaDecisionTests
{
    private const string Key = "gcm/area:rejecting-business-as-usual";
    private static readonly DateOnly December5 = new(2017, 12, 5);
    private static readonly DateOnly February2018 = new(2018, 2, 5);

    private static readonly ProcessDetails Gcm = new()
    {
        Id = "gcm",
        Title = "Global Compact for Safe, Orderly and Regular Migration",
        MandateReference = "A/RES/71/280",
        StartsOn = new DateOnly(2017, 4, 6),
        Status = ProcessStatus.Active,
        Issues = [Issue("human-rights"), Issue("smuggling"), Issue("returns"), Issue("retired-issue") with { Status = IssueStatus.Retired }],
        Version = 6,
    };

    private static readonly ProcessDetails Concluded = Gcm with { Status = ProcessStatus.Concluded, ConcludedOn = new DateOnly(2018, 12, 19) };

    private static readonly MeetingDetails Stocktaking = Meeting("stocktaking-2017", new DateOnly(2017, 12, 4), new DateOnly(2017, 12, 6));

    private static readonly MeetingDetails FirstRound = Meeting("first-round", new DateOnly(2018, 2, 20), new DateOnly(2018, 2, 22));

    private static readonly AreaIdentified Identified =
        new(Key, "gcm", "rejecting-business-as-usual", "Rejecting business as usual", "Views converge on leaving business as usual behind.", ["human-rights"], "stocktaking-2017", December5);

    private static readonly AreaAffirmed Affirmed = new(Key, "first-round", new DateOnly(2018, 2, 21), null);

    private static readonly AreaConfirmedInText Confirmed = new(Key, "Zero draft", "15", new DateOnly(2018, 3, 1));

    private static readonly AreaDissolved Dissolved = new(Key, new DateOnly(2018, 3, 2), "Positions drifted apart");

    private static IssueDetails Issue(string key) =>
        new(key, $"Issue {key}", $"About {key}", null, null, IssueStatus.Open, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    private static MeetingDetails Meeting(string slug, DateOnly startsOn, DateOnly endsOn) => new()
    {
        Id = $"gcm/{slug}",
        Process = "gcm",
        Meeting = slug,
        Title = slug,
        Venue = new Venue("Puerto Vallarta", "MEX"),
        StartsOn = startsOn,
        EndsOn = endsOn,
        Status = MeetingStatus.Closed,
    };

    private static Area Given(params object[] events)
    {
        var area = Area.Create(Identified);
        foreach (var e in events)
        {
            area = e switch
            {
                AreaAffirmed x => area.Apply(x),
                IssueLinkedToArea x => area.Apply(x),
                IssueUnlinkedFromArea x => area.Apply(x),
                DivergenceNoted x => area.Apply(x),
                AreaConfirmedInText x => area.Apply(x),
                AreaDissolved x => area.Apply(x),
                _ => throw new ArgumentException($"Unexpected event {e}"),
            };
        }

        return area;
    }

    private static IdentifyArea.Command Identify(string?[]? issues = null, string meeting = "stocktaking-2017", DateOnly? on = null) =>
        new("gcm", "rejecting-business-as-usual", " Rejecting business as usual ", "Views converge on leaving business as usual behind.", issues ?? ["human-rights"], meeting, on ?? December5);

    private static AffirmArea.Command Affirm(string meeting = "first-round", DateOnly? on = null) => new(Key, 2, meeting, on ?? new DateOnly(2018, 2, 21), null);

    private static ConfirmArea.Command Confirm(string paragraph = "15", DateOnly? on = null) => new(Key, 3, "Zero draft", paragraph, on ?? new DateOnly(2018, 3, 1));

    private static DissolveArea.Command Dissolve() => new(Key, 2, new DateOnly(2018, 3, 2), "Positions drifted apart");

    private static NoteDivergence.Command Divergence(string?[]? issues = null, string?[]? stakeholders = null, DateOnly? on = null) =>
        new(Key, 2, "Whether returns are part of the area", issues ?? ["returns"], stakeholders ?? ["MEX"], on ?? December5);

    [Fact]
    public void Identifying_records_the_claim_at_a_meeting_of_the_process()
    {
        Assert.Equivalent(Identified, IdentifyArea.Decide(null, Gcm, Stocktaking, Identify()), strict: true);
    }

    [Fact]
    public void Identifying_needs_an_existing_active_process_and_a_new_key()
    {
        Assert.Throws<StreamNotFound>(() => IdentifyArea.Decide(null, null, Stocktaking, Identify()));
        Assert.Throws<DomainRuleViolation>(() => IdentifyArea.Decide(null, Concluded, Stocktaking, Identify()));
        Assert.Throws<DomainRuleViolation>(() => IdentifyArea.Decide(Given(), Gcm, Stocktaking, Identify()));
    }

    [Fact]
    public void Identified_issues_exist_in_the_process_and_are_open()
    {
        var missing = Assert.Throws<StreamNotFound>(() => IdentifyArea.Decide(null, Gcm, Stocktaking, Identify(["human-rights", "missing"])));
        Assert.Equal("gcm/missing", missing.Key);
        Assert.Throws<DomainRuleViolation>(() => IdentifyArea.Decide(null, Gcm, Stocktaking, Identify(["retired-issue"])));
    }

    [Fact]
    public void The_meeting_exists_in_the_process_was_not_cancelled_and_held_the_day()
    {
        Assert.Throws<StreamNotFound>(() => IdentifyArea.Decide(null, Gcm, null, Identify()));
        Assert.Throws<StreamNotFound>(() => IdentifyArea.Decide(null, Gcm, Stocktaking with { Process = "other" }, Identify()));
        Assert.Throws<DomainRuleViolation>(() => IdentifyArea.Decide(null, Gcm, Stocktaking with { Status = MeetingStatus.Cancelled }, Identify()));
        Assert.Throws<DomainRuleViolation>(() => IdentifyArea.Decide(null, Gcm, Stocktaking, Identify(on: new DateOnly(2017, 12, 7))));
        Assert.Throws<DomainRuleViolation>(() => IdentifyArea.Decide(null, Gcm, Stocktaking, Identify(on: new DateOnly(2017, 12, 3))));
    }

    [Fact]
    public void Affirming_at_a_later_meeting_moves_the_area_to_affirmed()
    {
        Assert.Equal([Affirmed], AffirmArea.Decide(Given(), Gcm, FirstRound, Affirm()));
        var area = Given(Affirmed);
        Assert.Equal((AreaStatus.Affirmed, "first-round"), (area.Status, area.LastMeeting));

        var second = Meeting("second-round", new DateOnly(2018, 3, 12), new DateOnly(2018, 3, 16));
        Assert.Equal(
            [new AreaAffirmed(Key, "second-round", new DateOnly(2018, 3, 13), "Stronger still")],
            AffirmArea.Decide(area, Gcm, second, Affirm("second-round", new DateOnly(2018, 3, 13)) with { Note = " Stronger still " }));
    }

    [Fact]
    public void Affirming_needs_a_meeting_after_the_one_identified_or_last_affirmed_at()
    {
        Assert.Throws<DomainRuleViolation>(() => AffirmArea.Decide(Given(), Gcm, Stocktaking, Affirm("stocktaking-2017", new DateOnly(2017, 12, 6))));
        Assert.Throws<DomainRuleViolation>(() => AffirmArea.Decide(Given(Affirmed), Gcm, FirstRound, Affirm()));
        var earlier = Meeting("consultation-2017", new DateOnly(2017, 11, 1), new DateOnly(2017, 11, 2));
        Assert.Throws<DomainRuleViolation>(() => AffirmArea.Decide(Given(), Gcm, earlier, Affirm("consultation-2017", new DateOnly(2017, 11, 1))));
        Assert.Throws<DomainRuleViolation>(() => AffirmArea.Decide(Given(), Gcm, FirstRound, Affirm(on: new DateOnly(2018, 2, 23))));
        Assert.Throws<StreamNotFound>(() => AffirmArea.Decide(Given(), Gcm, null, Affirm("missing")));
        Assert.Throws<DomainRuleViolation>(() => AffirmArea.Decide(Given(), Gcm, FirstRound with { Status = MeetingStatus.Cancelled }, Affirm()));
    }

    [Fact]
    public void An_area_confirmed_in_text_is_not_affirmed_again()
    {
        var second = Meeting("second-round", new DateOnly(2018, 3, 12), new DateOnly(2018, 3, 16));
        Assert.Throws<DomainRuleViolation>(() => AffirmArea.Decide(Given(Affirmed, Confirmed), Gcm, second, Affirm("second-round", new DateOnly(2018, 3, 13))));
    }

    [Fact]
    public void Linking_takes_an_open_issue_not_yet_linked()
    {
        Assert.Equal([new IssueLinkedToArea(Key, "smuggling", "Raised together")], LinkIssue.Decide(Given(), Gcm, new(Key, 1, "smuggling", " Raised together ")));
        Assert.Equal(["human-rights", "smuggling"], Given(new IssueLinkedToArea(Key, "smuggling", null)).Issues);
        Assert.Throws<DomainRuleViolation>(() => LinkIssue.Decide(Given(), Gcm, new(Key, 1, "human-rights", null)));
        Assert.Throws<StreamNotFound>(() => LinkIssue.Decide(Given(), Gcm, new(Key, 1, "missing", null)));
        Assert.Throws<DomainRuleViolation>(() => LinkIssue.Decide(Given(), Gcm, new(Key, 1, "retired-issue", null)));
    }

    [Fact]
    public void Unlinking_takes_a_linked_issue_and_leaves_at_least_one()
    {
        var two = Given(new IssueLinkedToArea(Key, "smuggling", null));
        Assert.Equal([new IssueUnlinkedFromArea(Key, "human-rights", "Belongs elsewhere")], UnlinkIssue.Decide(two, Gcm, new(Key, 2, "human-rights", "Belongs elsewhere")));
        Assert.Equal(["smuggling"], two.Apply(new IssueUnlinkedFromArea(Key, "human-rights", "x")).Issues);
        Assert.Throws<DomainRuleViolation>(() => UnlinkIssue.Decide(Given(), Gcm, new(Key, 1, "human-rights", "x")));
        Assert.Throws<DomainRuleViolation>(() => UnlinkIssue.Decide(two, Gcm, new(Key, 2, "returns", "x")));
        Assert.Throws<StreamNotFound>(() => UnlinkIssue.Decide(two, Gcm, new(Key, 2, "missing", "x")));
    }

    [Fact]
    public void Divergences_are_numbered_and_name_process_issues_and_registered_stakeholders()
    {
        Assert.Equivalent(
            new[] { new DivergenceNoted(Key, "d1", "Whether returns are part of the area", ["returns"], ["MEX"], December5) },
            NoteDivergence.Decide(Given(), Gcm, new HashSet<string> { "MEX" }, Divergence()),
            strict: true);
        var noted = new DivergenceNoted(Key, "d1", "x", ["returns"], [], December5);
        Assert.Equal("d2", Assert.IsType<DivergenceNoted>(Assert.Single(NoteDivergence.Decide(Given(noted), Gcm, new HashSet<string>(), Divergence(stakeholders: [])))).Divergence);
        Assert.Throws<StreamNotFound>(() => NoteDivergence.Decide(Given(), Gcm, new HashSet<string>(), Divergence()));
        Assert.Throws<StreamNotFound>(() => NoteDivergence.Decide(Given(), Gcm, new HashSet<string> { "MEX" }, Divergence(["missing"])));
        Assert.Throws<DomainRuleViolation>(() => NoteDivergence.Decide(Given(), Gcm, new HashSet<string> { "MEX" }, Divergence(on: new DateOnly(2017, 12, 4))));
    }

    [Fact]
    public void Confirmation_in_a_draft_text_requires_prior_affirmation()
    {
        Assert.Throws<DomainRuleViolation>(() => ConfirmArea.Decide(Given(), Gcm, Confirm()));
        Assert.Equal([Confirmed], ConfirmArea.Decide(Given(Affirmed), Gcm, Confirm()));
        Assert.Equal(AreaStatus.ConfirmedInText, Given(Affirmed, Confirmed).Status);
    }

    [Fact]
    public void Later_drafts_confirm_again_but_a_paragraph_is_recorded_once_and_not_before_the_last_affirmation()
    {
        Assert.Equal(
            [new AreaConfirmedInText(Key, "Zero draft", "16", new DateOnly(2018, 3, 1))],
            ConfirmArea.Decide(Given(Affirmed, Confirmed), Gcm, Confirm("16")));
        Assert.Throws<DomainRuleViolation>(() => ConfirmArea.Decide(Given(Affirmed, Confirmed), Gcm, Confirm()));
        Assert.Throws<DomainRuleViolation>(() => ConfirmArea.Decide(Given(Affirmed), Gcm, Confirm(on: February2018)));
    }

    [Fact]
    public void Dissolving_ends_the_area_and_it_accepts_nothing_more()
    {
        Assert.Equal([Dissolved], DissolveArea.Decide(Given(Affirmed), Gcm, Dissolve()));
        Assert.Throws<DomainRuleViolation>(() => DissolveArea.Decide(Given(), Gcm, new(Key, 1, new DateOnly(2017, 12, 4), "too early")));

        var dissolved = Given(Affirmed, Dissolved);
        Assert.Equal(AreaStatus.Dissolved, dissolved.Status);
        var second = Meeting("second-round", new DateOnly(2018, 3, 12), new DateOnly(2018, 3, 16));
        Assert.Throws<DomainRuleViolation>(() => AffirmArea.Decide(dissolved, Gcm, second, Affirm("second-round", new DateOnly(2018, 3, 13))));
        Assert.Throws<DomainRuleViolation>(() => LinkIssue.Decide(dissolved, Gcm, new(Key, 4, "smuggling", null)));
        Assert.Throws<DomainRuleViolation>(() => NoteDivergence.Decide(dissolved, Gcm, new HashSet<string> { "MEX" }, Divergence()));
        Assert.Throws<DomainRuleViolation>(() => ConfirmArea.Decide(dissolved, Gcm, Confirm()));
        Assert.Throws<DomainRuleViolation>(() => DissolveArea.Decide(dissolved, Gcm, Dissolve()));
    }

    [Fact]
    public void Nothing_changes_after_the_process_concluded()
    {
        var area = Given(Affirmed);
        var second = Meeting("second-round", new DateOnly(2018, 3, 12), new DateOnly(2018, 3, 16));
        Assert.Throws<DomainRuleViolation>(() => AffirmArea.Decide(area, Concluded, second, Affirm("second-round", new DateOnly(2018, 3, 13))));
        Assert.Throws<DomainRuleViolation>(() => LinkIssue.Decide(area, Concluded, new(Key, 2, "smuggling", null)));
        Assert.Throws<DomainRuleViolation>(() => UnlinkIssue.Decide(area.Apply(new IssueLinkedToArea(Key, "smuggling", null)), Concluded, new(Key, 3, "smuggling", "x")));
        Assert.Throws<DomainRuleViolation>(() => NoteDivergence.Decide(area, Concluded, new HashSet<string> { "MEX" }, Divergence()));
        Assert.Throws<DomainRuleViolation>(() => ConfirmArea.Decide(area, Concluded, Confirm()));
        Assert.Throws<DomainRuleViolation>(() => DissolveArea.Decide(area, Concluded, Dissolve()));
    }
}
