using Consultation.Domain;
using Consultation.Meetings;
using Consultation.Meetings.Findings;
using Consultation.Meetings.Recommendations;
using Consultation.Meetings.Registering;
using Consultation.Meetings.Statements;
using Consultation.Stakeholders;
using Microsoft.Extensions.Configuration;
using static Consultation.Tests.Meetings.Specifications.MeetingFacts;

namespace Consultation.Tests.Meetings.Specifications;

/// <summary>Participants, statements, findings and recommendations: while open, late within the grace period, refused after it.</summary>
public sealed class RecordingSpecs
{
    private static readonly StakeholderDetails Mexico = Stakeholder("MEX", StakeholderKind.MemberState);
    private static readonly StakeholderDetails AfricanGroup = Stakeholder("african-group", StakeholderKind.GroupOrBloc);
    private static readonly StakeholderDetails EuropeanUnion = Stakeholder("eu", StakeholderKind.IntergovernmentalOrganization);

    private static Specification<Meeting> OpenWithMexico(params object[] more) => Given([Scheduled, Opened, Participant("MEX"), .. more]);

    private static RecordStatement.Command Statement(
        string speaker = "MEX",
        string? onBehalfOf = null,
        string[]? issues = null,
        DateOnly? saidOn = null) =>
        new(Key, 3, new(speaker, onBehalfOf, issues ?? ["regular-pathways"], " Supports a compact grounded in human rights. ", "es", " A/CONF.231/PM.1 ", saidOn));

    private static StatementRecorded Recorded(string id, bool late, DateOnly saidOn) =>
        new(Key, id, "gcm", "MEX", null, ["regular-pathways"], "Supports a compact grounded in human rights.", "es", "A/CONF.231/PM.1", saidOn, late);

    // Participants

    [Fact]
    public void Registering_a_participant_records_its_role_and_head_of_delegation()
    {
        Given(Scheduled).When(meeting => RegisterParticipant.Decide(meeting, Mexico, new(Key, 1, new("MEX", " Juan José Gómez Camacho ", "speaker")), During))
            .Then(new ParticipantRegistered(Key, "MEX", "Juan José Gómez Camacho", ParticipantRole.Speaker, false));
    }

    [Fact]
    public void A_stakeholder_registers_once_per_meeting()
    {
        var error = OpenWithMexico().When(meeting => RegisterParticipant.Decide(meeting, Mexico, new(Key, 3, new("MEX", null, "Observer")), During)).ThenRefused<DomainRuleViolation>();

        Assert.Contains("registers once per meeting", error.Message);
    }

    [Fact]
    public void Registering_an_unknown_stakeholder_is_not_found()
    {
        var error = Given(Scheduled).When(meeting => RegisterParticipant.Decide(meeting, null, new(Key, 1, new("XXX", null, "Observer")), During)).ThenRefused<StreamNotFound>();

        Assert.Equal(("Stakeholder", "XXX"), (error.What, error.Key));
    }

    [Fact]
    public void Participants_register_late_within_the_grace_period_and_not_after_it()
    {
        var closed = Given(Scheduled, Opened, Closed);
        var command = new RegisterParticipant.Command(Key, 3, new("MEX", null, "Speaker"));

        Assert.True(closed.When(meeting => RegisterParticipant.Decide(meeting, Mexico, command, At(ClosedAt.AddDays(2)))).ThenOne<ParticipantRegistered>().Late);
        closed.When(meeting => RegisterParticipant.Decide(meeting, Mexico, command, At(ClosedAt.AddDays(15)))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Nobody_registers_for_a_cancelled_meeting()
    {
        Given(Scheduled, Cancelled).When(meeting => RegisterParticipant.Decide(meeting, Mexico, new(Key, 2, new("MEX", null, "Speaker")), During)).ThenRefused<DomainRuleViolation>();
    }

    // Statements

    [Fact]
    public void A_statement_by_a_participant_while_the_meeting_is_open_is_numbered_and_dated_today()
    {
        OpenWithMexico().When(meeting => RecordStatement.Decide(meeting, Process(), null, Statement(), During))
            .Then(Recorded("s1", late: false, saidOn: new(2017, 12, 5)));
    }

    [Fact]
    public void Statements_are_numbered_in_the_order_recorded()
    {
        var recorded = OpenWithMexico(Recorded("s1", false, StartsOn), Recorded("s2", false, StartsOn)).When(meeting => RecordStatement.Decide(meeting, Process(), null, Statement(), During)).ThenOne<StatementRecorded>();

        Assert.Equal("s3", recorded.Statement);
    }

    [Fact]
    public void A_statement_may_address_no_particular_issue()
    {
        var recorded = OpenWithMexico().When(meeting => RecordStatement.Decide(meeting, Process(), null, Statement(issues: []), During)).ThenOne<StatementRecorded>();

        Assert.Empty(recorded.Issues);
    }

    [Fact]
    public void The_speaker_must_be_a_registered_participant()
    {
        var error = OpenWithMexico().When(meeting => RecordStatement.Decide(meeting, Process(), null, Statement(speaker: "ECU"), During)).ThenRefused<DomainRuleViolation>();

        Assert.Contains("'ECU' is not a registered participant", error.Message);
    }

    [Fact]
    public void A_statement_on_behalf_of_a_group_or_bloc_or_an_intergovernmental_organization_names_it()
    {
        var member = Mexico with { Groups = [new GroupMembershipPeriod("african-group", new(2017, 1, 1), null), new GroupMembershipPeriod("eu", new(2017, 1, 1), null)] };
        var forGroup = OpenWithMexico().When(meeting => RecordStatement.Decide(meeting, Process(), AfricanGroup, Statement(onBehalfOf: "african-group"), During, member)).ThenOne<StatementRecorded>();
        var forUnion = OpenWithMexico().When(meeting => RecordStatement.Decide(meeting, Process(), EuropeanUnion, Statement(onBehalfOf: "eu"), During, member)).ThenOne<StatementRecorded>();

        Assert.Equal("african-group", forGroup.OnBehalfOf);
        Assert.Equal("eu", forUnion.OnBehalfOf);
    }

    [Fact]
    public void A_speaker_speaks_for_a_group_only_while_a_member_on_the_day_said()
    {
        var leftBefore = Mexico with { Groups = [new GroupMembershipPeriod("african-group", new(2017, 1, 1), new(2017, 12, 4))] };

        var error = OpenWithMexico().When(meeting => RecordStatement.Decide(meeting, Process(), AfricanGroup, Statement(onBehalfOf: "african-group", saidOn: new(2017, 12, 4)), During, leftBefore)).ThenRefused<DomainRuleViolation>();

        Assert.Contains("'MEX' was not a member of 'african-group' on 2017-12-04", error.Message);
    }

    [Fact]
    public void Nobody_speaks_on_behalf_of_a_State()
    {
        var error = OpenWithMexico().When(meeting => RecordStatement.Decide(meeting, Process(), Stakeholder("ECU", StakeholderKind.MemberState), Statement(onBehalfOf: "ECU"), During)).ThenRefused<DomainRuleViolation>();

        Assert.Contains("'ECU' is a MemberState", error.Message);
    }

    [Fact]
    public void Speaking_on_behalf_of_an_unknown_group_is_not_found()
    {
        var error = OpenWithMexico().When(meeting => RecordStatement.Decide(meeting, Process(), null, Statement(onBehalfOf: "g77"), During)).ThenRefused<StreamNotFound>();

        Assert.Equal(("Stakeholder", "g77"), (error.What, error.Key));
    }

    [Fact]
    public void Statements_address_existing_issues_of_the_process()
    {
        var error = OpenWithMexico().When(meeting => RecordStatement.Decide(meeting, Process(), null, Statement(issues: ["drivers", "climate"]), During)).ThenRefused<StreamNotFound>();

        Assert.Equal(("Issue", "gcm/climate"), (error.What, error.Key));
    }

    [Fact]
    public void Statements_do_not_address_retired_issues()
    {
        var error = OpenWithMexico().When(meeting => RecordStatement.Decide(meeting, Process(), null, Statement(issues: ["old-wording"]), During)).ThenRefused<DomainRuleViolation>();

        Assert.Contains("'gcm/old-wording' is retired", error.Message);
    }

    [Fact]
    public void No_statements_before_the_meeting_opens()
    {
        var scheduled = Given(Scheduled, Participant("MEX"));

        var error = scheduled.When(meeting => RecordStatement.Decide(meeting, Process(), null, Statement(), During)).ThenRefused<DomainRuleViolation>();

        Assert.Contains("has not opened yet", error.Message);
    }

    [Fact]
    public void No_statements_on_a_cancelled_meeting()
    {
        var cancelled = Given(Scheduled, Participant("MEX"), Cancelled);

        var error = cancelled.When(meeting => RecordStatement.Decide(meeting, Process(), null, Statement(), During)).ThenRefused<DomainRuleViolation>();

        Assert.Contains("cancelled", error.Message);
    }

    [Fact]
    public void After_closing_a_statement_is_a_late_entry_until_the_grace_period_ends()
    {
        var closed = OpenWithMexico(Closed);

        var justAfter = closed.When(meeting => RecordStatement.Decide(meeting, Process(), null, Statement(saidOn: EndsOn), At(ClosedAt.AddMinutes(5)))).ThenOne<StatementRecorded>();
        var lastMoment = closed.When(meeting => RecordStatement.Decide(meeting, Process(), null, Statement(saidOn: EndsOn), At(ClosedAt + Grace))).ThenOne<StatementRecorded>();

        Assert.True(justAfter.Late);
        Assert.True(lastMoment.Late);
    }

    [Fact]
    public void After_the_grace_period_statements_are_refused()
    {
        var closed = OpenWithMexico(Closed);

        var error = closed.When(meeting => RecordStatement.Decide(meeting, Process(), null, Statement(saidOn: EndsOn), At(ClosedAt + Grace + TimeSpan.FromSeconds(1)))).ThenRefused<DomainRuleViolation>();

        Assert.Contains("late statements were accepted until 2017-12-20 18:00 UTC", error.Message);
    }

    [Fact]
    public void Without_a_grace_period_nothing_is_recorded_after_closing()
    {
        var closed = OpenWithMexico(Closed);

        closed.When(meeting => RecordStatement.Decide(meeting, Process(), null, Statement(saidOn: EndsOn), new RecordingWindow(ClosedAt.AddMinutes(1), TimeSpan.Zero))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void A_statement_is_said_within_the_meetings_dates()
    {
        var given = OpenWithMexico().When(meeting => RecordStatement.Decide(meeting, Process(), null, Statement(saidOn: StartsOn), During)).ThenOne<StatementRecorded>();
        var error = OpenWithMexico().When(meeting => RecordStatement.Decide(meeting, Process(), null, Statement(saidOn: new(2017, 12, 7)), During)).ThenRefused<DomainRuleViolation>();

        Assert.Equal(StartsOn, given.SaidOn);
        Assert.Contains("cannot be said on 2017-12-07", error.Message);
    }

    [Fact]
    public void Recorded_after_a_meeting_of_several_days_a_statement_needs_its_day()
    {
        var closed = OpenWithMexico(Closed);

        var error = closed.When(meeting => RecordStatement.Decide(meeting, Process(), null, Statement(), At(ClosedAt.AddDays(1)))).ThenRefused<DomainRuleViolation>();

        Assert.Contains("give 'saidOn'", error.Message);
    }

    [Fact]
    public void Recorded_after_a_one_day_meeting_a_statement_is_dated_that_day()
    {
        var oneDay = Scheduled with { EndsOn = StartsOn };
        var closed = Given(oneDay, Opened, Participant("MEX"), Closed);

        var recorded = closed.When(meeting => RecordStatement.Decide(meeting, Process(), null, Statement(), At(ClosedAt.AddDays(1)))).ThenOne<StatementRecorded>();

        Assert.Equal(StartsOn, recorded.SaidOn);
    }

    // Findings and recommendations

    [Fact]
    public void A_figure_is_recorded_with_its_value_unit_and_source()
    {
        var command = new RecordFinding.Command(Key, 3, new("figure", " International migrants worldwide in 2017 ", 258_000_000m, " people ", " UN DESA, International Migration Report 2017 ", null, null));

        OpenWithMexico()
            .When(meeting => RecordFinding.Decide(meeting, null, command, During))
            .Then(new FigureRecorded(Key, "f1", "International migrants worldwide in 2017", 258_000_000m, "people", "UN DESA, International Migration Report 2017", false));
    }

    [Fact]
    public void A_practice_is_recorded_with_the_stakeholder_that_presented_it()
    {
        var command = new RecordFinding.Command(Key, 3, new("Practice", "Regional visitor cards for border workers", null, null, null, "MEX", null));

        OpenWithMexico()
            .When(meeting => RecordFinding.Decide(meeting, Mexico, command, During))
            .Then(new PracticeRecorded(Key, "f1", "Regional visitor cards for border workers", "MEX", false));
    }

    [Fact]
    public void A_practice_presented_by_an_unknown_stakeholder_is_not_found()
    {
        var command = new RecordFinding.Command(Key, 3, new("Practice", "A scheme", null, null, null, "XXX", null));

        OpenWithMexico().When(meeting => RecordFinding.Decide(meeting, null, command, During)).ThenRefused<StreamNotFound>();
    }

    [Fact]
    public void A_perspective_is_recorded_with_whose_it_is_and_findings_are_numbered()
    {
        var command = new RecordFinding.Command(Key, 4, new("Perspective", "Search and rescue at sea", null, null, null, null, " First responders "));

        OpenWithMexico(new FigureRecorded(Key, "f1", "x", 1, "people", "source", false))
            .When(meeting => RecordFinding.Decide(meeting, null, command, During))
            .Then(new PerspectiveRecorded(Key, "f2", "Search and rescue at sea", "First responders", false));
    }

    [Fact]
    public void Findings_follow_the_same_open_and_grace_rules()
    {
        var command = new RecordFinding.Command(Key, 3, new("Perspective", "Search and rescue at sea", null, null, null, null, "First responders"));

        Given(Scheduled).When(meeting => RecordFinding.Decide(meeting, null, command, During)).ThenRefused<DomainRuleViolation>();
        Assert.True(OpenWithMexico(Closed).When(meeting => RecordFinding.Decide(meeting, null, command, At(ClosedAt.AddDays(1)))).ThenOne<PerspectiveRecorded>().Late);
        OpenWithMexico(Closed).When(meeting => RecordFinding.Decide(meeting, null, command, At(ClosedAt.AddDays(20)))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void A_recommendation_is_recorded_with_where_it_came_from()
    {
        OpenWithMexico().When(meeting => RecordRecommendation.Decide(meeting, new(Key, 3, new(" Expand regular pathways for labour mobility ", " Idea lab on regular pathways ")), During))
            .Then(new RecommendationRecorded(Key, "r1", "Expand regular pathways for labour mobility", "Idea lab on regular pathways", false));
    }

    [Fact]
    public void Recommendations_follow_the_same_open_and_grace_rules()
    {
        var command = new RecordRecommendation.Command(Key, 3, new("text", "Idea lab"));

        Given(Scheduled, Cancelled).When(meeting => RecordRecommendation.Decide(meeting, command, During)).ThenRefused<DomainRuleViolation>();
        Assert.True(OpenWithMexico(Closed).When(meeting => RecordRecommendation.Decide(meeting, command, At(ClosedAt.AddDays(14)))).ThenOne<RecommendationRecorded>().Late);
        OpenWithMexico(Closed).When(meeting => RecordRecommendation.Decide(meeting, command, At(ClosedAt.AddDays(14.5)))).ThenRefused<DomainRuleViolation>();
    }

    // The grace period setting

    [Theory]
    [InlineData(null, 14)]
    [InlineData("", 14)]
    [InlineData("0", 0)]
    [InlineData("30", 30)]
    public void The_grace_period_is_configured_in_days(string? setting, int days)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [RecordingWindow.GraceDaysSetting] = setting }).Build();

        Assert.Equal(TimeSpan.FromDays(days), RecordingWindow.GraceFrom(configuration));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("two weeks")]
    public void A_grace_period_that_is_not_a_whole_number_of_days_is_a_configuration_error(string setting)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [RecordingWindow.GraceDaysSetting] = setting }).Build();

        Assert.Contains(RecordingWindow.GraceDaysSetting, Assert.Throws<InvalidOperationException>(() => RecordingWindow.GraceFrom(configuration)).Message);
    }
}
