using Consultation.Infrastructure.Database;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Consultation.Tests.Platform;

/// <summary>The service's connections prepare the statements they repeat, unless told otherwise (Database:MaxAutoPrepare).</summary>
public sealed class StatementPreparationTests
{
    private static IConfiguration Settings(string? maxAutoPrepare) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:MaxAutoPrepare"] = maxAutoPrepare }).Build();

    private static int Prepared(string connectionString, string? setting) =>
        new NpgsqlConnectionStringBuilder(StatementPreparation.Apply(connectionString, Settings(setting))).MaxAutoPrepare;

    [Fact]
    public void Statements_are_prepared_by_default_as_set_or_as_the_connection_string_says()
    {
        Assert.Equal(StatementPreparation.DefaultMaxAutoPrepare, Prepared("Host=db;Database=x", null));
        Assert.Equal(0, Prepared("Host=db;Database=x", "0"));
        Assert.Equal(5, Prepared("Host=db;Database=x;Max Auto Prepare=5", "0")); // the connection string's own value wins
    }

    [Fact]
    public void A_setting_that_is_not_a_count_is_refused_with_its_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Prepared("Host=db", "many"));

        Assert.Contains("Database:MaxAutoPrepare", error.Message, StringComparison.Ordinal);
    }
}
