using Consultation.Infrastructure.Idempotency;
using Consultation.Positions;
using Consultation.Positions.Batching;
using Consultation.Tests.Idempotency;
using Npgsql;

namespace Consultation.Tests.Positions.Batching;

/// <summary><c>POST /processes/{process}/positions/changes/batch</c>: revisions, corrections and withdrawals of standing positions, all or nothing.</summary>
public sealed class ChangeBatchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly PositionSteps _steps = new(api.CreateClient());

    private HttpClient Client => _steps.Client;

    private static string Url(string process) => $"/processes/{process}/positions/changes/batch";

    private static object Revise(string stakeholder, int stance, string issue = "sovereignty", long? expectedVersion = null, string statedOn = "2017-12-05") => new
    {
        issue,
        stakeholder,
        expectedVersion,
        revise = new { stance, summary = $"Now {stance}", meeting = "stocktaking-2017", statedOn, reason = "New instructions" },
    };

    private static object Correct(string stakeholder, int stance, string issue = "sovereignty") =>
        new { issue, stakeholder, correct = new { stance, reason = "Entered wrong" } };

    private static object Withdraw(string stakeholder, string issue = "sovereignty") =>
        new { issue, stakeholder, withdraw = new { meeting = "stocktaking-2017", withdrawnOn = "2017-12-06", reason = "Awaiting instructions" } };

    /// <summary>A process whose MEX, ECU and THA positions on sovereignty stand at version 1 (stated on 4 December, stance +1).</summary>
    private async Task<string> StandingAsync()
    {
        var process = await _steps.OpenAsync("sovereignty", "human-rights");
        foreach (var stakeholder in new[] { "MEX", "ECU", "THA" })
        {
            await _steps.Secretariat.EnsureStakeholderAsync(stakeholder);
            await _steps.StateAsync(process, "sovereignty", stakeholder, 1);
        }

        return process;
    }

    private async Task<PositionDetails> PositionAsync(string process, string stakeholder, string issue = "sovereignty") =>
        await (await Client.GetAsync(PositionSteps.PositionUrl(process, issue, stakeholder))).ReadAsync<PositionDetails>();

    [Fact]
    public async Task A_batch_revises_corrects_and_withdraws_and_answers_the_new_versions()
    {
        var process = await StandingAsync();
        var before = await api.CountEventsAsync();

        var response = await Client.PostJsonAsync(Url(process), new { items = new[] { Revise("MEX", -1, expectedVersion: 1), Correct("ECU", 2), Withdraw("THA") } });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var written = await response.ReadAsync<ChangePositionsInBatch.Written>();
        Assert.Equal(["revise", "correct", "withdraw"], written.Positions.Select(p => p.Change));
        Assert.Equal([2L, 2, 2], written.Positions.Select(p => p.Version));
        Assert.Equal(before + 3, await api.CountEventsAsync());
        Assert.Equal(-1, (await PositionAsync(process, "MEX")).Stance);
        Assert.Equal(2, (await PositionAsync(process, "ECU")).Stance);
        Assert.Equal(PositionStatus.Withdrawn, (await PositionAsync(process, "THA")).Status);
        Assert.Equal("\"2\"", await _steps.Secretariat.ETagAsync(written.Positions[0].Location));
    }

    [Fact]
    public async Task Malformed_items_are_all_reported_by_index_and_field_and_nothing_is_written()
    {
        var process = await StandingAsync();
        var before = await api.CountEventsAsync();

        var problem = await (await Client.PostJsonAsync(Url(process), new
        {
            items = new object?[]
            {
                Correct("MEX", 0),                                                                        // 0: fine
                new { issue = "sovereignty", stakeholder = "ECU", correct = new { stance = 1, reason = "r" }, withdraw = new { meeting = "stocktaking-2017", withdrawnOn = "2017-12-06", reason = "r" } }, // 1: two changes
                new { issue = "sovereignty", stakeholder = "THA", revise = new { stance = 9, summary = "s", meeting = "stocktaking-2017", statedOn = "2017-12-05" } }, // 2: stance, no reason
                null,                                                                                     // 3: missing
                new { issue = "sovereignty", stakeholder = "not a key", expectedVersion = 0, correct = new { stance = 1, reason = "r" } }, // 4: key, version
            },
        })).AssertProblemAsync(400);

        Assert.Contains("exactly one change", problem.ErrorsFor("items[1]").Single(), StringComparison.Ordinal);
        Assert.NotEmpty(problem.ErrorsFor("items[2].revise.stance"));
        Assert.NotEmpty(problem.ErrorsFor("items[2].revise.reason"));
        Assert.NotEmpty(problem.ErrorsFor("items[3]"));
        Assert.NotEmpty(problem.ErrorsFor("items[4].stakeholder"));
        Assert.NotEmpty(problem.ErrorsFor("items[4].expectedVersion"));
        Assert.DoesNotContain(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("items[0]", StringComparison.Ordinal));
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task Refused_items_are_all_reported_by_index_and_nothing_is_written()
    {
        var process = await StandingAsync();
        await _steps.WithdrawAsync(process, "sovereignty", "THA", "2017-12-05");
        var before = await api.CountEventsAsync();

        var response = await Client.PostJsonAsync(Url(process), new
        {
            items = new[]
            {
                Correct("MEX", 0),                              // 0: fine on its own
                Revise("ECU", -2, expectedVersion: 5),          // 1: stale expected version
                Revise("ZAF", 1),                               // 2: no such position
                Revise("MEX", 2),                               // 3: same position as item 0
                Revise("THA", 2, expectedVersion: 2),           // 4: withdrawn
                Revise("ECU", -2, issue: "human-rights"),       // 5: no such position
            },
        });

        var problem = await response.AssertProblemAsync(422);
        Assert.Equal(
            ["items[1]", "items[2]", "items[3]", "items[4]", "items[5]"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("is at version 1, not 5", problem.ErrorsFor("items[1]").Single(), StringComparison.Ordinal);
        Assert.Contains("does not exist", problem.ErrorsFor("items[2]").Single(), StringComparison.Ordinal);
        Assert.Contains("items[0]", problem.ErrorsFor("items[3]").Single(), StringComparison.Ordinal);
        Assert.Contains("withdrawn", problem.ErrorsFor("items[4]").Single(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("5 of 6 items", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
        Assert.Equal(1, (await PositionAsync(process, "MEX")).Stance);
    }

    [Fact]
    public async Task A_position_changed_by_someone_else_before_the_save_refuses_the_whole_batch()
    {
        var process = await StandingAsync();
        var contested = Position.KeyFor(process, "sovereignty", "ECU");
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var other = api.Store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction, false)))
        {
            // Another writer corrects ECU's position and has not committed yet; the batch names no expectedVersion.
            var stream = await other.Events.FetchForWriting<Position>(contested);
            stream.AppendOne(new PositionCorrected(contested, stream.Aggregate!.Content! with { Stance = -2 }, "Someone else's correction"));
            await other.SaveChangesAsync();
        }

        var before = await api.CountEventsAsync();
        var batch = Client.PostJsonAsync(Url(process), new { items = new[] { Correct("MEX", 0), Correct("ECU", 2), Correct("THA", -1) } });
        await LockWaits.WaitUntilBlockedAsync(api.Schema, batch);
        await transaction.CommitAsync();

        var problem = await (await batch).AssertProblemAsync(409);
        Assert.Contains("nothing of the batch was written", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await api.CountEventsAsync());
        Assert.Equal(1, (await PositionAsync(process, "MEX")).Stance);
        Assert.Equal(-2, (await PositionAsync(process, "ECU")).Stance);
    }

    [Fact]
    public async Task An_unknown_process_is_404_for_the_whole_batch() =>
        await (await Client.PostJsonAsync(Url("no-such-process"), new { items = new[] { Correct("MEX", 0) } })).AssertProblemAsync(404);

    [Fact]
    public async Task A_retried_batch_replays_its_answer_without_writing()
    {
        var process = await StandingAsync();
        var key = IdempotentRequests.NewKey();
        var body = new { items = new[] { Correct("MEX", 2), Revise("ECU", 0) } };

        var first = await Client.PostWithKeyAsync(Url(process), body, key);
        var afterFirst = await api.CountEventsAsync();
        var retry = await Client.PostWithKeyAsync(Url(process), body, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(["true"], retry.Headers.GetValues(IdempotencyFilter.ReplayedHeader));
        Assert.Equal(afterFirst, await api.CountEventsAsync());
        Assert.Equal(2, (await PositionAsync(process, "MEX")).Stance);
    }

    [Fact]
    public async Task A_retry_whose_first_answer_was_never_recorded_answers_it_from_the_key_and_writes_nothing()
    {
        var process = await StandingAsync();
        var body = new { items = new[] { Correct("MEX", 2), Revise("ECU", 0), Withdraw("THA") } };

        var (first, retry, written) = await Client.RetryAfterUnrecordedAnswerAsync(api, Url(process), body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(["true"], retry.Headers.GetValues(IdempotencyFilter.ReplayedHeader));
        Assert.Equal(0, written);
    }

    /// <summary>
    /// A process where 24 accredited civil-society organisations each stated +1 on sovereignty at the stocktaking meeting, through
    /// the registry, participant and statement batches; their keys.
    /// </summary>
    private async Task<(string Process, string[] Keys)> ManyStandingAsync()
    {
        var process = await _steps.OpenAsync("sovereignty", "human-rights");
        var keys = Enumerable.Range(0, 24).Select(i => $"cso{i:00}-{Guid.NewGuid():N}"[..14]).ToArray();
        var registered = await Client.PostJsonAsync("/stakeholders/batch", new
        {
            items = keys.Select(key => (object)new { register = new { key, kind = "CivilSociety", name = $"Organisation {key}" } })
                .Concat(keys.Select(key => (object)new { key, accredit = new { process, accreditedOn = "2017-04-06", reason = "Takes part" } })).ToArray(),
        });
        Assert.True(registered.StatusCode == HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        var participants = await Client.PostJsonAsync($"/processes/{process}/meetings/stocktaking-2017/participants/batch", new
        {
            items = keys.Select(stakeholder => new { stakeholder, role = "Speaker" }).ToArray(),
        });
        Assert.True(participants.StatusCode == HttpStatusCode.OK, await participants.Content.ReadAsStringAsync());
        var stated = await Client.PostJsonAsync($"/processes/{process}/positions/batch", new
        {
            items = keys.Select(stakeholder => new { issue = "sovereignty", stakeholder, stance = 1, summary = "Supports", meeting = "stocktaking-2017", statedOn = "2017-12-04" }).ToArray(),
        });
        Assert.True(stated.StatusCode == HttpStatusCode.Created, await stated.Content.ReadAsStringAsync());
        return (process, keys);
    }

    [Fact]
    public async Task A_batch_changing_many_positions_some_refused_answers_every_refusal_by_index_and_writes_nothing()
    {
        var (process, keys) = await ManyStandingAsync();
        await _steps.WithdrawAsync(process, "sovereignty", keys[23], "2017-12-05");
        var before = await api.CountEventsAsync();
        var items = new List<object>();
        for (var i = 0; i < 23; i++)
        {
            items.Add((i % 3) switch
            {
                0 => Revise(keys[i], -1, expectedVersion: 1),
                1 => Correct(keys[i], 2),
                _ => Withdraw(keys[i]),
            });
        }

        items[4] = Revise(keys[4], 0, expectedVersion: 3);                                    // stale
        items[9] = Revise(keys[9], 0, issue: "human-rights");                                 // no such position
        items[13] = Correct(keys[1], 0);                                                      // the position of item 1 again
        items[17] = new { issue = "sovereignty", stakeholder = keys[17], correct = new { stance = 0, statement = "s1", reason = "r" } }; // a statement the kept meeting never heard
        items.Add(Revise(keys[23], 2, expectedVersion: 2));                                    // 23: withdrawn
        items.Add(Revise("nobody-here", 2));                                                   // 24: no such stakeholder's position

        var problem = await (await Client.PostJsonAsync(Url(process), new { items })).AssertProblemAsync(422);

        Assert.Equal(
            ["items[13]", "items[17]", "items[23]", "items[24]", "items[4]", "items[9]"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal($"Position '{process}/sovereignty/{keys[4]}' is at version 1, not 3: it changed since you read it. Fetch it again and retry.", problem.ErrorsFor("items[4]").Single());
        Assert.Equal($"Position '{process}/human-rights/{keys[9]}' does not exist.", problem.ErrorsFor("items[9]").Single());
        Assert.Equal($"The position '{process}/sovereignty/{keys[1]}' is already changed by items[1]; a batch changes each position once. Send this change in another batch.", problem.ErrorsFor("items[13]").Single());
        Assert.Equal($"Statement '{process}/stocktaking-2017/s1' does not exist.", problem.ErrorsFor("items[17]").Single());
        Assert.Equal($"The position '{process}/sovereignty/{keys[23]}' was withdrawn on 2017-12-05; state it again instead.", problem.ErrorsFor("items[23]").Single());
        Assert.Equal($"Position '{process}/sovereignty/nobody-here' does not exist.", problem.ErrorsFor("items[24]").Single());
        Assert.Equal("6 of 25 items cannot be written (see 'errors', by item index); nothing of the batch was written.", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await api.CountEventsAsync());
    }

    [Fact]
    public async Task A_batch_changing_many_positions_answers_each_by_index_with_its_new_version()
    {
        var (process, keys) = await ManyStandingAsync();
        var items = keys.Select((key, i) => (i % 3) switch
        {
            0 => Revise(key, -1, expectedVersion: 1),
            1 => Correct(key, 2),
            _ => Withdraw(key),
        }).ToArray();

        var response = await Client.PostJsonAsync(Url(process), new { items });

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var written = await response.ReadAsync<ChangePositionsInBatch.Written>();
        Assert.Equal(Enumerable.Range(0, keys.Length), written.Positions.Select(p => p.Index));
        Assert.All(written.Positions, p => Assert.Equal(2, p.Version));
        Assert.Equal(keys.Select((_, i) => (i % 3) switch { 0 => "revise", 1 => "correct", _ => "withdraw" }), written.Positions.Select(p => p.Change));
        Assert.Equal(2, (await PositionAsync(process, keys[1])).Stance);
        Assert.Equal("stocktaking-2017", (await PositionAsync(process, keys[1])).Source.Meeting);
        Assert.Equal(PositionStatus.Withdrawn, (await PositionAsync(process, keys[2])).Status);
    }
}
