using Consultation.Infrastructure.Idempotency;

namespace Consultation.Tests.Idempotency;

public sealed class IdempotencyKeyTests
{
    [Theory]
    [InlineData("8e03978e-40d5-43e8-bc93-6894a57f9324", "8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [InlineData("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"", "8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [InlineData("batch:2017-12-05.day~1_a", "batch:2017-12-05.day~1_a")]
    public void Safe_keys_are_accepted_and_unquoted(string header, string key) =>
        Assert.Equal(key, IdempotencyKey.Parse([header]));

    [Theory]
    [InlineData("")]
    [InlineData("\"\"")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("ünicode")]
    [InlineData("a/b")]
    public void Unsafe_keys_are_refused(string header) =>
        Assert.Throws<InvalidIdempotencyKey>(() => IdempotencyKey.Parse([header]));

    [Fact]
    public void Keys_are_at_most_100_characters()
    {
        Assert.Equal(new string('k', 100), IdempotencyKey.Parse([new string('k', 100)]));
        Assert.Throws<InvalidIdempotencyKey>(() => IdempotencyKey.Parse([new string('k', 101)]));
    }

    [Fact]
    public void Exactly_one_value_is_accepted()
    {
        Assert.Throws<InvalidIdempotencyKey>(() => IdempotencyKey.Parse(["a", "b"]));
        Assert.Throws<InvalidIdempotencyKey>(() => IdempotencyKey.Parse([]));
    }
}
