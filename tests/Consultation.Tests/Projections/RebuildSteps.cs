using Npgsql;

namespace Consultation.Tests.Projections;

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

    public async Task<object?> SqlScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{schema}", schema, StringComparison.Ordinal), connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Scratch schemas of verifications left in the database (there should never be any once a verification answered).</summary>
    public async Task<long> ScratchSchemasLeftAsync() =>
        (long)(await SqlScalarAsync("select count(*) from pg_namespace where starts_with(nspname, '{schema}_verify_')"))!;

    public async Task<JsonElement> VerifyAsync()
    {
        var response = await client.PostAsync("/admin/projections/verify", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"verify: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The JSON document a command printed, after any lines the host prints before it starts the command.</summary>
    public static JsonElement JsonFrom(string output)
    {
        var start = output.StartsWith('{') ? 0 : output.IndexOf("\n{", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No JSON in: {output}");
        return JsonDocument.Parse(output[start..]).RootElement;
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
