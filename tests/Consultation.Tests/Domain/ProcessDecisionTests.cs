using Consultation.Infrastructure.Errors;
using Consultation.Processes;
using Consultation.Processes.CoFacilitators;
using Consultation.Processes.Concluding;
using Consultation.Processes.Issues;
using Consultation.Processes.Launching;
using Consultation.Processes.Phases;

namespace Consultation.Tests.Domain;

/// <summary>Given a process's events, when a command, then events or a broken rule — no database.</summary>
public sealed class ProcessDecisionTests
{
    private static readonly DateOnly April2017 = new(2017, 4, 1);

    private static readonly ProcessLaunched Launched = new("gcm", "Global Compact for Migration", "A/RES/71/280", April2017, new DateOnly(2018, 12, 31));

    private static Process Given(params object[] events)
    {
        var process = Process.Create(Launched);
        foreach (var e in events)
        {
            process = e switch
            {
                PhaseStarted x => process.Apply(x),
                PhaseEnded x => process.Apply(x),
                CoFacilitatorAppointed x => process.Apply(x),
                CoFacilitatorReleased x => process.Apply(x),
                IssueTabled x => process.Apply(x),
                IssueRetitled x => process.Apply(x),
                IssueRedescribed x => process.Apply(x),
                IssueRetired x => process.Apply(x),
                ProcessConcluded x => process.Apply(x),
                _ => throw new ArgumentException($"Unexpected event {e}"),
            };
        }

        return process;
    }

    private static readonly PhaseStarted ConsultationStarted = new("gcm", "consultation", "Consultation", April2017);
    private static readonly PhaseEnded ConsultationEnded = new("gcm", "consultation", new DateOnly(2017, 11, 30));
    private static readonly IssueTabled HumanRights = new("gcm", "human-rights", "Human rights of all migrants", "Cluster one", "thematic-1", null);

    private static StartPhase.Command Start(string phase, DateOnly on) => new("gcm", 1, phase, phase, on);

    [Fact]
    public void Launching_a_new_key_records_the_mandate_and_dates()
    {
        Assert.Equal(Launched, LaunchProcess.Decide(null, new("gcm", " Global Compact for Migration ", "A/RES/71/280", April2017, new DateOnly(2018, 12, 31))));
    }

    [Fact]
    public void Launching_an_existing_key_is_refused()
    {
        Assert.Throws<DomainRuleViolation>(() => LaunchProcess.Decide(Given(), new("gcm", "Again", "A/RES/1", April2017, null)));
    }

    [Fact]
    public void A_phase_starts_when_none_is_under_way()
    {
        var events = StartPhase.Decide(Given(ConsultationStarted, ConsultationEnded), Start("stocktaking", new DateOnly(2017, 12, 4)));

        Assert.Equal([new PhaseStarted("gcm", "stocktaking", "stocktaking", new DateOnly(2017, 12, 4))], events);
    }

    [Fact]
    public void Phases_do_not_overlap()
    {
        Assert.Throws<DomainRuleViolation>(() => StartPhase.Decide(Given(ConsultationStarted), Start("stocktaking", new DateOnly(2017, 12, 4))));
        Assert.Throws<DomainRuleViolation>(() => StartPhase.Decide(Given(ConsultationStarted, ConsultationEnded), Start("stocktaking", new DateOnly(2017, 11, 29))));
    }

    [Fact]
    public void Phase_names_are_unique_and_dates_within_the_process()
    {
        Assert.Throws<DomainRuleViolation>(() => StartPhase.Decide(Given(ConsultationStarted, ConsultationEnded), Start("consultation", new DateOnly(2017, 12, 4))));
        Assert.Throws<DomainRuleViolation>(() => StartPhase.Decide(Given(), Start("consultation", new DateOnly(2017, 3, 31))));
    }

    [Fact]
    public void A_phase_ends_once_and_not_before_it_started()
    {
        Assert.Equal([ConsultationEnded], EndPhase.Decide(Given(ConsultationStarted), new("gcm", 2, "consultation", ConsultationEnded.EndedOn)));
        Assert.Throws<DomainRuleViolation>(() => EndPhase.Decide(Given(ConsultationStarted, ConsultationEnded), new("gcm", 3, "consultation", ConsultationEnded.EndedOn)));
        Assert.Throws<DomainRuleViolation>(() => EndPhase.Decide(Given(ConsultationStarted), new("gcm", 2, "consultation", new DateOnly(2017, 3, 1))));
        Assert.Throws<StreamNotFound>(() => EndPhase.Decide(Given(ConsultationStarted), new("gcm", 2, "negotiation", ConsultationEnded.EndedOn)));
    }

    [Fact]
    public void Co_facilitators_are_appointed_once_and_released_after_appointment()
    {
        var appointed = new CoFacilitatorAppointed("gcm", "gomez-camacho", "Juan José Gómez Camacho", "MEX", April2017);
        Assert.Equal([appointed], AppointCoFacilitator.Decide(Given(), new("gcm", 1, "gomez-camacho", "Juan José Gómez Camacho", "MEX", April2017), representedStakeholderExists: true));
        Assert.Throws<DomainRuleViolation>(() => AppointCoFacilitator.Decide(Given(appointed), new("gcm", 2, "gomez-camacho", "J. J. Gómez Camacho", null, April2017), true));
        Assert.Throws<StreamNotFound>(() => AppointCoFacilitator.Decide(Given(), new("gcm", 1, "someone", "Someone", "XYZ", April2017), representedStakeholderExists: false));
        Assert.Throws<DomainRuleViolation>(() => ReleaseCoFacilitator.Decide(Given(appointed), new("gcm", 2, "gomez-camacho", new DateOnly(2017, 3, 1), "x")));
        Assert.Throws<StreamNotFound>(() => ReleaseCoFacilitator.Decide(Given(), new("gcm", 1, "gomez-camacho", April2017, "x")));
    }

    [Fact]
    public void Issue_keys_are_unique_and_parents_must_be_open_issues()
    {
        Assert.Equal([HumanRights], TableIssue.Decide(Given(), new("gcm", 1, "human-rights", "Human rights of all migrants", "Cluster one", "thematic-1", null)));
        Assert.Throws<DomainRuleViolation>(() => TableIssue.Decide(Given(HumanRights), new("gcm", 2, "human-rights", "Again", "Again", null, null)));
        Assert.Throws<StreamNotFound>(() => TableIssue.Decide(Given(), new("gcm", 1, "child", "Child", "Child", null, "missing")));
        Assert.Throws<DomainRuleViolation>(() =>
            TableIssue.Decide(Given(HumanRights, new IssueRetired("gcm", "human-rights", "merged")), new("gcm", 3, "child", "Child", "Child", null, "human-rights")));
    }

    [Fact]
    public void A_retired_issue_keeps_its_key_but_accepts_no_changes()
    {
        var process = Given(HumanRights, new IssueRetired("gcm", "human-rights", "merged into another cluster"));

        Assert.True(process.Issues["human-rights"].Retired);
        Assert.Throws<DomainRuleViolation>(() => RetitleIssue.Decide(process, new("gcm", 3, "human-rights", "New", "x")));
        Assert.Throws<DomainRuleViolation>(() => RetireIssue.Decide(process, new("gcm", 3, "human-rights", "again")));
        Assert.Throws<DomainRuleViolation>(() => TableIssue.Decide(process, new("gcm", 3, "human-rights", "Reuse", "Reuse", null, null)));
    }

    [Fact]
    public void Retitling_records_the_previous_title_and_refuses_no_op_changes()
    {
        Assert.Equal(
            [new IssueRetitled("gcm", "human-rights", "Human rights of all migrants", "Human rights", "shorter")],
            RetitleIssue.Decide(Given(HumanRights), new("gcm", 2, "human-rights", "Human rights", "shorter")));
        Assert.Throws<DomainRuleViolation>(() => RetitleIssue.Decide(Given(HumanRights), new("gcm", 2, "human-rights", "Human rights of all migrants", "same")));
        Assert.Throws<DomainRuleViolation>(() => RedescribeIssue.Decide(Given(HumanRights), new("gcm", 2, "human-rights", "Cluster one", "same")));
    }

    [Fact]
    public void Concluding_needs_no_phase_under_way_and_a_date_after_the_last_one()
    {
        Assert.Throws<DomainRuleViolation>(() => ConcludeProcess.Decide(Given(ConsultationStarted), new("gcm", 2, new DateOnly(2018, 12, 10), null), []));
        Assert.Throws<DomainRuleViolation>(() => ConcludeProcess.Decide(Given(ConsultationStarted, ConsultationEnded), new("gcm", 3, new DateOnly(2017, 11, 1), null), []));
        Assert.Equal(
            [new ProcessConcluded("gcm", new DateOnly(2018, 12, 10), "Adopted in Marrakech")],
            ConcludeProcess.Decide(Given(ConsultationStarted, ConsultationEnded), new("gcm", 3, new DateOnly(2018, 12, 10), "Adopted in Marrakech"), []));
    }

    [Fact]
    public void Concluding_waits_for_meetings_still_scheduled_or_open()
    {
        var error = Assert.Throws<DomainRuleViolation>(() =>
            ConcludeProcess.Decide(Given(ConsultationStarted, ConsultationEnded), new("gcm", 3, new DateOnly(2018, 12, 10), null), ["intergovernmental-conference"]));

        Assert.Contains("intergovernmental-conference", error.Message);
    }

    [Fact]
    public void A_concluded_process_accepts_nothing_new()
    {
        var concluded = Given(ConsultationStarted, ConsultationEnded, HumanRights, new ProcessConcluded("gcm", new DateOnly(2018, 12, 10), null));

        Assert.Throws<DomainRuleViolation>(() => StartPhase.Decide(concluded, Start("negotiation", new DateOnly(2019, 1, 1))));
        Assert.Throws<DomainRuleViolation>(() => TableIssue.Decide(concluded, new("gcm", 5, "new", "New", "New", null, null)));
        Assert.Throws<DomainRuleViolation>(() => RetitleIssue.Decide(concluded, new("gcm", 5, "human-rights", "New", "x")));
        Assert.Throws<DomainRuleViolation>(() => AppointCoFacilitator.Decide(concluded, new("gcm", 5, "late", "Late", null, new DateOnly(2019, 1, 1)), true));
        Assert.Throws<DomainRuleViolation>(() => ConcludeProcess.Decide(concluded, new("gcm", 5, new DateOnly(2019, 1, 1), null), []));
    }
}
