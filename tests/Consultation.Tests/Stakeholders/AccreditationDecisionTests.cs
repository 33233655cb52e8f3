using Consultation.Infrastructure.Errors;
using Consultation.Processes;
using Consultation.Stakeholders;
using Consultation.Stakeholders.Accrediting;
using Consultation.Stakeholders.EndingAccreditations;
using static Consultation.Tests.Stakeholders.StakeholderHistory;

namespace Consultation.Tests.Stakeholders;

/// <summary>Accreditation to a process: given events and the process, when accrediting, then an event or a broken rule — no database.</summary>
public sealed class AccreditationDecisionTests
{
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

    private static AccreditStakeholder.Command Accredit(string process, string? reason = null) => new("iom", 1, process, Day, reason);

    [Fact]
    public void Accrediting_to_an_active_process_records_the_date_and_the_trimmed_reason()
    {
        var accredited = Assert.Single(AccreditStakeholder.Decide(Given(IomRegistered), Gcm, Accredit("gcm", " Observer status ")));

        Assert.Equal(new StakeholderAccredited("iom", "gcm", Day, "Observer status"), accredited);
    }

    [Fact]
    public void Accrediting_to_an_unknown_process_is_not_found()
    {
        var error = Assert.Throws<StreamNotFound>(() => AccreditStakeholder.Decide(Given(IomRegistered), null, Accredit("gcr")));

        Assert.Equal("Process", error.What);
        Assert.Equal("gcr", error.Key);
    }

    [Fact]
    public void A_concluded_process_accredits_nobody()
    {
        var concluded = Gcm with { Status = ProcessStatus.Concluded, ConcludedOn = new DateOnly(2018, 12, 19) };

        var error = Assert.Throws<DomainRuleViolation>(() => AccreditStakeholder.Decide(Given(IomRegistered), concluded, Accredit("gcm")));

        Assert.Contains("concluded on 2018-12-19", error.Message);
    }

    [Fact]
    public void Accrediting_twice_to_one_process_is_refused_but_other_processes_are_fine()
    {
        var given = Given(IomRegistered, new StakeholderAccredited("iom", "gcm", Day, null));

        var error = Assert.Throws<DomainRuleViolation>(() => AccreditStakeholder.Decide(given, Gcm, Accredit("gcm")));
        var other = Assert.Single(AccreditStakeholder.Decide(given, Gcm with { Id = "gcr" }, Accredit("gcr")));

        Assert.Contains("already accredited", error.Message);
        Assert.Equal(new StakeholderAccredited("iom", "gcr", Day, null), other);
    }

    [Fact]
    public void The_write_model_remembers_every_process_it_is_accredited_to()
    {
        var state = Given(IomRegistered, new StakeholderAccredited("iom", "gcm", Day, null), new StakeholderAccredited("iom", "gcr", Day, "x"));

        Assert.Equal(["gcm", "gcr"], state.Accreditations.Select(a => a.Process).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_accreditation_in_force_ends_after_the_day_it_began_with_the_reason()
    {
        var given = Given(IomRegistered, new StakeholderAccredited("iom", "gcm", Day, null));

        var ended = Assert.Single(EndAccreditation.Decide(given, End("gcm", new DateOnly(2018, 7, 13))));
        var sameDay = Assert.Throws<DomainRuleViolation>(() => EndAccreditation.Decide(given, End("gcm", Day)));
        var elsewhere = Assert.Throws<DomainRuleViolation>(() => EndAccreditation.Decide(given, End("gcr", new DateOnly(2018, 7, 13))));

        Assert.Equal(new StakeholderAccreditationEnded("iom", "gcm", new DateOnly(2018, 7, 13), "Phase over"), ended);
        Assert.Contains("can end only after that", sameDay.Message);
        Assert.Contains("not accredited to process 'gcr'", elsewhere.Message);
    }

    [Fact]
    public void An_ended_accreditation_can_end_only_once_and_be_granted_again_from_its_end()
    {
        var endedOn = new DateOnly(2018, 7, 13);
        var given = Given(IomRegistered, new StakeholderAccredited("iom", "gcm", Day, null), new StakeholderAccreditationEnded("iom", "gcm", endedOn, "Phase over"));

        Assert.Throws<DomainRuleViolation>(() => EndAccreditation.Decide(given, End("gcm", endedOn.AddDays(1))));
        var tooEarly = Assert.Throws<DomainRuleViolation>(() => AccreditStakeholder.Decide(given, Gcm, Accredit("gcm")));
        var again = Assert.Single(AccreditStakeholder.Decide(given, Gcm, new AccreditStakeholder.Command("iom", 3, "gcm", endedOn, null)));

        Assert.Contains("until 2018-07-13", tooEarly.Message);
        Assert.Equal(new StakeholderAccredited("iom", "gcm", endedOn, null), again);
        Assert.Equal([new ProcessAccreditation("gcm", Day, endedOn, "Phase over")], given.Accreditations);
    }

    private static EndAccreditation.Command End(string process, DateOnly endedOn) => new("iom", 2, process, endedOn, " Phase over ");

    [Theory]
    [InlineData(null, "2017-04-06", null, "Process")]
    [InlineData("GCM", "2017-04-06", null, "Process")]
    [InlineData("gcm/2017", "2017-04-06", null, "Process")]
    [InlineData("gcm", null, null, "AccreditedOn")]
    [InlineData("gcm", "2017-04-06", " ", "Reason")]
    public void Rejects_malformed_accreditations_naming_the_field(string? process, string? accreditedOn, string? reason, string field)
    {
        var date = accreditedOn is null ? (DateOnly?)null : DateOnly.ParseExact(accreditedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var result = new AccreditStakeholder.Validator().Validate(new AccreditStakeholder.Command("iom", 1, process, date, reason));

        Assert.Contains(result.Errors, e => e.PropertyName == field);
    }

    [Fact]
    public void Accepts_a_well_formed_accreditation()
    {
        Assert.True(new AccreditStakeholder.Validator().Validate(Accredit("gcm", "ECOSOC consultative status")).IsValid);
    }
}
