using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Consultation.Positions.Revising;
using Consultation.Positions.Stating;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Benchmarks;

/// <summary>The four ways to write a position, from the physical floor up to the HTTP API.</summary>
public static class WriteTargets
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The floor: one INSERT of the event's JSON into a plain table, one implicit transaction, no reads.</summary>
    public static async Task<Operation> RawAsync(NpgsqlDataSource data, WriteFixture fixture)
    {
        await using (var create = data.CreateCommand(
            "create schema if not exists bench_raw; create table if not exists bench_raw.events (seq bigserial primary key, stream text not null, type text not null, data jsonb not null, at timestamptz not null default now())"))
        {
            await create.ExecuteNonQueryAsync();
        }

        return async (worker, sequence, ct) =>
        {
            var write = fixture.Next(worker, Workers, sequence);
            var e = write.Event;
            await using var insert = data.CreateCommand("insert into bench_raw.events (stream, type, data) values ($1, $2, $3::jsonb)");
            insert.Parameters.Add(new NpgsqlParameter { Value = write.Key });
            insert.Parameters.Add(new NpgsqlParameter { Value = e.GetType().Name });
            insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(e, e.GetType(), Json) });
            await insert.ExecuteNonQueryAsync(ct);
            fixture.Written(write);
        };
    }

    /// <summary>Marten alone: <c>FetchForWriting</c> (optimistic concurrency), append, save (inline projections included).</summary>
    public static Operation Marten(IDocumentStore store, WriteFixture fixture) => async (worker, sequence, ct) =>
    {
        var write = fixture.Next(worker, Workers, sequence);
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<PositionDetails>(write.Key, ct);
        stream.AppendOne(write.Event);
        await session.SaveChangesAsync(ct);
        fixture.Written(write);
    };

    /// <summary>The in-process command pipeline: a DI scope, Mediator, validation, metadata, facts, Decide, Marten.</summary>
    public static Operation Pipeline(IServiceProvider services, WriteFixture fixture) => async (worker, sequence, ct) =>
    {
        var write = fixture.Next(worker, Workers, sequence);
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var c = write.Content;
        if (write.Version == 0)
        {
            await mediator.Send(Statement(write.Stakeholder, c, fixture.Meeting).For(fixture.Process, write.Issue), ct);
        }
        else
        {
            await mediator.Send(new RevisePosition.Command(write.Key, write.Version, Change(c)), ct);
        }

        fixture.Written(write);
    };

    /// <summary>The HTTP API over loopback: the same write as a client sends it (JSON body, bearer token, If-Match).</summary>
    public static Operation Http(HttpClient client, WriteFixture fixture) => async (worker, sequence, ct) =>
    {
        var write = fixture.Next(worker, Workers, sequence);
        var c = write.Content;
        var positions = $"/processes/{fixture.Process}/issues/{write.Issue}/positions";
        using var request = write.Version == 0
            ? new HttpRequestMessage(HttpMethod.Post, positions)
            {
                Content = JsonContent.Create(Statement(write.Stakeholder, c, fixture.Meeting), options: Json),
            }
            : new HttpRequestMessage(HttpMethod.Post, $"{positions}/{write.Stakeholder}/revise") { Content = JsonContent.Create(Change(c), options: Json) };
        if (write.Version > 0)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{write.Version}\"");
        }

        using var response = await client.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} from {request.RequestUri}: {await response.Content.ReadAsStringAsync(ct)}");
        }

        fixture.Written(write);
    };

    /// <summary>Set by the scenario before each run: how many workers share the fixture's pairs.</summary>
    public static int Workers { get; set; } = 1;

    private static StatePosition.Request Statement(string stakeholder, PositionContent c, string meeting) =>
        new() { Stakeholder = stakeholder, Stance = c.Stance, Summary = c.Summary, Meeting = meeting, StatedOn = c.StatedOn };

    private static PositionChange Change(PositionContent c) =>
        new() { Stance = c.Stance, Summary = c.Summary, Meeting = c.Source.Meeting, StatedOn = c.StatedOn, Reason = "The delegation shifted." };
}
