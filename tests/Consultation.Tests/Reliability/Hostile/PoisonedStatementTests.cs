using System.Collections.Concurrent;
using Consultation.Audit.Listing;
using Consultation.Infrastructure.Http;
using Consultation.Infrastructure.Security;
using Consultation.Stakeholders.Listing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Reliability.Hostile;

/// <summary>
/// Text PostgreSQL refuses, sent past the HTTP door (straight to the handlers, as a command from elsewhere would), in many
/// statement shapes, interleaved with other users' ordinary requests over HTTP on the same connection pool. Before the guard, a
/// refusal at Bind in the round trip that auto-prepared the statement left the pooled connection believing the statement
/// returns no rows (an Npgsql 10.0.3 bug), and the next user of that SQL on that connection got a 500 ("Received unexpected
/// backend message DataRow"). Now the hostile values stop before they are sent, and the ordinary requests all succeed.
/// </summary>
public sealed class PoisonedStatementTests(PoisonedStatementTests.SmallPoolApiFactory api) : IClassFixture<PoisonedStatementTests.SmallPoolApiFactory>
{
    private const int Rounds = 20;

    private static readonly string[] Kinds = ["stakeholder", "process", "meeting", "position", "area", "settings", "audit", "reserved"];

    [Fact]
    public async Task Statements_refused_for_unstorable_text_never_fail_other_users_requests()
    {
        var registrar = api.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await registrar.PostJsonAsync("/stakeholders", new { key = $"poison-probe-{i}", kind = "CivilSociety", name = $"Probe {i}" })).StatusCode);
        }

        var reader = api.CreateClient().Authorize(TestIdentity.Token("reader", [Roles.Auditor], ["*"]));
        var failures = new ConcurrentBag<string>();
        var refusals = new ConcurrentBag<string>();

        // Each shape is its own SQL text, so each is auto-prepared on each pooled connection at its fifth use there, whichever
        // request that is: half of the uses are hostile, so some preparation round trips are hostile ones.
        List<Shape> shapes =
        [
            .. Kinds.Select(kind => new Shape($"/audit/events?user=alice&streamKind={kind}", m => m.Send(new ListEvents.Query { User = "al\0ice", StreamKind = kind }).AsTask())),
            new("/audit/events?user=alice&type=stakeholder_registered", m => m.Send(new ListEvents.Query { User = "al\0ice", Type = "stakeholder_registered" }).AsTask()),
            new("/stakeholders?search=probe", m => m.Send(new ListStakeholders.Query(null, null, "pro\0be", 1, 50)).AsTask()),
            new("/stakeholders?search=probe&kind=CivilSociety", m => m.Send(new ListStakeholders.Query("CivilSociety", null, "pro\uD800be", 1, 50)).AsTask()),
        ];

        await Task.WhenAll(shapes.Select(shape => Task.Run(async () =>
        {
            for (var round = 0; round < Rounds; round++)
            {
                if (round % 2 == 1)
                {
                    await using var scope = api.Services.CreateAsyncScope();
                    try
                    {
                        await shape.Hostile(scope.ServiceProvider.GetRequiredService<IMediator>());
                        failures.Add($"hostile value accepted on {shape.Normal}");
                    }
                    catch (Exception e)
                    {
                        refusals.Add(UnstorableText.IsInChain(e) is null ? e.GetType().Name : nameof(UnstorableText));
                    }
                }
                else
                {
                    var response = await reader.GetAsync(shape.Normal);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Add($"{shape.Normal}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                }
            }
        })));

        Assert.Empty(failures);
        Assert.Equal(Enumerable.Repeat(nameof(UnstorableText), shapes.Count * Rounds / 2), refusals);
    }

    /// <summary>A pool of three connections, so that each statement shape is used often enough on each to be auto-prepared there.</summary>
    public sealed class SmallPoolApiFactory : ReliabilityApiFactory
    {
        protected override async Task<string> DatabaseAsync() => $"{await base.DatabaseAsync()};Maximum Pool Size=3";
    }

    private sealed record Shape(string Normal, Func<IMediator, Task> Hostile);
}
