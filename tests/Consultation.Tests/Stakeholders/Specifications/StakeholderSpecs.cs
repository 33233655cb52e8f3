using Consultation.Domain;
using Consultation.Stakeholders;
using Consultation.Stakeholders.Registering;
using Consultation.Stakeholders.Renaming;

namespace Consultation.Tests.Stakeholders.Specifications;

/// <summary>Given events, when a command, then events or a broken rule — no database.</summary>
public sealed class StakeholderSpecs
{
    private static readonly Specification<Stakeholder> NoStream = Specification.Given<Stakeholder>();

    private static Specification<Stakeholder> Given(params object[] events) => Specification.Given<Stakeholder>(events);

    private static readonly StakeholderRegistered MexicoRegistered =
        new("MEX", StakeholderKind.MemberState, "Mexico", "MEX", RegionalGroup.LatinAmericanAndCaribbean);

    [Fact]
    public void Registering_a_new_state_records_its_iso_code_and_regional_group()
    {
        var registered = NoStream.When(stakeholder => RegisterStakeholder.Decide(stakeholder, new(new("MEX", "memberstate", "  Mexico ", null, "latinamericanandcaribbean")))).ThenOne<StakeholderRegistered>();

        Assert.Equal(MexicoRegistered, registered);
    }

    [Fact]
    public void Registering_a_non_state_records_no_iso_code()
    {
        var registered = NoStream.When(stakeholder => RegisterStakeholder.Decide(stakeholder, new(new("iom", "IntergovernmentalOrganization", "IOM", null, null)))).ThenOne<StakeholderRegistered>();

        Assert.Equal(new StakeholderRegistered("iom", StakeholderKind.IntergovernmentalOrganization, "IOM", null, null), registered);
    }

    [Fact]
    public void Registering_an_existing_key_breaks_the_no_reuse_rule()
    {
        var error = Given(MexicoRegistered).When(stakeholder => RegisterStakeholder.Decide(stakeholder, new(new("MEX", "MemberState", "Mexico", null, "LatinAmericanAndCaribbean")))).ThenRefused<DomainRuleViolation>();

        Assert.Contains("never reused", error.Message);
    }

    [Fact]
    public void Renaming_records_the_previous_name_and_the_reason()
    {
        var renamed = Given(MexicoRegistered).When(stakeholder => RenameStakeholder.Decide(stakeholder, new("MEX", 1, new("United Mexican States", "Official name")))).ThenOne<StakeholderRenamed>();

        Assert.Equal(new StakeholderRenamed("MEX", "Mexico", "United Mexican States", "Official name"), renamed);
    }

    [Fact]
    public void The_write_model_follows_renamings()
    {
        var state = Specification.Fold<Stakeholder>(MexicoRegistered, new StakeholderRenamed("MEX", "Mexico", "United Mexican States", "x"), new StakeholderRenamed("MEX", "United Mexican States", "Mexico", "y"))!;

        Assert.Equal("Mexico", state.Name);
        Assert.Equal(RegionalGroup.LatinAmericanAndCaribbean, state.RegionalGroup);
    }

    [Fact]
    public void Renaming_to_the_same_name_is_refused()
    {
        Given(MexicoRegistered).When(stakeholder => RenameStakeholder.Decide(stakeholder, new("MEX", 1, new("Mexico", "no change")))).ThenRefused<DomainRuleViolation>();
    }

}
