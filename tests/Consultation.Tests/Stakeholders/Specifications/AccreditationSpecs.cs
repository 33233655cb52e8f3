using Consultation.Domain;
using Consultation.Processes;
using Consultation.Stakeholders;
using Consultation.Stakeholders.Accrediting;
using Consultation.Stakeholders.EndingAccreditations;

namespace Consultation.Tests.Stakeholders.Specifications;

/// <summary>Accreditation to a process: given events and the process, when accrediting, then an event or a broken rule — no database.</summary>
public sealed class AccreditationSpecs
{
    private static Specification<Stakeholder> Given(params object[] events) => Specification.Given<Stakeholder>(events);

    private static readonly StakeholderRegistered IomRegistered =
        new("iom", StakeholderKind.IntergovernmentalOrganization, "International Organization for Migration", null, null);

    private static readonly DateOnly Day = new(2017, 4, 6);

    private static readonly ProcessDetails Gcm = new()
    {
        Id = "gcm",
        Title = "Global Compact for Safe, Orderly and Regular Migration",
        MandateReference = "A/RES/71/280",
        StartsOn = new DateOnly(2017, 4, 1),
        PlannedEndOn = new DateOnly(2018, 12, 31),
        Status = ProcessStatus.Active,
        Version = 1,
    };

    private static AccreditStakeholder.Command Accredit(string process, string? reason = null) => new("iom", 1, new(process, Day, reason));

    [Fact]
    public void Accrediting_to_an_active_process_records_the_date_and_the_trimmed_reason()
    {
        var accredited = Given(IomRegistered).When(stakeholder => AccreditStakeholder.Decide(stakeholder, Gcm, Accredit("gcm", " Observer status "))).ThenOne<StakeholderAccredited>();

        Assert.Equal(new StakeholderAccredited("iom", "gcm", Day, "Observer status"), accredited);
    }

    [Fact]
    public void Accrediting_to_an_unknown_process_is_not_found()
    {
        var error = Given(IomRegistered).When(stakeholder => AccreditStakeholder.Decide(stakeholder, null, Accredit("gcr"))).ThenRefused<StreamNotFound>();

        Assert.Equal("Process", error.What);
        Assert.Equal("gcr", error.Key);
    }

    [Fact]
    public void A_concluded_process_accredits_nobody()
    {
        var concluded = Gcm with { Status = ProcessStatus.Concluded, ConcludedOn = new DateOnly(2018, 12, 19) };

        var error = Given(IomRegistered).When(stakeholder => AccreditStakeholder.Decide(stakeholder, concluded, Accredit("gcm"))).ThenRefused<DomainRuleViolation>();

        Assert.Contains("concluded on 2018-12-19", error.Message);
    }

    [Fact]
    public void Accrediting_twice_to_one_process_is_refused_but_other_processes_are_fine()
    {
        var given = Given(IomRegistered, new StakeholderAccredited("iom", "gcm", Day, null));

        var error = given.When(stakeholder => AccreditStakeholder.Decide(stakeholder, Gcm, Accredit("gcm"))).ThenRefused<DomainRuleViolation>();
        var other = given.When(stakeholder => AccreditStakeholder.Decide(stakeholder, Gcm with { Id = "gcr" }, Accredit("gcr"))).ThenOne<StakeholderAccredited>();

        Assert.Contains("already accredited", error.Message);
        Assert.Equal(new StakeholderAccredited("iom", "gcr", Day, null), other);
    }

    [Fact]
    public void The_write_model_remembers_every_process_it_is_accredited_to()
    {
        var state = Specification.Fold<Stakeholder>(IomRegistered, new StakeholderAccredited("iom", "gcm", Day, null), new StakeholderAccredited("iom", "gcr", Day, "x"))!;

        Assert.Equal(["gcm", "gcr"], state.Accreditations.Select(a => a.Process).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_accreditation_in_force_ends_after_the_day_it_began_with_the_reason()
    {
        var given = Given(IomRegistered, new StakeholderAccredited("iom", "gcm", Day, null));

        var ended = given.When(stakeholder => EndAccreditation.Decide(stakeholder, End("gcm", new DateOnly(2018, 7, 13)))).ThenOne<StakeholderAccreditationEnded>();
        var sameDay = given.When(stakeholder => EndAccreditation.Decide(stakeholder, End("gcm", Day))).ThenRefused<DomainRuleViolation>();
        var elsewhere = given.When(stakeholder => EndAccreditation.Decide(stakeholder, End("gcr", new DateOnly(2018, 7, 13)))).ThenRefused<DomainRuleViolation>();

        Assert.Equal(new StakeholderAccreditationEnded("iom", "gcm", new DateOnly(2018, 7, 13), "Phase over"), ended);
        Assert.Contains("can end only after that", sameDay.Message);
        Assert.Contains("not accredited to process 'gcr'", elsewhere.Message);
    }

    [Fact]
    public void An_ended_accreditation_can_end_only_once_and_be_granted_again_from_its_end()
    {
        var endedOn = new DateOnly(2018, 7, 13);
        var given = Given(IomRegistered, new StakeholderAccredited("iom", "gcm", Day, null), new StakeholderAccreditationEnded("iom", "gcm", endedOn, "Phase over"));

        given.When(stakeholder => EndAccreditation.Decide(stakeholder, End("gcm", endedOn.AddDays(1)))).ThenRefused<DomainRuleViolation>();
        var tooEarly = given.When(stakeholder => AccreditStakeholder.Decide(stakeholder, Gcm, Accredit("gcm"))).ThenRefused<DomainRuleViolation>();
        var again = given.When(stakeholder => AccreditStakeholder.Decide(stakeholder, Gcm, new AccreditStakeholder.Command("iom", 3, new("gcm", endedOn, null)))).ThenOne<StakeholderAccredited>();

        Assert.Contains("until 2018-07-13", tooEarly.Message);
        Assert.Equal(new StakeholderAccredited("iom", "gcm", endedOn, null), again);
        Assert.Equal([new ProcessAccreditation("gcm", Day, endedOn, "Phase over")], given.State!.Accreditations);
    }

    private static EndAccreditation.Command End(string process, DateOnly endedOn) => new("iom", 2, process, new(endedOn, " Phase over "));

    [Theory]
    [InlineData(null, "2017-04-06", null, "Process")]
    [InlineData("GCM", "2017-04-06", null, "Process")]
    [InlineData("gcm/2017", "2017-04-06", null, "Process")]
    [InlineData("gcm", null, null, "AccreditedOn")]
    [InlineData("gcm", "2017-04-06", " ", "Reason")]
    public void Rejects_malformed_accreditations_naming_the_field(string? process, string? accreditedOn, string? reason, string field)
    {
        var date = accreditedOn is null ? (DateOnly?)null : DateOnly.ParseExact(accreditedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var result = new AccreditStakeholder.Validator().Validate(new AccreditStakeholder.Request(process, date, reason));

        Assert.Contains(result.Errors, e => e.PropertyName == field);
    }

    [Fact]
    public void Accepts_a_well_formed_accreditation()
    {
        Assert.True(new AccreditStakeholder.Validator().Validate(Accredit("gcm", "ECOSOC consultative status").Request).IsValid);
    }
}
