using Consultation.Domain;
using Consultation.Meetings;
using Consultation.Meetings.Findings;
using Consultation.Meetings.Hosting;
using Consultation.Stakeholders;
using static Consultation.Tests.Meetings.Specifications.MeetingFacts;

namespace Consultation.Tests.Meetings.Specifications;

/// <summary>Naming a meeting's host, and facts stated as known without a figure.</summary>
public sealed class HostingSpecs
{
    private static readonly StakeholderDetails Mexico = Stakeholder("MEX", StakeholderKind.MemberState);
    private static readonly StakeholderDetails Switzerland = Stakeholder("CHE", StakeholderKind.MemberState);

    private static NameMeetingHost.Command Name(string stakeholder, string? reason = null) => new(Key, 1, new(stakeholder, reason));

    [Fact]
    public void The_first_host_is_named_without_a_reason_and_another_only_with_one()
    {
        Given(Scheduled).When(m => NameMeetingHost.Decide(m, Mexico, Name("MEX"))).Then(new MeetingHostNamed(Key, "MEX", null));
        Given(Scheduled).When(m => NameMeetingHost.Decide(m, Mexico, Name("MEX", "First"))).ThenRefused<DomainRuleViolation>("takes no 'reason'");
        var hosted = new MeetingHostNamed(Key, "MEX", null);
        Given(Scheduled, hosted).When(m => NameMeetingHost.Decide(m, Switzerland, Name("CHE"))).ThenRefused<DomainRuleViolation>("needs a 'reason'");
        Given(Scheduled, hosted).When(m => NameMeetingHost.Decide(m, Mexico, Name("MEX", "Again"))).ThenRefused<DomainRuleViolation>("already the host");
        Given(Scheduled, hosted, Opened, Closed).When(m => NameMeetingHost.Decide(m, Switzerland, Name("CHE", " Co-hosted "))).Then(new MeetingHostNamed(Key, "CHE", "Co-hosted"));
    }

    [Fact]
    public void An_unknown_host_is_not_found_and_a_cancelled_meeting_takes_none()
    {
        Given(Scheduled).When(m => NameMeetingHost.Decide(m, null, Name("XXX"))).ThenRefused<StreamNotFound>();
        Given(Scheduled, Cancelled).When(m => NameMeetingHost.Decide(m, Mexico, Name("MEX"))).ThenRefused<DomainRuleViolation>();
    }

    [Fact]
    public void A_fact_is_recorded_with_or_without_its_source()
    {
        var fact = new RecordFinding.Command(Key, 3, new("Fact", " More and more women migrate ", null, null, null, null, null));
        Given(Scheduled, Opened).When(m => RecordFinding.Decide(m, null, fact, During)).Then(new FactRecorded(Key, "f1", "More and more women migrate", null, false));
        Given(Scheduled, Opened).When(m => RecordFinding.Decide(m, null, fact with { Request = fact.Request with { Source = " UN DESA " } }, During)).Then(new FactRecorded(Key, "f1", "More and more women migrate", "UN DESA", false));
    }
}
