using System.Net.Sockets;
using Consultation.Infrastructure.Resilience;
using Marten.Exceptions;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Consultation.Tests.Reliability.Outage;

/// <summary>Which database failures answer 503, and the timeouts added to the connection string.</summary>
public sealed class DatabaseFailureRulesTests
{
    [Theory]
    [InlineData("08006")] // connection failure
    [InlineData("08001")] // cannot connect
    [InlineData("57P01")] // admin shutdown
    [InlineData("57P02")] // crash shutdown
    [InlineData("57P03")] // cannot connect now (starting up)
    [InlineData("53300")] // too many connections
    [InlineData("57014")] // statement cancelled (command timeout)
    public void A_server_that_is_going_away_refusing_or_overloaded_is_unavailable(string sqlState) =>
        Assert.True(DatabaseUnavailable.Is(Wrapped(new PostgresException("down", "FATAL", "FATAL", sqlState))));

    [Theory]
    [InlineData("23505")] // unique violation
    [InlineData("42P01")] // undefined table
    [InlineData("40001")] // serialization failure: a concurrency answer, not an outage
    [InlineData("22P02")] // invalid text representation
    public void A_real_error_is_not_an_outage(string sqlState) =>
        Assert.False(DatabaseUnavailable.Is(Wrapped(new PostgresException("bug", "ERROR", "ERROR", sqlState))));

    [Fact]
    public void A_refused_connection_or_a_timeout_is_unavailable_however_deeply_wrapped()
    {
        Assert.True(DatabaseUnavailable.Is(Wrapped(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)))));
        Assert.True(DatabaseUnavailable.Is(Wrapped(new NpgsqlException("Exception while reading from stream", new TimeoutException()))));
        Assert.False(DatabaseUnavailable.Is(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void Timeouts_are_added_unless_the_connection_string_sets_them()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:CommandTimeoutSeconds"] = "12" }).Build();

        var csb = new NpgsqlConnectionStringBuilder(DatabaseTimeouts.Apply("Host=db;Database=x;Timeout=2", settings));

        Assert.Equal(2, csb.Timeout); // the connection string's own value wins
        Assert.Equal(12, csb.CommandTimeout);
        Assert.Equal(DatabaseTimeouts.DefaultKeepAliveSeconds, csb.KeepAlive);
        Assert.Equal("-c client_connection_check_interval=1000", csb.Options); // a killed node's sessions end within a second
        Assert.Equal("-c work_mem=8MB", new NpgsqlConnectionStringBuilder(DatabaseTimeouts.Apply("Host=db;Options=-c work_mem=8MB", settings)).Options);
    }

    [Fact]
    public void A_timeout_setting_that_is_not_a_number_of_seconds_is_refused_with_its_name()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Database:ConnectTimeoutSeconds"] = "soon" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => DatabaseTimeouts.Apply("Host=db", settings));

        Assert.Contains("Database:ConnectTimeoutSeconds", error.Message, StringComparison.Ordinal);
    }

    private static Exception Wrapped(Exception inner) => new MartenCommandException(new NpgsqlCommand("select 1"), inner);
}
