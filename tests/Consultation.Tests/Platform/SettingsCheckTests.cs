using Microsoft.AspNetCore.Hosting;

namespace Consultation.Tests.Platform;

/// <summary>A setting that would fail a user's request later stops the service at start-up, saying which.</summary>
public sealed class SettingsCheckTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Theory]
    [InlineData("Meetings:LateEntryGraceDays", "two weeks")]
    [InlineData("Meetings:LateEntryGraceDays", "-1")]
    [InlineData("Marten:Schema", "Bad-Schema")]
    public void An_invalid_setting_stops_the_start_and_names_it(string setting, string value)
    {
        using var misconfigured = api.WithWebHostBuilder(b => b.UseSetting(setting, value));

        var error = Assert.ThrowsAny<Exception>(() => misconfigured.CreateClient());

        Assert.True(error.ToString().Contains(setting, StringComparison.Ordinal), error.ToString()[..Math.Min(3000, error.ToString().Length)]);
    }
}
