namespace Consultation.Tests.Positions;

/// <summary>A write answers with the position as it wrote it (no read-back): byte for byte what a read right after returns.</summary>
public sealed class PositionWriteAnswerTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    [Fact]
    public async Task Every_write_answers_exactly_what_a_read_after_it_returns()
    {
        var (process, _) = await _secretariat.OpenStocktakingAsync("sovereignty");
        var url = $"/processes/{process}/issues/sovereignty/positions/MEX";
        var statement = new
        {
            stakeholder = "MEX",
            stance = 1,
            conditions = "if national sovereignty is respected",
            summary = "Supports the cooperative framework",
            quote = "Apoyamos un pacto cooperativo",
            quoteLanguage = "es",
            meeting = "stocktaking-2017",
            documentReference = "Closing statement, para. 12",
            statedOn = "2017-12-04",
        };

        await AssertAnswerIsTheRecordAsync(await _secretariat.Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", statement), url, HttpStatusCode.Created);
        await AssertAnswerIsTheRecordAsync(
            await _secretariat.UpdateAsync(url, "revise", new { stance = -1, summary = "Now has reservations", meeting = "stocktaking-2017", statedOn = "2017-12-05", reason = "New instructions" }), url);
        await AssertAnswerIsTheRecordAsync(
            await _secretariat.UpdateAsync(url, "correct", new { stance = -2, summary = "Opposes", meeting = "stocktaking-2017", statedOn = "2017-12-05", reason = "Entered wrong" }), url);
        await AssertAnswerIsTheRecordAsync(
            await _secretariat.UpdateAsync(url, "withdraw", new { meeting = "stocktaking-2017", withdrawnOn = "2017-12-06", reason = "Awaiting instructions" }), url);
        await AssertAnswerIsTheRecordAsync(
            await _secretariat.Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", statement with { statedOn = "2017-12-06" }), url, HttpStatusCode.Created);
    }

    private async Task AssertAnswerIsTheRecordAsync(HttpResponseMessage answer, string url, HttpStatusCode status = HttpStatusCode.OK)
    {
        Assert.True(answer.StatusCode == status, $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        using var read = await _secretariat.Client.GetAsync(url);
        Assert.Equal(read.Headers.ETag?.Tag, answer.Headers.ETag?.Tag);
        Assert.Equal(await read.Content.ReadAsStringAsync(), await answer.Content.ReadAsStringAsync());
    }
}
