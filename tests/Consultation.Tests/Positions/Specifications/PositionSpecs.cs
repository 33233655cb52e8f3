using Consultation.Domain;
using Consultation.Positions;
using Consultation.Positions.Correcting;
using Consultation.Positions.Revising;
using Consultation.Positions.Stating;
using Consultation.Positions.Withdrawing;
using Consultation.Processes;
using Consultation.Stakeholders;

namespace Consultation.Tests.Positions.Specifications;

/// <summary>Given a position's events and the facts around it, when a command, then an event or a broken rule.</summary>
public sealed class PositionSpecs
{
    private static readonly DateOnly Dec4 = new(2017, 12, 4);
    private static readonly DateOnly Dec5 = new(2017, 12, 5);
    private static readonly DateOnly Dec6 = new(2017, 12, 6);

    private static ProcessDetails Gcm(IssueStatus status = IssueStatus.Open, ProcessStatus processStatus = ProcessStatus.Active) => new()
    {
        Id = "gcm",
        Title = "Global Compact for Migration",
        MandateReference = "A/RES/71/280",
        StartsOn = new DateOnly(2017, 4, 1),
        Status = processStatus,
        Issues = [new IssueDetails("sovereignty", "National sovereignty", "Sovereign right to determine migration policy", null, null, status, null, default, default)],
    };

    private static StakeholderDetails Stakeholder(string key, StakeholderKind kind) => new() { Id = key, Kind = kind, Name = key };

    private static readonly SourceMeeting Stocktaking =
        new("gcm/stocktaking-2017", "gcm", Dec4, Dec6, false, new HashSet<string> { "s1" }) { Participants = new HashSet<string> { "MEX" } };

    private static StakeholderDetails Accredited(StakeholderDetails stakeholder, DateOnly from, DateOnly? until = null) =>
        stakeholder with { Accreditations = [new ProcessAccreditation("gcm", from, until)] };

    private static PositionFacts Facts(
        ProcessDetails? process = null,
        StakeholderDetails? owner = null,
        StakeholderDetails? speaker = null,
        SourceMeeting? meeting = null) =>
        new(ProcessFacts.From(process ?? Gcm()), owner ?? Stakeholder("MEX", StakeholderKind.MemberState), speaker, meeting ?? Stocktaking);

    private static StatePosition.Command State(int stance = 1, DateOnly? on = null, string? onBehalfOf = null, string? statement = null) =>
        StateBody(stance, on, onBehalfOf, statement).For("gcm", "sovereignty");

    private static StatePosition.Request StateBody(int stance = 1, DateOnly? on = null, string? onBehalfOf = null, string? statement = null) => new()
    {
        Stakeholder = "MEX", OnBehalfOf = onBehalfOf, Stance = stance, Summary = " Supports, stressing sovereignty ", Meeting = "stocktaking-2017", Statement = statement, StatedOn = on ?? Dec5,
    };

    private static readonly PositionContent Supports = new(1, null, "Supports, stressing sovereignty", null, new PositionSource("stocktaking-2017", null, null), Dec5);

    private static readonly PositionStated Stated = new("gcm/sovereignty/MEX", "gcm", "sovereignty", "MEX", null, Supports);

    private static readonly Specification<Position> NoStream = Specification.Given<Position>();

    /// <summary>The position as stated (<see cref="Stated"/>), then these events.</summary>
    private static Specification<Position> Given(params object[] events) => Specification.Given<Position>([Stated, .. events]);

    private static RevisePosition.Command Revise(int stance, DateOnly on, string reason = "Shifted after consultations") =>
        new("gcm/sovereignty/MEX", 1, new PositionChange { Stance = stance, Summary = "Now has reservations", Meeting = "stocktaking-2017", StatedOn = on, Reason = reason });

    private static CorrectPosition.Command Correct(int stance, DateOnly on) =>
        new("gcm/sovereignty/MEX", 1, new PositionCorrection
        {
            Stance = stance, Summary = "Supports, stressing sovereignty", Meeting = "stocktaking-2017", StatedOn = on, Reason = "Wrong stance entered",
        });

    private static WithdrawPosition.Command Withdraw(DateOnly on) => new("gcm/sovereignty/MEX", 1, new WithdrawPosition.Request("stocktaking-2017", null, null, on, "Withdrew pending instructions"));

    [Fact]
    public void Stating_records_the_content_as_the_stakeholders_position()
    {
        NoStream.When(p => StatePosition.Decide(p, State(), Facts())).Then(Stated);
    }

    [Fact]
    public void A_position_spoken_for_a_group_is_the_groups_and_names_the_speaker()
    {
        var stated = NoStream.When(p => StatePosition.Decide(p, State(onBehalfOf: "african-group"),
            Facts(owner: Accredited(Stakeholder("african-group", StakeholderKind.GroupOrBloc), Dec4), speaker: Stakeholder("MEX", StakeholderKind.MemberState)))).ThenOne<PositionStated>();

        Assert.Equal("gcm/sovereignty/african-group", stated.Key);
        Assert.Equal("african-group", stated.Stakeholder);
        Assert.Equal("MEX", stated.SpokenBy);
    }

    [Fact]
    public void States_take_part_in_their_own_right_and_others_only_while_accredited_on_the_stated_on_date()
    {
        var ngo = Stakeholder("MEX", StakeholderKind.CivilSociety);
        NoStream.When(p => StatePosition.Decide(p, State(), Facts(owner: Stakeholder("MEX", StakeholderKind.ObserverState)))).Then(Stated);
        NoStream.When(p => StatePosition.Decide(p, State(), Facts(owner: Accredited(ngo, Dec5, Dec6)))).Then(Stated);

        var never = NoStream.When(p => StatePosition.Decide(p, State(), Facts(owner: ngo))).ThenRefused<DomainRuleViolation>();
        var notYet = NoStream.When(p => StatePosition.Decide(p, State(), Facts(owner: Accredited(ngo, Dec6)))).ThenRefused<DomainRuleViolation>();
        var ended = NoStream.When(p => StatePosition.Decide(p, State(), Facts(owner: Accredited(ngo, Dec4, Dec5)))).ThenRefused<DomainRuleViolation>();

        Assert.Equal("'MEX' (CivilSociety) was not entitled to take part in process 'gcm' on 2017-12-05: it has never been accredited to it. "
            + "States take part in their own right; other stakeholders only while accredited to the process.", never.Message);
        Assert.Contains("its accreditation runs from 2017-12-06", notYet.Message);
        Assert.Contains("its accreditation ran from 2017-12-04 until 2017-12-05", ended.Message);
    }

    [Fact]
    public void A_revision_or_correction_is_checked_for_entitlement_when_its_date_changes()
    {
        var facts = Facts(owner: Accredited(Stakeholder("MEX", StakeholderKind.CivilSociety), Dec4, Dec6));
        var lapsed = Facts(owner: Accredited(Stakeholder("MEX", StakeholderKind.CivilSociety), Dec4, Dec5));

        Assert.Equal(-1, Given().When(p => RevisePosition.Decide(p, Revise(-1, Dec5), facts)).ThenOne<PositionRevised>().Content.Stance);
        Given().When(p => RevisePosition.Decide(p, Revise(-1, Dec6), facts)).ThenRefused<DomainRuleViolation>("not entitled");
        Given().When(p => CorrectPosition.Decide(p, Correct(1, Dec6), lapsed)).ThenRefused<DomainRuleViolation>("not entitled");
        Assert.Equal(2, Given().When(p => CorrectPosition.Decide(p, Correct(2, Dec5), lapsed)).ThenOne<PositionCorrected>().Content.Stance);
    }

    [Fact]
    public void A_position_cites_a_meeting_its_stakeholder_or_its_speaker_attended()
    {
        var group = Accredited(Stakeholder("african-group", StakeholderKind.GroupOrBloc), Dec4);
        var absent = Stocktaking with { Participants = new HashSet<string> { "ECU" } };

        var alone = NoStream.When(p => StatePosition.Decide(p, State(), Facts(meeting: absent))).ThenRefused<DomainRuleViolation>();
        var forGroup = NoStream.When(p => StatePosition.Decide(p, State(onBehalfOf: "african-group"), Facts(owner: group, speaker: Stakeholder("MEX", StakeholderKind.MemberState), meeting: absent))).ThenRefused<DomainRuleViolation>();
        var groupThere = NoStream.When(p => StatePosition.Decide(p, State(onBehalfOf: "african-group"),
            Facts(owner: group, speaker: Stakeholder("MEX", StakeholderKind.MemberState), meeting: absent with { Participants = new HashSet<string> { "african-group" } }))).ThenOne<PositionStated>();

        Assert.Equal(
            "'MEX' is not a registered participant of meeting 'gcm/stocktaking-2017'; a position cited to a meeting was expressed there: register who attended before citing it.",
            alone.Message);
        Assert.Contains("Neither 'MEX' nor 'african-group', for whom it spoke, is a registered participant", forGroup.Message);
        Assert.Equal("african-group", groupThere.Stakeholder);
    }

    [Fact]
    public void A_revision_or_correction_citing_another_meeting_needs_the_stakeholder_there()
    {
        var elsewhere = new SourceMeeting("gcm/geneva-2017", "gcm", Dec4, Dec6, false, new HashSet<string>()) { Participants = new HashSet<string> { "ECU" } };
        var revise = Revise(-1, Dec6) with { Request = Revise(-1, Dec6).Request with { Meeting = "geneva-2017" } };
        var correct = Correct(2, Dec5) with { Request = Correct(2, Dec5).Request with { Meeting = "geneva-2017" } };

        Given().When(p => RevisePosition.Decide(p, revise, Facts(meeting: elsewhere))).ThenRefused<DomainRuleViolation>();
        Given().When(p => CorrectPosition.Decide(p, correct, Facts(meeting: elsewhere))).ThenRefused<DomainRuleViolation>();
        Assert.Equal(-1, Given().When(p => RevisePosition.Decide(p, Revise(-1, Dec6), Facts(meeting: Stocktaking with { Participants = new HashSet<string>() }))).ThenOne<PositionRevised>().Content.Stance);
    }

    [Fact]
    public void Only_groups_can_be_spoken_for()
    {
        NoStream.When(p => StatePosition.Decide(p, State(onBehalfOf: "ECU"), Facts(owner: Stakeholder("ECU", StakeholderKind.MemberState), speaker: Stakeholder("MEX", StakeholderKind.MemberState)))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Positions_need_an_open_issue_of_an_active_process()
    {
        NoStream.When(p => StatePosition.Decide(p, State(), Facts(process: Gcm(IssueStatus.Retired)))).ThenRefused<DomainRuleViolation>();
        NoStream.When(p => StatePosition.Decide(p, State(), Facts(process: Gcm(processStatus: ProcessStatus.Concluded)))).ThenRefused<DomainRuleViolation>();
        NoStream.When(p => StatePosition.Decide(p, State() with { Issue = "missing" }, Facts())).ThenRefused<StreamNotFound>();
        NoStream.When(p => StatePosition.Decide(p, State(), new PositionFacts(null, Stakeholder("MEX", StakeholderKind.MemberState), null, Stocktaking))).ThenRefused<StreamNotFound>();
    }

    [Fact]
    public void The_stakeholder_and_meeting_must_exist()
    {
        NoStream.When(p => StatePosition.Decide(p, State(), new PositionFacts(ProcessFacts.From(Gcm()), null, null, Stocktaking))).ThenRefused<StreamNotFound>();
        NoStream.When(p => StatePosition.Decide(p, State(), new PositionFacts(ProcessFacts.From(Gcm()), Stakeholder("MEX", StakeholderKind.MemberState), null, null))).ThenRefused<StreamNotFound>();
        NoStream.When(p => StatePosition.Decide(p, State(statement: "s99"), Facts())).ThenRefused<StreamNotFound>();
        Assert.Equal("s1", NoStream.When(p => StatePosition.Decide(p, State(statement: "s1"), Facts())).ThenOne<PositionStated>().Content.Source.Statement);
    }

    [Theory]
    [InlineData(2017, 12, 3)]
    [InlineData(2017, 12, 7)]
    public void The_stated_on_date_falls_within_the_source_meeting(int year, int month, int day)
    {
        NoStream.When(p => StatePosition.Decide(p, State(on: new DateOnly(year, month, day)), Facts())).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void The_source_meeting_belongs_to_the_process_and_took_place()
    {
        NoStream.When(p => StatePosition.Decide(p, State(), Facts(meeting: Stocktaking with { Process = "other" }))).ThenRefused<DomainRuleViolation>();
        NoStream.When(p => StatePosition.Decide(p, State(), Facts(meeting: Stocktaking with { Cancelled = true }))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void A_standing_position_is_revised_or_corrected_not_stated_again()
    {
        Given().When(p => StatePosition.Decide(p, State(), Facts())).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void A_withdrawn_position_can_be_stated_again_but_not_before_the_withdrawal()
    {
        var withdrawn = Given(new PositionWithdrawn("gcm/sovereignty/MEX", new PositionSource("stocktaking-2017", null, null), Dec5, "x"));

        Assert.Equal(Dec6, withdrawn.When(p => StatePosition.Decide(p, State(on: Dec6), Facts())).ThenOne<PositionStated>().Content.StatedOn);
        withdrawn.When(p => StatePosition.Decide(p, State(on: Dec4), Facts())).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Revising_is_a_later_shift_with_a_reason()
    {
        var revised = Given().When(p => RevisePosition.Decide(p, Revise(-1, Dec6), Facts())).ThenOne<PositionRevised>();

        Assert.Equal(-1, revised.Content.Stance);
        Assert.Equal("Shifted after consultations", revised.Reason);
        Given().When(p => RevisePosition.Decide(p, Revise(-1, Dec4), Facts())).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void A_revision_that_changes_nothing_is_refused()
    {
        var same = new RevisePosition.Command("gcm/sovereignty/MEX", 1, new PositionChange
        {
            Stance = 1, Summary = "Supports, stressing sovereignty", Meeting = "stocktaking-2017", StatedOn = Dec6, Reason = "no change",
        });

        Given().When(p => RevisePosition.Decide(p, same, Facts())).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Correcting_fixes_the_record_even_to_an_earlier_date()
    {
        var corrected = Given().When(p => CorrectPosition.Decide(p, Correct(2, Dec4), Facts())).ThenOne<PositionCorrected>();

        Assert.Equal(2, corrected.Content.Stance);
        Assert.Equal(Dec4, corrected.Content.StatedOn);
        Given().When(p => CorrectPosition.Decide(p, Correct(1, Dec5), Facts())).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Corrections_are_allowed_on_retired_issues_but_not_after_conclusion()
    {
        Assert.Equal(2, Given().When(p => CorrectPosition.Decide(p, Correct(2, Dec5), Facts(process: Gcm(IssueStatus.Retired)))).ThenOne<PositionCorrected>().Content.Stance);
        Given().When(p => CorrectPosition.Decide(p, Correct(2, Dec5), Facts(process: Gcm(processStatus: ProcessStatus.Concluded)))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Withdrawing_needs_a_date_within_the_meeting_and_after_stating()
    {
        Assert.Equal(Dec6, Given().When(p => WithdrawPosition.Decide(p, Withdraw(Dec6), Facts())).ThenOne<PositionWithdrawn>().WithdrawnOn);
        Given().When(p => WithdrawPosition.Decide(p, Withdraw(Dec4), Facts())).ThenRefused<DomainRuleViolation>();
        Given().When(p => WithdrawPosition.Decide(p, Withdraw(new DateOnly(2018, 1, 1)), Facts())).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void A_withdrawn_position_cannot_be_revised_corrected_or_withdrawn_again()
    {
        var withdrawn = Given(new PositionWithdrawn("gcm/sovereignty/MEX", new PositionSource("stocktaking-2017", null, null), Dec5, "x"));

        withdrawn.When(p => RevisePosition.Decide(p, Revise(-1, Dec6), Facts())).ThenRefused<DomainRuleViolation>();
        withdrawn.When(p => CorrectPosition.Decide(p, Correct(2, Dec5), Facts())).ThenRefused<DomainRuleViolation>();
        withdrawn.When(p => WithdrawPosition.Decide(p, Withdraw(Dec6), Facts())).ThenRefused<DomainRuleViolation>();
    }

    [Theory]
    [InlineData(-3)]
    [InlineData(3)]
    public void Stances_run_from_minus_two_to_plus_two(int stance)
    {
        var result = new StatePosition.Validator().Validate(StateBody(stance));

        Assert.Contains(result.Errors, e => e.PropertyName == "Stance");
    }

    [Fact]
    public void A_quote_needs_its_language()
    {
        var result = new StatePosition.Validator().Validate(StateBody() with { Quote = "Apoyamos", QuoteLanguage = null });

        Assert.Contains(result.Errors, e => e.PropertyName == "QuoteLanguage");
    }
}
