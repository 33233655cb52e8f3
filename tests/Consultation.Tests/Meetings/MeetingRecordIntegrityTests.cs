using System.Text.RegularExpressions;
using Consultation.Meetings;

namespace Consultation.Tests.Meetings;

/// <summary>Statement ids under concurrent recording, rebuilding the read models from the events, and the API description.</summary>
[Collection(MeetingsApiCollection.Name)]
public sealed class MeetingRecordIntegrityTests(MeetingsApiFactory api)
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private static object Statement(string summary) =>
        new { speaker = "MEX", summary, language = "es", saidOn = new DateOnly(2017, 12, 4) };

    [Fact]
    public async Task Concurrent_statements_from_the_same_version_let_exactly_one_through_so_ids_never_repeat()
    {
        var (process, meeting) = await _secretariat.OpenStocktakingAsync();
        var etag = await _secretariat.ETagAsync(meeting);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            _secretariat.Client.PostJsonAsync($"{meeting}/statements", Statement($"Attempt {i}"), etag)));

        Assert.Single(attempts, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        await _secretariat.UpdateOkAsync(meeting, "statements", Statement("After the race"));
        await using var session = api.Store.QuerySession();
        var ids = await session.Query<StatementRecord>().Where(x => x.Process == process).OrderBy(x => x.Number).Select(x => x.Statement).ToListAsync();
        Assert.Equal(["s1", "s2"], ids);
    }

    [Fact]
    public async Task Rebuilding_the_projections_from_the_events_gives_the_same_record()
    {
        var (process, meeting) = await _secretariat.OpenStocktakingAsync();
        await _secretariat.UpdateOkAsync(meeting, "statements", Statement("First"));
        await _secretariat.UpdateOkAsync(meeting, "statements", Statement("Second"));
        await _secretariat.UpdateOkAsync(meeting, "findings", new { kind = "Practice", summary = "Visitor cards", presentedBy = "MEX" });
        await _secretariat.UpdateOkAsync(meeting, "statements/s1/correct", new { summary = "First, corrected", reason = "Misheard" });
        await _secretariat.UpdateOkAsync(meeting, "statements/s2/withdraw", new { reason = "Recorded twice" });
        await _secretariat.UpdateOkAsync(meeting, "agenda", new { items = new[] { new { title = "Opening" } } });
        var key = $"{process}/stocktaking-2017";
        var before = await LoadAsync(key);

        using (var daemon = await api.Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync<MeetingDetailsProjection>(CancellationToken.None);
            await daemon.RebuildProjectionAsync<StatementRecordProjection>(CancellationToken.None);
        }

        var after = await LoadAsync(key);
        Assert.Equal(Json(before.Meeting), Json(after.Meeting));
        Assert.Equal(Json(before.Statements), Json(after.Statements));
        Assert.Equal(2, after.Statements.Count);
        Assert.Equal(("First, corrected", true), (after.Statements[0].Summary, after.Statements[1].Withdrawn));
    }

    /// <summary>
    /// Inline projections see event timestamps with .NET's 100 ns precision; PostgreSQL stores microseconds, so replayed
    /// timestamps can differ below the microsecond. Compared at the database's precision.
    /// </summary>
    private static string Json(object value) =>
        Regex.Replace(JsonSerializer.Serialize(value), @"(?<=T\d\d:\d\d:\d\d)\.(\d+)(?=[+\-Z])", m => "." + m.Groups[1].Value.PadRight(7, '0')[..6]);

    [Fact]
    public async Task The_openapi_document_describes_the_meeting_endpoints()
    {
        var document = JsonDocument.Parse(await _secretariat.Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = document.GetProperty("paths");

        Assert.True(paths.GetProperty("/processes/{key}/meetings").TryGetProperty("post", out var schedule));
        Assert.True(schedule.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(paths.GetProperty("/processes/{key}/meetings").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/processes/{key}/meetings/{meeting}").TryGetProperty("get", out _));
        foreach (var action in new[] { "reschedule", "cancel", "open", "participants", "statements", "findings", "recommendations", "close" })
        {
            Assert.True(paths.GetProperty($"/processes/{{key}}/meetings/{{meeting}}/{action}").TryGetProperty("post", out var update), action);
            Assert.True(update.GetProperty("responses").TryGetProperty("412", out _), action);
        }

        Assert.True(paths.GetProperty("/processes/{key}/meetings/{meeting}/statements/{statement}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/stakeholders/{key}/statements").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/stakeholders/{key}/meetings").TryGetProperty("get", out _));
    }

    private async Task<(MeetingDetails Meeting, IReadOnlyList<StatementRecord> Statements)> LoadAsync(string key)
    {
        await using var session = api.Store.QuerySession();
        var meeting = await session.LoadAsync<MeetingDetails>(key);
        var statements = await session.Query<StatementRecord>().Where(x => x.Meeting == key).OrderBy(x => x.Number).ToListAsync();
        return (meeting!, statements);
    }
}
