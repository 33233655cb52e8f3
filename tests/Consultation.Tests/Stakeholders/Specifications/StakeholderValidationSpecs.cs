using Consultation.Stakeholders.Registering;

namespace Consultation.Tests.Stakeholders.Specifications;

public sealed class StakeholderValidationSpecs
{
    private static readonly RegisterStakeholder.Validator Validator = new();

    [Theory]
    [InlineData("MEX", "MemberState", "Mexico", null, "LatinAmericanAndCaribbean")]
    [InlineData("VAT", "ObserverState", "Holy See", "VAT", null)]
    [InlineData("african-group", "GroupOrBloc", "Group of African States", null, null)]
    [InlineData("un-desa", "UnEntity", "UN DESA", null, null)]
    [InlineData("a1", "Other", "A", null, null)]
    public void Accepts_well_formed_registrations(string key, string kind, string name, string? iso, string? group)
    {
        var result = Validator.Validate(new RegisterStakeholder.Request(key, kind, name, iso, group));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Theory]
    [InlineData("MEX", "MemberState", "Mexico", null, null, "RegionalGroup")]
    [InlineData("Mex", "MemberState", "Mexico", null, "African", "Key")]
    [InlineData("MEX", "MemberState", "Mexico", "MEXI", "African", "IsoCode")]
    [InlineData("african--group", "GroupOrBloc", "African Group", null, null, "Key")]
    [InlineData("-group", "GroupOrBloc", "Group", null, null, "Key")]
    [InlineData("group", "GroupOrBloc", "Group", "GRP", null, "IsoCode")]
    [InlineData("group", "GroupOrBloc", "Group", null, "African", "RegionalGroup")]
    [InlineData("group", "Bloc", "Group", null, null, "Kind")]
    [InlineData("group", "GroupOrBloc", "Line\nbreak", null, null, "Name")]
    [InlineData("group", "GroupOrBloc", " ", null, null, "Name")]
    public void Rejects_malformed_registrations_naming_the_field(string key, string kind, string name, string? iso, string? group, string field)
    {
        var result = Validator.Validate(new RegisterStakeholder.Request(key, kind, name, iso, group));

        Assert.Contains(result.Errors, e => e.PropertyName == field);
    }
}
