using System.Text;
using System.Text.Json.Nodes;

namespace Consultation.Tests.Audit;

public sealed class AuditApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    private static object PositionBody(int stance = 1) => new
    {
        stakeholder = "MEX",
        stance,
        conditions = stance == 1 ? "if national sovereignty is respected" : null,
        summary = "Supports the cooperative framework",
        quote = "Apoyamos un pacto cooperativo",
        quoteLanguage = "es",
        meeting = "stocktaking-2017",
        documentReference = "Closing statement, para. 12",
        statedOn = "2017-12-05",
    };

    /// <summary>A process with a meeting and MEX's position stated (under a correlation id of ours) then revised with a reason.</summary>
    private async Task<(string Process, string PositionKey, string CorrelationId)> RecordAsync()
    {
        var (process, _) = await _secretariat.OpenStocktakingAsync("sovereignty");
        var correlation = $"audit-test-{Guid.NewGuid():N}";
        var request = new HttpRequestMessage(HttpMethod.Post, $"/processes/{process}/issues/sovereignty/positions")
        {
            Content = System.Net.Http.Json.JsonContent.Create(PositionBody(), options: HttpExtensions.Json),
        };
        request.Headers.Add("X-Correlation-Id", correlation);
        var stated = await Client.SendAsync(request);
        Assert.True(stated.StatusCode == HttpStatusCode.Created, await stated.Content.ReadAsStringAsync());
        await _secretariat.UpdateOkAsync(
            $"/processes/{process}/issues/sovereignty/positions/MEX",
            "revise",
            new { stance = -1, summary = "Now has reservations", meeting = "stocktaking-2017", statedOn = "2017-12-06", reason = "New instructions from the capital" });
        return (process, $"{process}/sovereignty/MEX", correlation);
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static string[] Keys(JsonElement items) => [.. items.EnumerateArray().Select(e => e.GetProperty("streamKey").GetString()!)];

    private static long[] Sequences(JsonElement items) => [.. items.EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64())];

    [Fact]
    public async Task A_streams_history_lists_every_event_in_order_with_who_why_and_payload()
    {
        var (_, key, correlation) = await RecordAsync();

        var history = await GetJsonAsync($"/audit/streams/{key}");

        var events = history.EnumerateArray().ToArray();
        Assert.Equal(2, events.Length);
        Assert.Equal([1L, 2L], events.Select(e => e.GetProperty("version").GetInt64()));
        Assert.True(events[0].GetProperty("sequence").GetInt64() < events[1].GetProperty("sequence").GetInt64());
        Assert.Equal(["position_stated", "position_revised"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.All(events, e => Assert.Equal(key, e.GetProperty("streamKey").GetString()));
        Assert.All(events, e => Assert.Equal(TestIdentity.DefaultUser, e.GetProperty("recordedBy").GetProperty("user").GetString()));
        Assert.All(events, e => Assert.Equal("secretariat", e.GetProperty("recordedBy").GetProperty("role").GetString()));
        Assert.All(events, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("causationId").GetString())));
        Assert.Equal(correlation, events[0].GetProperty("correlationId").GetString());
        Assert.NotEqual(correlation, events[1].GetProperty("correlationId").GetString());
        Assert.Equal(["StatePosition", "RevisePosition"], events.Select(e => e.GetProperty("command").GetString()));
        Assert.Equal(JsonValueKind.Null, events[0].GetProperty("reason").ValueKind);
        Assert.Equal("New instructions from the capital", events[1].GetProperty("reason").GetString());
        Assert.Equal("Apoyamos un pacto cooperativo", events[0].GetProperty("payload").GetProperty("content").GetProperty("quote").GetProperty("text").GetString());
        Assert.True(events[0].GetProperty("recordedAt").GetDateTimeOffset() <= events[1].GetProperty("recordedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Keys_with_colons_and_one_segment_keys_resolve_and_unknown_streams_are_404()
    {
        var (process, _, _) = await RecordAsync();

        Assert.Equal("process_launched", (await GetJsonAsync($"/audit/streams/{process}"))[0].GetProperty("type").GetString());
        Assert.Equal("meeting_scheduled", (await GetJsonAsync($"/audit/streams/{process}/stocktaking-2017"))[0].GetProperty("type").GetString());

        var problem = await (await Client.GetAsync($"/audit/streams/{process}/no-such:stream")).AssertProblemAsync(404);
        Assert.Contains("no-such:stream", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_global_log_filters_by_process_kind_type_user_and_time()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var (process, key, _) = await RecordAsync();

        var all = (await GetJsonAsync($"/audit/events?process={process}&limit=1000")).GetProperty("items");
        Assert.Contains(process, Keys(all));
        Assert.Contains(key, Keys(all));
        Assert.Contains($"{process}/stocktaking-2017", Keys(all));
        Assert.All(Keys(all), k => Assert.True(k == process || k.StartsWith(process + "/", StringComparison.Ordinal)));
        Assert.Equal(Sequences(all).Order(), Sequences(all));

        Assert.Equal([key, key], Keys((await GetJsonAsync($"/audit/events?process={process}&streamKind=position")).GetProperty("items")));
        Assert.Equal([process], Keys((await GetJsonAsync($"/audit/events?process={process}&streamKind=process")).GetProperty("items")).Distinct());
        Assert.Equal([$"{process}/stocktaking-2017"], Keys((await GetJsonAsync($"/audit/events?process={process}&streamKind=meeting")).GetProperty("items")).Distinct());
        Assert.Empty((await GetJsonAsync($"/audit/events?process={process}&streamKind=stakeholder")).GetProperty("items").EnumerateArray());
        var stakeholders = Keys((await GetJsonAsync("/audit/events?streamKind=stakeholder&limit=1000")).GetProperty("items"));
        Assert.Contains("MEX", stakeholders);
        Assert.DoesNotContain(process, stakeholders);

        Assert.Equal([key], Keys((await GetJsonAsync($"/audit/events?process={process}&type=position_revised")).GetProperty("items")));
        Assert.Equal([key], Keys((await GetJsonAsync($"/audit/events?process={process}&type=PositionRevised")).GetProperty("items")));

        Assert.Equal(all.GetArrayLength(), (await GetJsonAsync($"/audit/events?process={process}&user={TestIdentity.DefaultUser}&limit=1000")).GetProperty("items").GetArrayLength());
        Assert.Empty((await GetJsonAsync($"/audit/events?process={process}&user=someone-else")).GetProperty("items").EnumerateArray());

        var from = Uri.EscapeDataString(before.ToString("O"));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddSeconds(5).ToString("O"));
        Assert.Equal(all.GetArrayLength(), (await GetJsonAsync($"/audit/events?process={process}&from={from}&to={to}&limit=1000")).GetProperty("items").GetArrayLength());
        Assert.Empty((await GetJsonAsync($"/audit/events?process={process}&to={from}")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task The_global_log_pages_by_sequence_cursor()
    {
        var (process, _, _) = await RecordAsync();
        var all = Sequences((await GetJsonAsync($"/audit/events?process={process}&limit=1000")).GetProperty("items"));
        Assert.True(all.Length > 4);

        var paged = new List<long>();
        long? cursor = 0;
        var pages = 0;
        while (cursor is not null)
        {
            var page = await GetJsonAsync($"/audit/events?process={process}&limit=2&afterSequence={cursor}");
            var items = Sequences(page.GetProperty("items"));
            Assert.True(items.Length <= 2);
            paged.AddRange(items);
            var next = page.GetProperty("nextAfterSequence");
            cursor = next.ValueKind == JsonValueKind.Null ? null : next.GetInt64();
            if (cursor is not null)
            {
                Assert.Equal(items[^1], cursor);
            }

            pages++;
        }

        Assert.Equal(all, paged);
        Assert.Equal((all.Length + 1) / 2, pages);
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2017-13-45", "to")]
    [InlineData("from=2018-01-01T00:00:00Z&to=2017-01-01T00:00:00Z", "to")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("afterSequence=-1", "afterSequence")]
    [InlineData("streamKind=galaxy", "streamKind")]
    [InlineData("process=Not%20A%20Key", "process")]
    [InlineData("type=drop%20table", "type")]
    public async Task Bad_filters_get_400_naming_the_field(string query, string field)
    {
        var problem = await (await Client.GetAsync($"/audit/events?{query}")).AssertProblemAsync(400);
        Assert.NotEmpty(problem.ErrorsFor(field));

        var export = await Client.GetAsync($"/audit/export?format=csv&{query}&process=no-such-process");
        if (query == "limit=1001")
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode); // an export's limit is unbounded
        }
        else
        {
            Assert.NotEmpty((await export.AssertProblemAsync(400)).ErrorsFor(field));
        }
    }

    [Fact]
    public async Task An_export_in_an_unknown_format_gets_400_and_is_not_recorded()
    {
        var events = await api.CountEventsAsync();
        var problem = await (await Client.GetAsync("/audit/export?format=xml")).AssertProblemAsync(400);
        Assert.NotEmpty(problem.ErrorsFor("format"));
        Assert.Equal(events, await api.CountEventsAsync());
    }

    [Fact]
    public async Task An_ndjson_export_holds_the_filtered_log_and_is_recorded()
    {
        var (process, _, _) = await RecordAsync();
        var log = (await GetJsonAsync($"/audit/events?process={process}&limit=1000")).GetProperty("items");

        var response = await Client.GetAsync($"/audit/export?format=ndjson&process={process}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".ndjson", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(Sequences(log), rows.Select(r => r.GetProperty("sequence").GetInt64()));
        Assert.All(log.EnumerateArray().Zip(rows), pair => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(pair.First.GetRawText()), JsonNode.Parse(pair.Second.GetRawText())), pair.Second.GetRawText()));

        var recorded = await ExportRecordedAsync(process, "ndjson");
        Assert.Equal(rows.Length, recorded.GetProperty("payload").GetProperty("rows").GetInt64());
        Assert.True(recorded.GetProperty("payload").GetProperty("completed").GetBoolean());
        Assert.Equal(rows[0].GetProperty("sequence").GetInt64(), recorded.GetProperty("payload").GetProperty("firstSequence").GetInt64());
        Assert.Equal(TestIdentity.DefaultUser, recorded.GetProperty("recordedBy").GetProperty("user").GetString());
        Assert.Equal("RecordExport", recorded.GetProperty("command").GetString());
        Assert.False(string.IsNullOrEmpty(recorded.GetProperty("correlationId").GetString()));
    }

    [Fact]
    public async Task A_csv_export_has_a_header_and_quoted_fields_that_parse_back()
    {
        var (process, key, _) = await RecordAsync();
        var log = (await GetJsonAsync($"/audit/events?process={process}&limit=1000")).GetProperty("items");

        var response = await Client.GetAsync($"/audit/export?format=csv&process={process}&streamKind=position");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var records = ParseCsv(await response.Content.ReadAsStringAsync());
        Assert.Equal(
            ["sequence", "streamKey", "version", "type", "recordedAt", "user", "role", "displayName", "correlationId", "causationId", "command", "reason", "payload", "note"],
            records[0]);
        var rows = records.Skip(1).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.All(rows, r => Assert.Equal(14, r.Length));
        Assert.All(rows, r => Assert.Equal(string.Empty, r[13]));
        Assert.All(rows, r => Assert.Equal(TestIdentity.DefaultDisplayName, r[7]));
        Assert.All(rows, r => Assert.Equal(key, r[1]));
        Assert.Equal(["1", "2"], rows.Select(r => r[2]));
        Assert.Equal("position_revised", rows[1][3]);
        Assert.Equal("New instructions from the capital", rows[1][11]);
        var revised = log.EnumerateArray().Single(e => e.GetProperty("type").GetString() == "position_revised");
        Assert.Equal(revised.GetProperty("sequence").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), rows[1][0]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(revised.GetProperty("payload").GetRawText()), JsonNode.Parse(rows[1][12])));

        var recorded = await ExportRecordedAsync(process, "csv");
        Assert.Equal(2, recorded.GetProperty("payload").GetProperty("rows").GetInt64());
        Assert.Equal("position", recorded.GetProperty("payload").GetProperty("filter").GetProperty("streamKind").GetString());
    }

    /// <summary>
    /// An export larger than the writer's buffers (about 400 KB here) streams whole in either format: the server writes it
    /// asynchronously (Kestrel refuses synchronous writes and would cut the response off).
    /// </summary>
    [Theory]
    [InlineData("ndjson")]
    [InlineData("csv")]
    public async Task An_export_larger_than_the_writers_buffers_arrives_whole(string format)
    {
        var process = await _secretariat.LaunchProcessAsync();
        var items = Enumerable.Range(0, 40).Select(i => new { issue = $"issue-{i}", title = $"Issue {i}", description = new string('d', 10_000) + i }).ToArray();
        var tabled = await Client.PostJsonAsync($"/processes/{process}/issues/batch", new { items });
        Assert.True(tabled.StatusCode == HttpStatusCode.OK, await tabled.Content.ReadAsStringAsync());

        var response = await Client.GetAsync($"/audit/export?format={format}&process={process}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(body.Length > 400_000, $"{body.Length} characters");
        var last = format == "csv" ? ParseCsv(body)[^1][12] : JsonDocument.Parse(body.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement.GetProperty("payload").GetRawText();
        Assert.EndsWith(new string('d', 100) + "39", JsonNode.Parse(last)!["description"]!.GetValue<string>());
    }

    private async Task<JsonElement> ExportRecordedAsync(string process, string format)
    {
        var exports = await GetJsonAsync("/audit/streams/audit:exports");
        var recorded = exports.EnumerateArray().Last(e =>
            e.GetProperty("payload").GetProperty("filter").GetProperty("process").GetString() == process
            && e.GetProperty("payload").GetProperty("format").GetString() == format);
        Assert.Equal("audit_exported", recorded.GetProperty("type").GetString());
        Assert.Single((await GetJsonAsync($"/audit/events?streamKind=audit&type=AuditExported&afterSequence={recorded.GetProperty("sequence").GetInt64() - 1}&limit=1")).GetProperty("items").EnumerateArray());
        return recorded;
    }

    /// <summary>An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<string[]> ParseCsv(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.Empty(fields);
        Assert.Equal(0, field.Length);
        return records;
    }
}
