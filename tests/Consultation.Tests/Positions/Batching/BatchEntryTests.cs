using Consultation.Infrastructure.Idempotency;
using Consultation.Positions;
using Consultation.Positions.Batching;
using Consultation.Tests.Idempotency;
using Npgsql;

namespace Consultation.Tests.Positions.Batching;

/// <summary><c>POST /processes/{process}/positions/batch</c>: per-item errors by index, all or nothing, idempotent.</summary>
public sealed class BatchEntryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    /// <summary>A batch item as the body of the single-position endpoint, which takes the issue from its route (and refuses unknown fields).</summary>
    private static Dictionary<string, object?> Single(Dictionary<string, object?> item)
    {
        item.Remove("issue");
        return item;
    }

    private static Dictionary<string, object?> Item(string issue = "sovereignty", string stakeholder = "MEX", int stance = 1, string statedOn = "2017-12-05", string meeting = "stocktaking-2017", string? onBehalfOf = null) => new()
    {
        ["issue"] = issue,
        ["stakeholder"] = stakeholder,
        ["onBehalfOf"] = onBehalfOf,
        ["stance"] = stance,
        ["summary"] = $"{stakeholder} on {issue}",
        ["meeting"] = meeting,
        ["statedOn"] = statedOn,
    };

    private static string BatchUrl(string process) => $"/processes/{process}/positions/batch";

    private static string PositionUrl(string process, string issue, string stakeholder) => $"/processes/{process}/issues/{issue}/positions/{stakeholder}";

    private async Task<string> OpenAsync(params string[] issues)
    {
        var (process, _) = await _secretariat.OpenStocktakingAsync(issues.Length == 0 ? ["sovereignty", "human-rights"] : issues);
        foreach (var key in new[] { "ECU", "THA", "ZAF" })
        {
            await _secretariat.EnsureStakeholderAsync(key);
            await _secretariat.EnsureParticipantAsync(process, "stocktaking-2017", key);
        }

        return process;
    }

    /// <summary>SQL condition: the event belongs to a position stream (<c>process/issue/stakeholder</c>) of the process.</summary>
    private const string PositionStreamsOf = "stream_id like @process || '/%/%'";

    /// <summary>Events of the process's position streams only (its meeting's stream shares the prefix).</summary>
    private static async Task<long> CountEventsOfAsync(ApiFactory api, string process)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {api.Schema}.mt_events where {PositionStreamsOf}", connection);
        command.Parameters.AddWithValue("process", process);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_batch_states_every_position_and_answers_their_keys_and_versions()
    {
        var process = await OpenAsync();
        await _secretariat.EnsureStakeholderAsync("grulac", kind: "GroupOrBloc", name: "Latin American and Caribbean Group");
        await _secretariat.EnsureAccreditedAsync("grulac", process);

        var response = await Client.PostJsonAsync(BatchUrl(process), new
        {
            items = new[] { Item(), Item(issue: "human-rights", stance: -1), Item(stakeholder: "ECU", stance: 2), Item(issue: "human-rights", onBehalfOf: "grulac") },
        });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var written = await response.ReadAsync<StatePositionsInBatch.Written>();
        Assert.Equal(
            [$"{process}/sovereignty/MEX", $"{process}/human-rights/MEX", $"{process}/sovereignty/ECU", $"{process}/human-rights/grulac"],
            written.Positions.Select(p => p.Key));
        Assert.All(written.Positions, p => Assert.Equal(1, p.Version));
        Assert.Equal([0, 1, 2, 3], written.Positions.Select(p => p.Index));
        var ecuador = await (await Client.GetAsync(written.Positions[2].Location)).ReadAsync<PositionDetails>();
        Assert.Equal(2, ecuador.Stance);
        Assert.Equal("MEX", (await (await Client.GetAsync(PositionUrl(process, "human-rights", "grulac"))).ReadAsync<PositionDetails>()).SpokenBy);
        Assert.Equal(4, await CountEventsOfAsync(api, process));
    }

    [Fact]
    public async Task Malformed_items_are_all_reported_by_index_and_nothing_is_written()
    {
        var process = await OpenAsync();
        var bad = Item(stakeholder: "ECU", stance: 5);
        var worse = Item(stakeholder: "THA");
        worse["meeting"] = "Stocktaking 2017";
        worse["statedOn"] = null;
        worse["quote"] = "Nous soutenons";

        var problem = await (await Client.PostJsonAsync(BatchUrl(process), new { items = new object?[] { Item(), bad, worse, null } })).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor("items[1].stance"));
        Assert.NotEmpty(problem.ErrorsFor("items[2].meeting"));
        Assert.NotEmpty(problem.ErrorsFor("items[2].statedOn"));
        Assert.NotEmpty(problem.ErrorsFor("items[2].quoteLanguage"));
        Assert.NotEmpty(problem.ErrorsFor("items[3]"));
        Assert.DoesNotContain(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("items[0]", StringComparison.Ordinal));
        Assert.Equal(0, await CountEventsOfAsync(api, process));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(StatePositionsInBatch.MaxItems + 1)]
    public async Task A_batch_holds_one_to_500_items(int count)
    {
        var process = await OpenAsync();

        var problem = await (await Client.PostJsonAsync(BatchUrl(process), new { items = Enumerable.Range(0, count).Select(_ => Item()).ToArray() })).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor("items"));
        await (await Client.PostRawAsync(BatchUrl(process), "{}")).AssertProblemAsync(400);
    }

    [Fact]
    public async Task Broken_rules_are_reported_for_every_item_by_index_and_nothing_is_written()
    {
        var process = await OpenAsync("sovereignty", "human-rights", "retired");
        await _secretariat.RetireIssueAsync(process, "retired");
        Assert.Equal(HttpStatusCode.Created, (await Client.PostJsonAsync($"/processes/{process}/issues/human-rights/positions", Single(Item()))).StatusCode);
        await _secretariat.EnsureStakeholderAsync("ARG");
        await _secretariat.EnsureStakeholderAsync("picum", kind: "CivilSociety", name: "Platform for International Cooperation on Undocumented Migrants");
        await _secretariat.EnsureParticipantAsync(process, "stocktaking-2017", "picum");
        var before = await api.CountEventsAsync();

        var response = await Client.PostJsonAsync(BatchUrl(process), new
        {
            items = new[]
            {
                Item(),                                     // 0: fine on its own
                Item(issue: "missing"),                     // 1: unknown issue
                Item(stakeholder: "XYZ"),                   // 2: unknown stakeholder
                Item(stakeholder: "ECU", meeting: "nowhere"), // 3: unknown meeting
                Item(issue: "retired"),                     // 4: retired issue
                Item(stakeholder: "THA", statedOn: "2017-12-07"), // 5: outside the meeting
                Item(issue: "human-rights"),                // 6: already standing
                Item(stance: -2),                           // 7: same position as item 0
                Item(stakeholder: "ZAF"),                   // 8: fine on its own
                Item(stakeholder: "picum"),                 // 9: not accredited to the process
                Item(stakeholder: "ARG"),                   // 10: not at the meeting
            },
        });

        var problem = await response.AssertProblemAsync(422);
        Assert.Equal("9 of 11 items cannot be stated (see 'errors', by item index); nothing of the batch was written.", problem.GetProperty("detail").GetString());
        Assert.Equal("Items of the batch break the record's rules.", problem.GetProperty("title").GetString());
        Assert.Equal(
            ["items[10]", "items[1]", "items[2]", "items[3]", "items[4]", "items[5]", "items[6]", "items[7]", "items[9]"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("Issue", problem.ErrorsFor("items[1]").Single());
        Assert.Contains("XYZ", problem.ErrorsFor("items[2]").Single());
        Assert.Contains("nowhere", problem.ErrorsFor("items[3]").Single());
        Assert.Contains("retired", problem.ErrorsFor("items[4]").Single());
        Assert.Contains("must fall within meeting", problem.ErrorsFor("items[5]").Single());
        Assert.Contains("already has a position", problem.ErrorsFor("items[6]").Single());
        Assert.Contains("items[0]", problem.ErrorsFor("items[7]").Single());
        Assert.Contains($"'picum' (CivilSociety) was not entitled to take part in process '{process}' on 2017-12-05", problem.ErrorsFor("items[9]").Single());
        Assert.Contains("'ARG' is not a registered participant of meeting", problem.ErrorsFor("items[10]").Single());
        Assert.Equal(before, await api.CountEventsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(PositionUrl(process, "sovereignty", "MEX"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(PositionUrl(process, "sovereignty", "ZAF"))).StatusCode);
    }

    [Fact]
    public async Task An_unknown_process_is_404_for_the_whole_batch() =>
        await (await Client.PostJsonAsync(BatchUrl("no-such-process"), new { items = new[] { Item() } })).AssertProblemAsync(404);

    [Fact]
    public async Task A_withdrawn_position_can_be_stated_again_in_a_batch()
    {
        var process = await OpenAsync();
        var url = PositionUrl(process, "sovereignty", "MEX");
        Assert.Equal(HttpStatusCode.Created, (await Client.PostJsonAsync($"/processes/{process}/issues/sovereignty/positions", Single(Item(statedOn: "2017-12-04")))).StatusCode);
        await _secretariat.UpdateOkAsync(url, "withdraw", new { meeting = "stocktaking-2017", withdrawnOn = "2017-12-05", reason = "Awaiting instructions" });

        var response = await Client.PostJsonAsync(BatchUrl(process), new { items = new[] { Item(stance: 2, statedOn: "2017-12-06"), Item(stakeholder: "ECU") } });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var written = await response.ReadAsync<StatePositionsInBatch.Written>();
        Assert.Equal([3, 1], written.Positions.Select(p => p.Version));
        Assert.Equal("\"3\"", await _secretariat.ETagAsync(url));
    }

    [Fact]
    public async Task A_concurrent_write_to_one_stream_rolls_the_whole_batch_back()
    {
        var process = await OpenAsync();
        var contested = $"{process}/sovereignty/ZAF";
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var claim = new NpgsqlCommand($"insert into {api.Schema}.mt_streams (id, type, version) values (@id, 'position', 0)", connection, transaction))
        {
            // Someone else starts the stream of item 2 and has not committed yet.
            claim.Parameters.AddWithValue("id", contested);
            await claim.ExecuteNonQueryAsync();
        }

        var batch = Client.PostJsonAsync(BatchUrl(process), new { items = new[] { Item(), Item(stakeholder: "ECU"), Item(stakeholder: "ZAF"), Item(stakeholder: "THA") } });
        await WaitUntilBlockedAsync(api.Schema, batch);
        await transaction.CommitAsync();

        var problem = await (await batch).AssertProblemAsync(409);
        Assert.Contains("nothing of the batch was written", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await CountEventsOfAsync(api, process));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(PositionUrl(process, "sovereignty", "MEX"))).StatusCode);
    }

    /// <summary>Waits until the batch's transaction waits for the other one's lock on the stream.</summary>
    private static async Task WaitUntilBlockedAsync(string schema, Task request)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        for (var attempt = 0; attempt < 200 && !request.IsCompleted; attempt++)
        {
            await using var command = new NpgsqlCommand("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike @schema", connection);
            command.Parameters.AddWithValue("schema", $"%{schema}%");
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The batch never waited for the concurrent writer.");
    }

    [Fact]
    public async Task Two_hundred_positions_are_written_in_one_transaction()
    {
        var issues = Enumerable.Range(1, 10).Select(i => $"issue-{i}").ToArray();
        var process = await OpenAsync(issues);
        var stakeholders = Enumerable.Range(0, 20).Select(i => $"delegation-{i}").ToArray();
        foreach (var stakeholder in stakeholders)
        {
            await _secretariat.EnsureStakeholderAsync(stakeholder, kind: "CivilSociety");
            await _secretariat.EnsureAccreditedAsync(stakeholder, process);
            await _secretariat.EnsureParticipantAsync(process, "stocktaking-2017", stakeholder);
        }

        var items = issues.SelectMany(issue => stakeholders.Select(s => Item(issue: issue, stakeholder: s, stance: s.Length % 5 - 2))).ToArray();
        var before = await api.CountEventsAsync();

        var response = await Client.PostJsonAsync(BatchUrl(process), new { items });

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.Equal(200, (await response.ReadAsync<StatePositionsInBatch.Written>()).Positions.Count);
        Assert.Equal(before + 200, await api.CountEventsAsync());
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        // xmin is the id of the transaction that inserted a row: one transaction wrote all 200 events.
        await using var command = new NpgsqlCommand($"select count(distinct xmin::text) from {api.Schema}.mt_events where {PositionStreamsOf}", connection);
        command.Parameters.AddWithValue("process", process);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_retried_batch_replays_its_answer_without_appending()
    {
        var process = await OpenAsync();
        var key = IdempotentRequests.NewKey();
        var body = new { items = new[] { Item(), Item(stakeholder: "ECU") } };

        var first = await Client.PostWithKeyAsync(BatchUrl(process), body, key);
        var retry = await Client.PostWithKeyAsync(BatchUrl(process), body, key);
        var other = await Client.PostWithKeyAsync(BatchUrl(process), new { items = new[] { Item(stakeholder: "THA") } }, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(["true"], retry.Headers.GetValues(IdempotencyFilter.ReplayedHeader));
        await other.AssertProblemAsync(422);
        Assert.Equal(2, await CountEventsOfAsync(api, process));

        // The key is scoped to the endpoint: the same key on stating one position is a new request.
        Assert.Equal(HttpStatusCode.Created, (await Client.PostWithKeyAsync($"/processes/{process}/issues/human-rights/positions", Single(Item()), key)).StatusCode);
    }

    [Fact]
    public async Task Concurrent_retries_of_one_batch_write_it_once()
    {
        var process = await OpenAsync();
        var key = IdempotentRequests.NewKey();
        var body = new { items = new[] { Item(), Item(stakeholder: "ECU"), Item(issue: "human-rights") } };

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Client.PostWithKeyAsync(BatchUrl(process), body, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single((await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()))).Distinct());
        Assert.Equal(3, await CountEventsOfAsync(api, process));
        var written = JsonDocument.Parse(await responses[0].Content.ReadAsStringAsync()).RootElement.GetProperty("positions");
        Assert.Equal(3, written.GetArrayLength());
    }
}
