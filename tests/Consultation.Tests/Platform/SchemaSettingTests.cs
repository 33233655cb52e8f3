using Consultation.Infrastructure.Database;
using Microsoft.Extensions.Configuration;

namespace Consultation.Tests.Platform;

public sealed class SchemaSettingTests
{
    private static IConfiguration With(string? schema) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Marten:Schema"] = schema }).Build();

    [Theory]
    [InlineData(null, "consultation")]
    [InlineData("consultation", "consultation")]
    [InlineData("api_1f2e", "api_1f2e")]
    public void Plain_identifiers_are_used(string? configured, string expected) => Assert.Equal(expected, ConsultationDatabase.SchemaFrom(With(configured)));

    [Theory]
    [InlineData("Bad-Schema")]
    [InlineData("drop table x;")]
    [InlineData("1abc")]
    public void Anything_else_is_refused_naming_the_setting(string configured) =>
        Assert.Contains("Marten:Schema", Assert.Throws<InvalidOperationException>(() => ConsultationDatabase.SchemaFrom(With(configured))).Message);
}
