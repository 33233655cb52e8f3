using Consultation.Infrastructure.Errors;
using Consultation.Stakeholders;
using Consultation.Stakeholders.Registering;
using Consultation.Stakeholders.Renaming;

namespace Consultation.Tests.Domain;

/// <summary>Given events, when a command, then events or a broken rule — no database.</summary>
public sealed class StakeholderDecisionTests
{
    private static Stakeholder Given(params object[] events)
    {
        var state = Stakeholder.Create((StakeholderRegistered)events[0]);
        foreach (var e in events.Skip(1))
        {
            state = e switch
            {
                StakeholderRenamed renamed => state.Apply(renamed),
                _ => throw new ArgumentException($"Unexpected event {e}"),
            };
        }

        return state;
    }

    private static readonly StakeholderRegistered MexicoRegistered =
        new("MEX", StakeholderKind.MemberState, "Mexico", "MEX", RegionalGroup.LatinAmericanAndCaribbean);

    [Fact]
    public void Registering_a_new_state_records_its_iso_code_and_regional_group()
    {
        var registered = RegisterStakeholder.Decide(null, new("MEX", "memberstate", "  Mexico ", null, "latinamericanandcaribbean"));

        Assert.Equal(MexicoRegistered, registered);
    }

    [Fact]
    public void Registering_a_non_state_records_no_iso_code()
    {
        var registered = RegisterStakeholder.Decide(null, new("iom", "IntergovernmentalOrganization", "IOM", null, null));

        Assert.Equal(new StakeholderRegistered("iom", StakeholderKind.IntergovernmentalOrganization, "IOM", null, null), registered);
    }

    [Fact]
    public void Registering_an_existing_key_breaks_the_no_reuse_rule()
    {
        var error = Assert.Throws<DomainRuleViolation>(() =>
            RegisterStakeholder.Decide(Given(MexicoRegistered), new("MEX", "MemberState", "Mexico", null, "LatinAmericanAndCaribbean")));

        Assert.Contains("never reused", error.Message);
    }

    [Fact]
    public void Renaming_records_the_previous_name_and_the_reason()
    {
        var renamed = Assert.Single(RenameStakeholder.Decide(Given(MexicoRegistered), new("MEX", 1, "United Mexican States", "Official name")));

        Assert.Equal(new StakeholderRenamed("MEX", "Mexico", "United Mexican States", "Official name"), renamed);
    }

    [Fact]
    public void The_write_model_follows_renamings()
    {
        var state = Given(MexicoRegistered, new StakeholderRenamed("MEX", "Mexico", "United Mexican States", "x"), new StakeholderRenamed("MEX", "United Mexican States", "Mexico", "y"));

        Assert.Equal("Mexico", state.Name);
        Assert.Equal(RegionalGroup.LatinAmericanAndCaribbean, state.RegionalGroup);
    }

    [Fact]
    public void Renaming_to_the_same_name_is_refused()
    {
        Assert.Throws<DomainRuleViolation>(() => RenameStakeholder.Decide(Given(MexicoRegistered), new("MEX", 1, "Mexico", "no change")));
    }

}
