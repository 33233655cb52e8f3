using System.Net.Http.Json;

namespace Consultation.Tests.Positions;

/// <summary>A correction changes the fields it names and keeps the rest; removing an optional field is explicit ('clear').</summary>
public sealed class CorrectionKeepsFieldsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    /// <summary>Mexico's position with every optional field, citing its recorded statement s1.</summary>
    private async Task<string> StateFullPositionAsync()
    {
        var (process, meeting) = await _secretariat.OpenStocktakingAsync("sovereignty");
        await _secretariat.UpdateOkAsync(meeting, "statements", new
        {
            speaker = "MEX",
            issues = new[] { "sovereignty" },
            summary = "Stressed national sovereignty.",
            language = "es",
            saidOn = new DateOnly(2017, 12, 4),
        });
        var stated = await _secretariat.Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", new
        {
            stakeholder = "MEX",
            stance = 1,
            conditions = "if national policy space is preserved",
            summary = "Supports",
            quote = "Apoyamos",
            quoteLanguage = "es",
            meeting = "stocktaking-2017",
            statement = "s1",
            documentReference = "A/CONF.231/PM.1 para 4",
            statedOn = "2017-12-04",
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, stated.StatusCode);
        return PositionSteps.PositionUrl(process, "sovereignty", "MEX");
    }

    private async Task<JsonElement> ReadAsync(string url) => await _secretariat.Client.GetFromJsonAsync<JsonElement>(url);

    [Fact]
    public async Task Correcting_only_the_stance_keeps_the_quote_conditions_statement_and_document_reference()
    {
        var url = await StateFullPositionAsync();

        await _secretariat.UpdateOkAsync(url, "correct", new { stance = 2, reason = "Stance entered wrong" });

        var position = await ReadAsync(url);
        Assert.Equal(2, position.GetProperty("stance").GetInt32());
        Assert.Equal("Supports", position.GetProperty("summary").GetString());
        Assert.Equal("if national policy space is preserved", position.GetProperty("conditions").GetString());
        Assert.Equal("Apoyamos", position.GetProperty("quote").GetProperty("text").GetString());
        Assert.Equal("s1", position.GetProperty("source").GetProperty("statement").GetString());
        Assert.Equal("A/CONF.231/PM.1 para 4", position.GetProperty("source").GetProperty("documentReference").GetString());
        Assert.Equal("2017-12-04", position.GetProperty("statedOn").GetString());
    }

    [Fact]
    public async Task Clearing_is_explicit_and_a_quote_language_alone_corrects_the_recorded_quote()
    {
        var url = await StateFullPositionAsync();

        await _secretariat.UpdateOkAsync(url, "correct", new { clear = new[] { "quote", "statement" }, reason = "Quote and statement were another delegation's" });
        var cleared = await ReadAsync(url);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("quote").ValueKind);
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("source").GetProperty("statement").ValueKind);
        Assert.Equal("if national policy space is preserved", cleared.GetProperty("conditions").GetString());

        var noQuote = await (await _secretariat.UpdateAsync(url, "correct", new { quoteLanguage = "en", reason = "Language" })).AssertProblemAsync(409);
        Assert.Contains("has none", noQuote.GetProperty("detail").GetString());
        await _secretariat.UpdateOkAsync(url, "correct", new { quote = "Apoyamos", quoteLanguage = "es", reason = "Quote restored" });
        await _secretariat.UpdateOkAsync(url, "correct", new { quoteLanguage = "pt", reason = "It was said in Portuguese" });
        var relanguaged = await ReadAsync(url);
        Assert.Equal("Apoyamos", relanguaged.GetProperty("quote").GetProperty("text").GetString());
        Assert.Equal("pt", relanguaged.GetProperty("quote").GetProperty("language").GetString());
    }

    [Theory]
    [InlineData("""{"conditions":"","reason":"r"}""", "conditions", "clear")]
    [InlineData("""{"quote":"Apoyamos","quoteLanguage":"es","clear":["quote"],"reason":"r"}""", "clear", "both given and cleared")]
    [InlineData("""{"clear":["stance"],"reason":"r"}""", "clear", "optional fields")]
    public async Task A_blank_field_or_a_field_both_given_and_cleared_gets_400_and_changes_nothing(string body, string field, string message)
    {
        var url = await StateFullPositionAsync();
        var before = await ReadAsync(url);

        var problem = await (await _secretariat.UpdateAsync(url, "correct", JsonDocument.Parse(body).RootElement)).AssertProblemAsync(400);

        var errors = problem.GetProperty("errors").EnumerateObject().ToList();
        Assert.Contains(errors, e => e.Name.StartsWith(field, StringComparison.OrdinalIgnoreCase)
            && e.Value.EnumerateArray().Any(m => m.GetString()!.Contains(message, StringComparison.Ordinal)));
        Assert.Equal(before.GetProperty("version").GetInt64(), (await ReadAsync(url)).GetProperty("version").GetInt64());
    }
}
