using System.Net;
using System.Text.Json;
using Consultation.Tests.Support;
using Npgsql;

namespace Consultation.Tests.Audit.Rebuilding;

/// <summary>What the rebuild and verification tests do by hand: register through the API, tamper with projection tables in SQL, follow a rebuild.</summary>
public sealed class RebuildSteps(HttpClient client, string schema)
{
    public async Task RegisterAsync(string key, string name, string group)
    {
        var response = await client.PostJsonAsync("/stakeholders", new { key, kind = "MemberState", name, regionalGroup = group });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Runs SQL against the test database as its superuser: how the tests play an intruder or a broken migration.</summary>
    public async Task<int> SqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{schema}", schema, StringComparison.Ordinal), connection);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Asks for a rebuild and answers the status resource's address.</summary>
    public async Task<string> StartRebuildAsync(object? body = null)
    {
        var response = body is null ? await client.PostAsync("/admin/projections/rebuild", null) : await client.PostJsonAsync("/admin/projections/rebuild", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode} {text}");
        return response.Headers.Location!.ToString();
    }

    /// <summary>Polls the status resource until the rebuild has finished (bounded).</summary>
    public async Task<JsonElement> WaitForRebuildAsync(string location)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var status = await GetJsonAsync(location);
            if (status.GetProperty("state").GetString() is "Succeeded" or "Failed")
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The rebuild did not finish: {status}");
            await Task.Delay(100);
        }
    }
}
