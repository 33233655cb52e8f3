using Consultation.Infrastructure.Idempotency;
using Consultation.Stakeholders;
using Consultation.Stakeholders.Batching;
using Consultation.Tests.Idempotency;
using Consultation.Tests.Security;
using Npgsql;

namespace Consultation.Tests.Stakeholders.Batching;

/// <summary><c>POST /stakeholders/batch</c>: registrations, memberships and accreditations in one all-or-nothing request.</summary>
public sealed class RegistryBatchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Url = "/stakeholders/batch";

    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    /// <summary>Keys no other test of the schema uses.</summary>
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static object Register(string key, string kind = "CivilSociety") => new { register = new { key, kind, name = $"Name of {key}" } };

    private static object Join(string key, string group, string joinedOn = "2017-01-01") => new { key, join = new { group, joinedOn } };

    private static object Leave(string key, string group, string leftOn = "2018-01-01") => new { key, group, leave = new { leftOn } };

    private static object Accredit(string key, string process, string accreditedOn = "2017-04-06") => new { key, accredit = new { process, accreditedOn } };

    private static object End(string key, string process, string endedOn = "2018-07-13") => new { key, process, endAccreditation = new { endedOn, reason = "Phase over" } };

    [Fact]
    public async Task A_batch_registers_and_builds_on_its_own_registrations_and_a_later_batch_on_those()
    {
        var process = await _secretariat.LaunchProcessAsync();
        var (cso, other, group) = (Unique("cso"), Unique("cso"), Unique("bloc"));
        var before = await api.CountEventsAsync();

        var first = await Client.PostJsonAsync(Url, new
        {
            items = new[] { Register(group, "GroupOrBloc"), Register(cso), Register(other), Join(cso, group), Accredit(cso, process) },
        });

        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var written = await first.ReadAsync<ChangeRegistryInBatch.Written>();
        Assert.Equal([0, 1, 2, 3, 4], written.Items.Select(i => i.Index));
        Assert.Equal(["register", "register", "register", "join", "accredit"], written.Items.Select(i => i.Change));
        Assert.Equal([group, cso, other, cso, cso], written.Items.Select(i => i.Key));
        Assert.Equal([1L, 1, 1, 2, 3], written.Items.Select(i => i.Version));
        Assert.Equal(before + 5, await api.CountEventsAsync());
        var details = await Client.DetailsOfAsync(cso);
        Assert.Equal(3, details.Version);
        Assert.Equal("\"3\"", await Client.ETagOfAsync(cso));

        // A second batch on what the first registered: memberships and accreditations, no If-Match.
        var second = await Client.PostJsonAsync(Url, new { items = new[] { Join(other, group, "2017-02-01"), Leave(cso, group), End(cso, process), Accredit(other, process) } });

        Assert.True(second.StatusCode == HttpStatusCode.OK, await second.Content.ReadAsStringAsync());
        Assert.Equal([2L, 4, 5, 3], (await second.ReadAsync<ChangeRegistryInBatch.Written>()).Items.Select(i => i.Version));
        Assert.Equal(before + 9, await api.CountEventsAsync());
        Assert.Equal([other], await Client.KeysAsync($"/stakeholders/{group}/members"));
    }

    [Fact]
    public async Task Malformed_items_are_all_reported_by_index_and_field_and_nothing_is_written()
    {
        var before = await api.CountEventsAsync();
        var cso = Unique("cso");

        var problem = await (await Client.PostJsonAsync(Url, new
        {
            items = new object?[]
            {
                Register(cso),                                                           // 0: fine
                new { register = new { key = Unique("x"), kind = "Club", name = "A club" } }, // 1: unknown kind
                new { key = cso, join = new { group = "Not A Slug" } },                  // 2: group not a key, no date
                new { key = cso, join = new { group = "g", joinedOn = "2017-01-01" }, accredit = new { process = "p", accreditedOn = "2017-01-01" } }, // 3: two changes
                new { key = cso, leave = new { leftOn = "2017-01-01" } },                // 4: no group to leave
                null,                                                                    // 5: missing
                new { key = "Not a key", accredit = new { process = "p", accreditedOn = "2017-01-01" } }, // 6: not a stakeholder key
            },
        })).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor("items[1].register.kind"));
        Assert.NotEmpty(problem.ErrorsFor("items[2].join.group"));
        Assert.NotEmpty(problem.ErrorsFor("items[2].join.joinedOn"));
        Assert.Contains("exactly one change", problem.ErrorsFor("items[3]").Single());
        Assert.NotEmpty(problem.ErrorsFor("items[4].group"));
        Assert.NotEmpty(problem.ErrorsFor("items[5]"));
        Assert.NotEmpty(problem.ErrorsFor("items[6].key"));
        Assert.DoesNotContain(problem.GetProperty("errors").EnumerateObject(), e => e.Name.StartsWith("items[0]", StringComparison.Ordinal));
        Assert.Equal(before, await api.CountEventsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/stakeholders/{cso}")).StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ChangeRegistryInBatch.MaxItems + 1)]
    public async Task A_batch_holds_one_to_a_thousand_items(int count)
    {
        var problem = await (await Client.PostJsonAsync(Url, new { items = Enumerable.Range(0, count).Select(i => Register($"c{i}")).ToArray() })).AssertProblemAsync(400);

        Assert.NotEmpty(problem.ErrorsFor("items"));
    }

    [Fact]
    public async Task Broken_rules_are_reported_for_every_item_by_index_and_nothing_is_written()
    {
        var process = await _secretariat.LaunchProcessAsync();
        var (member, cso, fresh) = (Unique("member"), Unique("cso"), Unique("cso"));
        await Client.RegisterOtherAsync(member, "CivilSociety", "A member");
        await Client.RegisterOtherAsync(cso, "CivilSociety", "Not a group");
        var before = await api.CountEventsAsync();

        var response = await Client.PostJsonAsync(Url, new
        {
            items = new[]
            {
                Register(fresh),                       // 0: fine on its own
                Register(member),                      // 1: already registered
                Register(process),                     // 2: the key of a process
                Join(member, Unique("nobody")),        // 3: no such group
                Join(member, cso),                     // 4: not a group
                Leave(member, cso),                    // 5: not a member
                Accredit(member, "no-such-process"),   // 6: no such process
                End(member, process),                  // 7: not accredited
                Accredit(Unique("ghost"), process),    // 8: no such stakeholder
                Register(fresh),                       // 9: registered by item 0
                Accredit(fresh, process),              // 10: fine, on item 0
            },
        });

        var problem = await response.AssertProblemAsync(422);
        Assert.Contains("9 of 11 items", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            ["items[1]", "items[2]", "items[3]", "items[4]", "items[5]", "items[6]", "items[7]", "items[8]", "items[9]"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("already registered", problem.ErrorsFor("items[1]").Single(), StringComparison.Ordinal);
        Assert.Contains("process", problem.ErrorsFor("items[2]").Single(), StringComparison.Ordinal);
        Assert.Contains("does not exist", problem.ErrorsFor("items[3]").Single(), StringComparison.Ordinal);
        Assert.Contains("has members", problem.ErrorsFor("items[4]").Single(), StringComparison.Ordinal);
        Assert.Contains("does not belong", problem.ErrorsFor("items[5]").Single(), StringComparison.Ordinal);
        Assert.Contains("no-such-process", problem.ErrorsFor("items[6]").Single(), StringComparison.Ordinal);
        Assert.Contains("not accredited", problem.ErrorsFor("items[7]").Single(), StringComparison.Ordinal);
        Assert.Contains("does not exist", problem.ErrorsFor("items[8]").Single(), StringComparison.Ordinal);
        Assert.Contains("already registered", problem.ErrorsFor("items[9]").Single(), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/stakeholders/{fresh}")).StatusCode);
    }

    [Fact]
    public async Task A_stakeholder_registered_by_someone_else_meanwhile_refuses_the_whole_batch()
    {
        var (first, contested, last) = (Unique("cso"), Unique("cso"), Unique("cso"));
        var before = await api.CountEventsAsync();
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var claim = new NpgsqlCommand($"insert into {api.Schema}.mt_streams (id, type, version) values (@id, 'stakeholder', 0)", connection, transaction))
        {
            // Someone else registers item 1's key and has not committed yet.
            claim.Parameters.AddWithValue("id", contested);
            await claim.ExecuteNonQueryAsync();
        }

        var batch = Client.PostJsonAsync(Url, new { items = new[] { Register(first), Register(contested), Register(last) } });
        await LockWaits.WaitUntilBlockedAsync(api.Schema, batch);
        await transaction.CommitAsync();

        var problem = await (await batch).AssertProblemAsync(409);
        Assert.Contains("nothing of the batch was written", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/stakeholders/{first}")).StatusCode);
    }

    [Fact]
    public async Task A_retried_batch_replays_its_answer_without_writing()
    {
        var (cso, other) = (Unique("cso"), Unique("cso"));
        var key = IdempotentRequests.NewKey();
        var body = new { items = new[] { Register(cso), Register(other) } };

        var first = await Client.PostWithKeyAsync(Url, body, key);
        var afterFirst = await api.CountEventsAsync();
        var retry = await Client.PostWithKeyAsync(Url, body, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(["true"], retry.Headers.GetValues(IdempotencyFilter.ReplayedHeader));
        Assert.Equal(afterFirst, await api.CountEventsAsync());
        // Without the key the same batch is a new request, and the record refuses registering the keys again.
        await (await Client.PostJsonAsync(Url, body)).AssertProblemAsync(422);
    }

    [Fact]
    public async Task Every_process_an_item_names_must_be_the_users()
    {
        var (mine, theirs) = (await _secretariat.LaunchProcessAsync(), await _secretariat.LaunchProcessAsync());
        var cso = Unique("cso");
        await Client.RegisterOtherAsync(cso, "CivilSociety", "A delegation");
        await Client.PostJsonAsync($"/stakeholders/{cso}/accreditations", new { process = theirs, accreditedOn = "2017-04-06" }, await Client.ETagOfAsync(cso));
        var clerk = api.CreateClient().Authorize(TestIdentity.Token("clerk-batch", [AccessMatrix.Secretariat], [mine]));
        var before = await api.CountEventsAsync();

        var accrediting = await clerk.PostJsonAsync(Url, new { items = new[] { Accredit(cso, mine), Accredit(cso, theirs) } });
        var ending = await clerk.PostJsonAsync(Url, new { items = new[] { End(cso, theirs) } });

        Assert.Contains($"'{theirs}'", (await accrediting.AssertProblemAsync(403)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await ending.AssertProblemAsync(403);
        Assert.Equal(before, await api.CountEventsAsync());
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostJsonAsync(Url, new { items = new[] { Accredit(cso, mine) } })).StatusCode);
    }

    [Fact]
    public async Task A_retry_whose_first_answer_was_never_recorded_answers_it_from_the_key_and_writes_nothing()
    {
        var cso = Unique("cso");
        var body = new { items = new[] { Register(cso), Accredit(cso, await _secretariat.LaunchProcessAsync()) } };

        var (first, retry, written) = await Client.RetryAfterUnrecordedAnswerAsync(api, Url, body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(["true"], retry.Headers.GetValues(IdempotencyFilter.ReplayedHeader));
        Assert.Equal(0, written);
    }
}
