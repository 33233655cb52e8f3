using Consultation.Infrastructure.Security;
using Consultation.Seeding;
using Consultation.Tests.Security;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Seeding;

/// <summary>
/// Seeds say they are seeds and claim no role a person could not have used: every seeded event names the seed loader, and
/// its role is one the API lets call the endpoint of its command, per the endpoints' own access and the access matrix.
/// </summary>
public sealed class SeededEventAttributionTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    [Fact]
    public async Task Every_seeded_event_names_the_seed_loader_and_a_role_allowed_to_send_its_command()
    {
        _ = api.Server;
        var writes = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .ToList();
        await using var session = api.Store.QuerySession();
        var events = await session.Events.QueryAllRawEvents().ToListAsync();
        Assert.True(events.Count > 30, $"Only {events.Count} events were seeded.");

        var wrong = new List<string>();
        foreach (var e in events)
        {
            var command = e.Headers?.GetValueOrDefault("command")?.ToString();
            var role = e.Headers?.GetValueOrDefault("role")?.ToString();
            var displayName = e.Headers?.GetValueOrDefault("displayName")?.ToString();
            var endpoints = writes.Where(w => EndpointSlice.Of(w)?.Name == command).ToList();
            var routes = endpoints.Select(w => $"POST {w.RoutePattern.RawText}").ToList();
            if (e.UserName != SeedLoader.SeedUser || displayName != SeedLoader.SeedDisplayName)
            {
                wrong.Add($"{e.EventTypeName} in {e.StreamKey}: user '{e.UserName}' ({displayName}) is not the seed loader");
            }
            else if (endpoints.Count == 0)
            {
                wrong.Add($"{e.EventTypeName} in {e.StreamKey}: command '{command}' has no endpoint in the API");
            }
            else if (role is null
                || !endpoints.All(w => w.Metadata.GetMetadata<Access>()!.Roles.Contains(role))
                || !routes.All(r => AccessMatrix.Endpoints[r] is { } allowed && allowed.Contains(role)))
            {
                wrong.Add($"{e.EventTypeName} in {e.StreamKey}: role '{role}' may not call {string.Join(", ", routes)}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong.Distinct()));
    }
}
