using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Meetings;

/// <summary>
/// The real service on the test PostgreSQL (a schema of its own), like <see cref="ApiFactory"/>, with a clock the tests
/// set and a late-entry grace period of <see cref="GraceDays"/> days (not the default 14, to show the setting is read).
/// </summary>
public sealed class MeetingsApiFactory() : ServiceFactory("meetings")
{
    public const int GraceDays = 10;

    /// <summary>The service's clock; starts on the first day of the 2017 stocktaking meeting.</summary>
    public FakeClock Clock { get; } = new(new DateTimeOffset(2017, 12, 4, 9, 0, 0, TimeSpan.Zero));

    protected override IEnumerable<(string Name, string Value)> ExtraSettings =>
        [("Meetings:LateEntryGraceDays", GraceDays.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>The meetings API test classes share one service and schema; each test uses its own process key.</summary>
[CollectionDefinition(Name)]
public sealed class MeetingsApiCollection : ICollectionFixture<MeetingsApiFactory>
{
    public const string Name = "Meetings API";
}
