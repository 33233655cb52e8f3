using Consultation.Convergence.Areas;
using Consultation.Convergence.Areas.Affirming;
using Consultation.Convergence.Areas.Confirming;
using Consultation.Convergence.Areas.Dissolving;
using Consultation.Convergence.Areas.Identifying;
using Consultation.Convergence.Areas.Linking;
using Consultation.Convergence.Areas.NotingDivergences;
using Consultation.Domain;
using Consultation.Meetings;
using Consultation.Processes;
using Consultation.Tests.Support;

namespace Consultation.Tests.Convergence.Areas.Specifications;

/// <summary>Given an area's events (and the process and meetings around it), when a facilitator's command, then events or a broken rule — no database.</summary>
public sealed class AreaSpecs
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

    private static readonly Specification<Area> NoStream = Specification.Given<Area>();

    /// <summary>The area as identified (<see cref="Identified"/>), then these events.</summary>
    private static Specification<Area> Given(params object[] events) => Specification.Given<Area>([Identified, .. events]);

    private static IdentifyArea.Command Identify(string?[]? issues = null, string meeting = "stocktaking-2017", DateOnly? on = null) =>
        new("gcm", new("rejecting-business-as-usual", " Rejecting business as usual ", "Views converge on leaving business as usual behind.", issues ?? ["human-rights"], meeting, on ?? December5));

    private static AffirmArea.Command Affirm(string meeting = "first-round", DateOnly? on = null) => new(Key, 2, new(meeting, on ?? new DateOnly(2018, 2, 21), null));

    private static ConfirmArea.Command Confirm(string paragraph = "15", DateOnly? on = null) => new(Key, 3, new("Zero draft", paragraph, on ?? new DateOnly(2018, 3, 1)));

    private static DissolveArea.Command Dissolve() => new(Key, 2, new(new DateOnly(2018, 3, 2), "Positions drifted apart"));

    private static NoteDivergence.Command Divergence(string?[]? issues = null, string?[]? stakeholders = null, DateOnly? on = null) =>
        new(Key, 2, new("Whether returns are part of the area", issues ?? ["returns"], stakeholders ?? ["MEX"], on ?? December5));

    [Fact]
    public void Identifying_records_the_claim_at_a_meeting_of_the_process()
    {
        NoStream.When(area => IdentifyArea.Decide(area, Gcm, Stocktaking, Identify())).Then(Identified);
    }

    [Fact]
    public void Identifying_needs_an_existing_active_process_and_a_new_key()
    {
        NoStream.When(area => IdentifyArea.Decide(area, null, Stocktaking, Identify())).ThenRefused<StreamNotFound>();
        NoStream.When(area => IdentifyArea.Decide(area, Concluded, Stocktaking, Identify())).ThenRefused<DomainRuleViolation>();
        Given().When(area => IdentifyArea.Decide(area, Gcm, Stocktaking, Identify())).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Identified_issues_exist_in_the_process_and_are_open()
    {
        var missing = NoStream.When(area => IdentifyArea.Decide(area, Gcm, Stocktaking, Identify(["human-rights", "missing"]))).ThenRefused<StreamNotFound>();
        Assert.Equal("gcm/missing", missing.Key);
        NoStream.When(area => IdentifyArea.Decide(area, Gcm, Stocktaking, Identify(["retired-issue"]))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void The_meeting_exists_in_the_process_was_not_cancelled_and_held_the_day()
    {
        NoStream.When(area => IdentifyArea.Decide(area, Gcm, null, Identify())).ThenRefused<StreamNotFound>();
        NoStream.When(area => IdentifyArea.Decide(area, Gcm, Stocktaking with { Process = "other" }, Identify())).ThenRefused<StreamNotFound>();
        NoStream.When(area => IdentifyArea.Decide(area, Gcm, Stocktaking with { Status = MeetingStatus.Cancelled }, Identify())).ThenRefused<DomainRuleViolation>();
        NoStream.When(area => IdentifyArea.Decide(area, Gcm, Stocktaking, Identify(on: new DateOnly(2017, 12, 7)))).ThenRefused<DomainRuleViolation>();
        NoStream.When(area => IdentifyArea.Decide(area, Gcm, Stocktaking, Identify(on: new DateOnly(2017, 12, 3)))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Affirming_at_a_later_meeting_moves_the_area_to_affirmed()
    {
        Given().When(area => AffirmArea.Decide(area, Gcm, FirstRound, Affirm())).Then(Affirmed);
        var affirmed = Given(Affirmed);
        Assert.Equal((AreaStatus.Affirmed, "first-round"), (affirmed.State!.Status, affirmed.State.LastMeeting));

        var second = Meeting("second-round", new DateOnly(2018, 3, 12), new DateOnly(2018, 3, 16));
        affirmed
            .When(area => AffirmArea.Decide(area, Gcm, second, new AffirmArea.Command(Key, 2, new("second-round", new DateOnly(2018, 3, 13), " Stronger still "))))
            .Then(new AreaAffirmed(Key, "second-round", new DateOnly(2018, 3, 13), "Stronger still"));
    }

    [Fact]
    public void Affirming_needs_a_meeting_after_the_one_identified_or_last_affirmed_at()
    {
        Given().When(area => AffirmArea.Decide(area, Gcm, Stocktaking, Affirm("stocktaking-2017", new DateOnly(2017, 12, 6)))).ThenRefused<DomainRuleViolation>();
        Given(Affirmed).When(area => AffirmArea.Decide(area, Gcm, FirstRound, Affirm())).ThenRefused<DomainRuleViolation>();
        var earlier = Meeting("consultation-2017", new DateOnly(2017, 11, 1), new DateOnly(2017, 11, 2));
        Given().When(area => AffirmArea.Decide(area, Gcm, earlier, Affirm("consultation-2017", new DateOnly(2017, 11, 1)))).ThenRefused<DomainRuleViolation>();
        Given().When(area => AffirmArea.Decide(area, Gcm, FirstRound, Affirm(on: new DateOnly(2018, 2, 23)))).ThenRefused<DomainRuleViolation>();
        Given().When(area => AffirmArea.Decide(area, Gcm, null, Affirm("missing"))).ThenRefused<StreamNotFound>();
        Given().When(area => AffirmArea.Decide(area, Gcm, FirstRound with { Status = MeetingStatus.Cancelled }, Affirm())).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void An_area_confirmed_in_text_is_not_affirmed_again()
    {
        var second = Meeting("second-round", new DateOnly(2018, 3, 12), new DateOnly(2018, 3, 16));
        Given(Affirmed, Confirmed).When(area => AffirmArea.Decide(area, Gcm, second, Affirm("second-round", new DateOnly(2018, 3, 13)))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Linking_takes_an_open_issue_not_yet_linked()
    {
        Given().When(area => LinkIssue.Decide(area, Gcm, new(Key, 1, new("smuggling", " Raised together ")))).Then(new IssueLinkedToArea(Key, "smuggling", "Raised together"));
        Assert.Equal(["human-rights", "smuggling"], Given(new IssueLinkedToArea(Key, "smuggling", null)).State!.Issues);
        Given().When(area => LinkIssue.Decide(area, Gcm, new(Key, 1, new("human-rights", null)))).ThenRefused<DomainRuleViolation>();
        Given().When(area => LinkIssue.Decide(area, Gcm, new(Key, 1, new("missing", null)))).ThenRefused<StreamNotFound>();
        Given().When(area => LinkIssue.Decide(area, Gcm, new(Key, 1, new("retired-issue", null)))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Unlinking_takes_a_linked_issue_and_leaves_at_least_one()
    {
        var two = Given(new IssueLinkedToArea(Key, "smuggling", null));
        two.When(area => UnlinkIssue.Decide(area, Gcm, new(Key, 2, "human-rights", new("Belongs elsewhere")))).Then(new IssueUnlinkedFromArea(Key, "human-rights", "Belongs elsewhere"));
        Assert.Equal(["smuggling"], two.State!.Apply(new IssueUnlinkedFromArea(Key, "human-rights", "x")).Issues);
        Given().When(area => UnlinkIssue.Decide(area, Gcm, new(Key, 1, "human-rights", new("x")))).ThenRefused<DomainRuleViolation>();
        two.When(area => UnlinkIssue.Decide(area, Gcm, new(Key, 2, "returns", new("x")))).ThenRefused<DomainRuleViolation>();
        two.When(area => UnlinkIssue.Decide(area, Gcm, new(Key, 2, "missing", new("x")))).ThenRefused<StreamNotFound>();
    }

    [Fact]
    public void Divergences_are_numbered_and_name_process_issues_and_registered_stakeholders()
    {
        Given()
            .When(area => NoteDivergence.Decide(area, Gcm, new HashSet<string> { "MEX" }, Divergence()))
            .Then(new DivergenceNoted(Key, "d1", "Whether returns are part of the area", ["returns"], ["MEX"], December5));
        var noted = new DivergenceNoted(Key, "d1", "x", ["returns"], [], December5);
        Assert.Equal("d2", Given(noted).When(area => NoteDivergence.Decide(area, Gcm, new HashSet<string>(), Divergence(stakeholders: []))).ThenOne<DivergenceNoted>().Divergence);
        Given().When(area => NoteDivergence.Decide(area, Gcm, new HashSet<string>(), Divergence())).ThenRefused<StreamNotFound>();
        Given().When(area => NoteDivergence.Decide(area, Gcm, new HashSet<string> { "MEX" }, Divergence(["missing"]))).ThenRefused<StreamNotFound>();
        Given().When(area => NoteDivergence.Decide(area, Gcm, new HashSet<string> { "MEX" }, Divergence(on: new DateOnly(2017, 12, 4)))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Confirmation_in_a_draft_text_requires_prior_affirmation()
    {
        Given().When(area => ConfirmArea.Decide(area, Gcm, Confirm())).ThenRefused<DomainRuleViolation>();
        Given(Affirmed).When(area => ConfirmArea.Decide(area, Gcm, Confirm())).Then(Confirmed);
        Assert.Equal(AreaStatus.ConfirmedInText, Given(Affirmed, Confirmed).State!.Status);
    }

    [Fact]
    public void Later_drafts_confirm_again_but_a_paragraph_is_recorded_once_and_not_before_the_last_affirmation()
    {
        Given(Affirmed, Confirmed).When(area => ConfirmArea.Decide(area, Gcm, Confirm("16"))).Then(new AreaConfirmedInText(Key, "Zero draft", "16", new DateOnly(2018, 3, 1)));
        Given(Affirmed, Confirmed).When(area => ConfirmArea.Decide(area, Gcm, Confirm())).ThenRefused<DomainRuleViolation>();
        Given(Affirmed).When(area => ConfirmArea.Decide(area, Gcm, Confirm(on: February2018))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Dissolving_ends_the_area_and_it_accepts_nothing_more()
    {
        Given(Affirmed).When(area => DissolveArea.Decide(area, Gcm, Dissolve())).Then(Dissolved);
        Given().When(area => DissolveArea.Decide(area, Gcm, new(Key, 1, new(new DateOnly(2017, 12, 4), "too early")))).ThenRefused<DomainRuleViolation>();

        var dissolved = Given(Affirmed, Dissolved);
        Assert.Equal(AreaStatus.Dissolved, dissolved.State!.Status);
        var second = Meeting("second-round", new DateOnly(2018, 3, 12), new DateOnly(2018, 3, 16));
        dissolved.When(area => AffirmArea.Decide(area, Gcm, second, Affirm("second-round", new DateOnly(2018, 3, 13)))).ThenRefused<DomainRuleViolation>();
        dissolved.When(area => LinkIssue.Decide(area, Gcm, new(Key, 4, new("smuggling", null)))).ThenRefused<DomainRuleViolation>();
        dissolved.When(area => NoteDivergence.Decide(area, Gcm, new HashSet<string> { "MEX" }, Divergence())).ThenRefused<DomainRuleViolation>();
        dissolved.When(area => ConfirmArea.Decide(area, Gcm, Confirm())).ThenRefused<DomainRuleViolation>();
        dissolved.When(area => DissolveArea.Decide(area, Gcm, Dissolve())).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Nothing_changes_after_the_process_concluded()
    {
        var affirmed = Given(Affirmed);
        var second = Meeting("second-round", new DateOnly(2018, 3, 12), new DateOnly(2018, 3, 16));
        affirmed.When(area => AffirmArea.Decide(area, Concluded, second, Affirm("second-round", new DateOnly(2018, 3, 13)))).ThenRefused<DomainRuleViolation>();
        affirmed.When(area => LinkIssue.Decide(area, Concluded, new(Key, 2, new("smuggling", null)))).ThenRefused<DomainRuleViolation>();
        Given(Affirmed, new IssueLinkedToArea(Key, "smuggling", null)).When(area => UnlinkIssue.Decide(area, Concluded, new(Key, 3, "smuggling", new("x")))).ThenRefused<DomainRuleViolation>();
        affirmed.When(area => NoteDivergence.Decide(area, Concluded, new HashSet<string> { "MEX" }, Divergence())).ThenRefused<DomainRuleViolation>();
        affirmed.When(area => ConfirmArea.Decide(area, Concluded, Confirm())).ThenRefused<DomainRuleViolation>();
        affirmed.When(area => DissolveArea.Decide(area, Concluded, Dissolve())).ThenRefused<DomainRuleViolation>();
    }
}
