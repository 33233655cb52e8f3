using Consultation.Infrastructure.EventStore;

namespace Consultation.Tests.Reliability.Concurrency;

public sealed class ETagTests
{
    [Theory]
    [InlineData("\"3\"", 3)]
    public void Reads_versions_from_if_match(string header, long expected)
    {
        Assert.True(ETags.TryParseVersion(header, out var version));
        Assert.Equal(expected, version);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"0\"")]
    [InlineData("\"-1\"")]
    [InlineData("*")]
    [InlineData("\"abc\"")]
    [InlineData("\"1\", \"2\"")]
    [InlineData("W/\"12\"")]
    [InlineData("7")]
    [InlineData("\"7")]
    public void Refuses_what_is_not_one_version(string header)
    {
        Assert.False(ETags.TryParseVersion(header, out _));
    }

    [Fact]
    public void Writes_strong_etags() => Assert.Equal("\"42\"", ETags.For(42));
}
