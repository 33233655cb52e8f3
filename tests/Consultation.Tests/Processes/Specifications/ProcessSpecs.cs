using Consultation.Domain;
using Consultation.Processes;
using Consultation.Processes.CoFacilitators;
using Consultation.Processes.Concluding;
using Consultation.Processes.Issues;
using Consultation.Processes.Launching;
using Consultation.Processes.Leadership;
using Consultation.Processes.Phases;

namespace Consultation.Tests.Processes.Specifications;

/// <summary>Given a process's events, when a command, then events or a broken rule — no database.</summary>
public sealed class ProcessSpecs
{
    private static readonly DateOnly April2017 = new(2017, 4, 1);

    private static readonly ProcessLaunched Launched = new("gcm", "Global Compact for Migration", "A/RES/71/280", April2017, new DateOnly(2018, 12, 31));

    private static readonly Specification<Process> NoStream = Specification.Given<Process>();

    /// <summary>The process as launched (<see cref="Launched"/>), then these events.</summary>
    private static Specification<Process> Given(params object[] events) => Specification.Given<Process>([Launched, .. events]);

    private static readonly PhaseStarted ConsultationStarted = new("gcm", "consultation", "Consultation", April2017);
    private static readonly PhaseEnded ConsultationEnded = new("gcm", "consultation", new DateOnly(2017, 11, 30));
    private static readonly IssueTabled HumanRights = new("gcm", "human-rights", "Human rights of all migrants", "Cluster one", "thematic-1", null);

    private static StartPhase.Command Start(string phase, DateOnly on) => new("gcm", 1, new(phase, phase, on));

    [Fact]
    public void Launching_a_new_key_records_the_mandate_and_dates()
    {
        NoStream.When(process => LaunchProcess.Decide(process, new(new("gcm", " Global Compact for Migration ", "A/RES/71/280", April2017, new DateOnly(2018, 12, 31))))).Then(Launched);
    }

    [Fact]
    public void Launching_an_existing_key_is_refused()
    {
        Given().When(process => LaunchProcess.Decide(process, new(new("gcm", "Again", "A/RES/1", April2017, null)))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void A_phase_starts_when_none_is_under_way()
    {
        Given(ConsultationStarted, ConsultationEnded)
            .When(process => StartPhase.Decide(process, Start("stocktaking", new DateOnly(2017, 12, 4))))
            .Then(new PhaseStarted("gcm", "stocktaking", "stocktaking", new DateOnly(2017, 12, 4)));
    }

    [Fact]
    public void Phases_do_not_overlap()
    {
        Given(ConsultationStarted).When(process => StartPhase.Decide(process, Start("stocktaking", new DateOnly(2017, 12, 4)))).ThenRefused<DomainRuleViolation>();
        Given(ConsultationStarted, ConsultationEnded).When(process => StartPhase.Decide(process, Start("stocktaking", new DateOnly(2017, 11, 29)))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Phase_names_are_unique_and_dates_within_the_process()
    {
        Given(ConsultationStarted, ConsultationEnded).When(process => StartPhase.Decide(process, Start("consultation", new DateOnly(2017, 12, 4)))).ThenRefused<DomainRuleViolation>();
        Given().When(process => StartPhase.Decide(process, Start("consultation", new DateOnly(2017, 3, 31)))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void A_phase_ends_once_and_not_before_it_started()
    {
        Given(ConsultationStarted).When(process => EndPhase.Decide(process, new("gcm", 2, "consultation", new(ConsultationEnded.EndedOn)))).Then(ConsultationEnded);
        Given(ConsultationStarted, ConsultationEnded).When(process => EndPhase.Decide(process, new("gcm", 3, "consultation", new(ConsultationEnded.EndedOn)))).ThenRefused<DomainRuleViolation>();
        Given(ConsultationStarted).When(process => EndPhase.Decide(process, new("gcm", 2, "consultation", new(new DateOnly(2017, 3, 1))))).ThenRefused<DomainRuleViolation>();
        Given(ConsultationStarted).When(process => EndPhase.Decide(process, new("gcm", 2, "negotiation", new(ConsultationEnded.EndedOn)))).ThenRefused<StreamNotFound>();
    }

    [Fact]
    public void Co_facilitators_are_appointed_once_and_released_after_appointment()
    {
        var appointed = new CoFacilitatorAppointed("gcm", "gomez-camacho", "Juan José Gómez Camacho", "MEX", April2017);
        Given().When(process => AppointCoFacilitator.Decide(process, new("gcm", 1, new("gomez-camacho", "Juan José Gómez Camacho", "MEX", April2017)), representedStakeholderExists: true)).Then(appointed);
        Given(appointed).When(process => AppointCoFacilitator.Decide(process, new("gcm", 2, new("gomez-camacho", "J. J. Gómez Camacho", null, April2017)), true)).ThenRefused<DomainRuleViolation>();
        Given().When(process => AppointCoFacilitator.Decide(process, new("gcm", 1, new("someone", "Someone", "XYZ", April2017)), representedStakeholderExists: false)).ThenRefused<StreamNotFound>();
        Given(appointed).When(process => ReleaseCoFacilitator.Decide(process, new("gcm", 2, "gomez-camacho", new(new DateOnly(2017, 3, 1), "x")))).ThenRefused<DomainRuleViolation>();
        Given().When(process => ReleaseCoFacilitator.Decide(process, new("gcm", 1, "gomez-camacho", new(April2017, "x")))).ThenRefused<StreamNotFound>();
    }

    [Fact]
    public void Issue_keys_are_unique_and_parents_must_be_open_issues()
    {
        Given().When(process => TableIssue.Decide(process, new("gcm", 1, new("human-rights", "Human rights of all migrants", "Cluster one", "thematic-1", null)))).Then(HumanRights);
        Given(HumanRights).When(process => TableIssue.Decide(process, new("gcm", 2, new("human-rights", "Again", "Again", null, null)))).ThenRefused<DomainRuleViolation>();
        Given().When(process => TableIssue.Decide(process, new("gcm", 1, new("child", "Child", "Child", null, "missing")))).ThenRefused<StreamNotFound>();
        Given(HumanRights, new IssueRetired("gcm", "human-rights", "merged")).When(process => TableIssue.Decide(process, new("gcm", 3, new("child", "Child", "Child", null, "human-rights")))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void A_retired_issue_keeps_its_key_but_accepts_no_changes()
    {
        var retired = Given(HumanRights, new IssueRetired("gcm", "human-rights", "merged into another cluster"));

        Assert.True(retired.State!.Issues["human-rights"].Retired);
        retired.When(process => RetitleIssue.Decide(process, new("gcm", 3, "human-rights", new("New", "x")))).ThenRefused<DomainRuleViolation>();
        retired.When(process => RetireIssue.Decide(process, new("gcm", 3, "human-rights", new("again")))).ThenRefused<DomainRuleViolation>();
        retired.When(process => TableIssue.Decide(process, new("gcm", 3, new("human-rights", "Reuse", "Reuse", null, null)))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Retitling_records_the_previous_title_and_refuses_no_op_changes()
    {
        Given(HumanRights).When(process => RetitleIssue.Decide(process, new("gcm", 2, "human-rights", new("Human rights", "shorter")))).Then(new IssueRetitled("gcm", "human-rights", "Human rights of all migrants", "Human rights", "shorter"));
        Given(HumanRights).When(process => RetitleIssue.Decide(process, new("gcm", 2, "human-rights", new("Human rights of all migrants", "same")))).ThenRefused<DomainRuleViolation>();
        Given(HumanRights).When(process => RedescribeIssue.Decide(process, new("gcm", 2, "human-rights", new("Cluster one", "same")))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Concluding_needs_no_phase_under_way_and_a_date_after_the_last_one()
    {
        Given(ConsultationStarted).When(process => ConcludeProcess.Decide(process, new("gcm", 2, new(new DateOnly(2018, 12, 10), null)), [])).ThenRefused<DomainRuleViolation>();
        Given(ConsultationStarted, ConsultationEnded).When(process => ConcludeProcess.Decide(process, new("gcm", 3, new(new DateOnly(2017, 11, 1), null)), [])).ThenRefused<DomainRuleViolation>();
        Given(ConsultationStarted, ConsultationEnded).When(process => ConcludeProcess.Decide(process, new("gcm", 3, new(new DateOnly(2018, 12, 10), "Adopted in Marrakech")), [])).Then(new ProcessConcluded("gcm", new DateOnly(2018, 12, 10), "Adopted in Marrakech"));
    }

    [Fact]
    public void Concluding_waits_for_meetings_still_scheduled_or_open()
    {
        var error = Given(ConsultationStarted, ConsultationEnded).When(process => ConcludeProcess.Decide(process, new("gcm", 3, new(new DateOnly(2018, 12, 10), null)), ["intergovernmental-conference"])).ThenRefused<DomainRuleViolation>();

        Assert.Contains("intergovernmental-conference", error.Message);
    }

    [Fact]
    public void A_concluded_process_accepts_nothing_new()
    {
        var concluded = Given(ConsultationStarted, ConsultationEnded, HumanRights, new ProcessConcluded("gcm", new DateOnly(2018, 12, 10), null));

        concluded.When(process => StartPhase.Decide(process, Start("negotiation", new DateOnly(2019, 1, 1)))).ThenRefused<DomainRuleViolation>();
        concluded.When(process => TableIssue.Decide(process, new("gcm", 5, new("new", "New", "New", null, null)))).ThenRefused<DomainRuleViolation>();
        concluded.When(process => RetitleIssue.Decide(process, new("gcm", 5, "human-rights", new("New", "x")))).ThenRefused<DomainRuleViolation>();
        concluded.When(process => AppointCoFacilitator.Decide(process, new("gcm", 5, new("late", "Late", null, new DateOnly(2019, 1, 1))), true)).ThenRefused<DomainRuleViolation>();
        concluded.When(process => ConcludeProcess.Decide(process, new("gcm", 5, new(new DateOnly(2019, 1, 1), null)), [])).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void Leadership_is_noted_once_per_role_and_names_within_the_process_and_not_ahead_of_today()
    {
        var now = new DateTimeOffset(2018, 1, 10, 12, 0, 0, TimeSpan.Zero);
        NoteLeadership.Command Note(string role, DateOnly on, params string[] names) => new("gcm", 1, new(role, names, on));
        var noted = new ProcessLeadershipNoted("gcm", "Co-facilitators", [], new DateOnly(2017, 12, 6));

        Given().When(p => NoteLeadership.Decide(p, Note(" Co-facilitators ", new DateOnly(2017, 12, 6)), now)).Then(noted);
        Given(noted).When(p => NoteLeadership.Decide(p, Note("CO-FACILITATORS", new DateOnly(2018, 1, 2)), now)).ThenRefused<DomainRuleViolation>("already notes");
        Given(noted).When(p => NoteLeadership.Decide(p, Note("Co-facilitators", new DateOnly(2018, 1, 2), "Jürg Lauber"), now))
            .Then(new ProcessLeadershipNoted("gcm", "Co-facilitators", ["Jürg Lauber"], new DateOnly(2018, 1, 2)));
        Given().When(p => NoteLeadership.Decide(p, Note("Co-facilitators", new DateOnly(2017, 3, 1)), now)).ThenRefused<DomainRuleViolation>();
        Given().When(p => NoteLeadership.Decide(p, Note("Co-facilitators", new DateOnly(2018, 1, 20)), now)).ThenRefused<DomainRuleViolation>();
    }
}
