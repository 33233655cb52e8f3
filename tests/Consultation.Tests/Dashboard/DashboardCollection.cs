namespace Consultation.Tests.Dashboard;

/// <summary>The browser tests share one seeded server and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFactory>
{
    public const string Name = "Dashboard";
}
