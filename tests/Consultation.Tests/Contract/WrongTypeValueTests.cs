namespace Consultation.Tests.Contract;

/// <summary>
/// A number of the wrong type in a body (text, true, a fraction, a list) answers 400 naming the field, the form it takes
/// and what came, as dates and text fields already do; in a batch, at the item's index. Nothing is written.
/// </summary>
public sealed class WrongTypeValueTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Theory]
    [InlineData("\"agree\"", "got 'agree'")]
    [InlineData("true", "got true")]
    [InlineData("1.5", "got 1.5")]
    [InlineData("99999999999", "got 99999999999")]
    [InlineData("[1]", "got a list")]
    [InlineData("\"Supports the framework because it respects the sovereignty of States\"", "got 'Supports the framework because it respec… (68 characters)'")]
    public async Task A_whole_number_field_given_anything_else_quotes_what_came(string value, string got)
    {
        var before = await api.CountEventsAsync();

        var problem = await (await _client.PostRawAsync("/processes/gcm/issues/sovereignty/positions",
            $"{{\"stakeholder\":\"MEX\",\"stance\":{value},\"summary\":\"S\",\"meeting\":\"stocktaking-2017\",\"statedOn\":\"2017-12-05\"}}")).AssertProblemAsync(400);

        Assert.Equal($"$.stance: expected a whole number; {got}", Assert.Single(problem.ErrorsFor("stance")));
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task In_a_batch_the_value_is_quoted_at_its_item()
    {
        var item = "{\"issue\":\"sovereignty\",\"stakeholder\":\"MEX\",\"stance\":1,\"summary\":\"S\",\"meeting\":\"stocktaking-2017\",\"statedOn\":\"2017-12-05\"}";
        var wrong = item.Replace("\"stance\":1", "\"Stance\":\"-2 (strongly opposes)\"", StringComparison.Ordinal);

        var problem = await (await _client.PostRawAsync("/processes/gcm/positions/batch", $"{{\"items\":[{item},{item},{wrong}]}}")).AssertProblemAsync(400);

        Assert.Equal("$.items[2].Stance: expected a whole number; got '-2 (strongly opposes)'", Assert.Single(problem.ErrorsFor("items[2].Stance")));
    }

    [Fact]
    public async Task A_number_field_given_text_quotes_it()
    {
        var problem = await (await _client.PostRawAsync("/processes/gcm/meetings/stocktaking-2017/findings",
            "{\"kind\":\"Figure\",\"summary\":\"Arrivals\",\"value\":\"about 1200\",\"unit\":\"people\",\"source\":\"IOM\"}")).AssertProblemAsync(400);

        Assert.Equal("$.value: expected a number; got 'about 1200'", Assert.Single(problem.ErrorsFor("value")));
    }
}
