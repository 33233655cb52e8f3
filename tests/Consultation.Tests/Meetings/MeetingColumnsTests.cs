using Consultation.Convergence.Summaries;
using Consultation.Infrastructure.EventStore;
using Consultation.Infrastructure.Http;
using Consultation.Infrastructure.Security;
using Consultation.Meetings;
using Consultation.Meetings.Listing;
using Marten.Schema;

namespace Consultation.Tests.Meetings;

/// <summary>
/// A meeting's document carries every statement said there (hundreds of kilobytes), and each field a query reads of it
/// fetches and decompresses all of it again. So what finds and lists a process's meetings is in columns of their own: the
/// process (its list, the closes its dashboard measures at, no longer slowed by other processes' meetings) and every field
/// a list of meetings shows (the overview took 1.5 s reading 40 large meetings' fields one by one). A database made before
/// the columns existed gets them filled on migration.
/// </summary>
public sealed class MeetingColumnsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private string Table => $"{api.Schema}.mt_doc_meetingdetails";

    private async Task<(string Process, string Other)> TwoProcessesWithClosedMeetingsAsync()
    {
        var (process, meeting) = await _secretariat.OpenStocktakingAsync("sovereignty");
        await _secretariat.UpdateOkAsync(meeting, "close", new { summary = "Stocktaking concluded" });
        await _secretariat.ScheduleOkAsync(process, "hearing", new(2018, 2, 5), new(2018, 2, 5), "MultiStakeholderHearing");
        var (other, otherMeeting) = await _secretariat.OpenStocktakingAsync("migration");
        await _secretariat.UpdateOkAsync(otherMeeting, "close", new { summary = "Elsewhere" });
        return (process, other);
    }

    /// <summary>
    /// A process in its stocktaking phase: the stocktaking meeting moved (dates and venue) before it opened, Mexico registered
    /// and heard twice, closed; a hearing scheduled then cancelled; a thematic session scheduled.
    /// </summary>
    private async Task<string> ProcessWithEveryKindOfChangeAsync()
    {
        var process = await _secretariat.LaunchProcessAsync();
        await _secretariat.TableIssueAsync(process, "sovereignty");
        await _secretariat.StartPhaseAsync(process, "stocktaking", new(2017, 12, 1));
        var stocktaking = await _secretariat.ScheduleOkAsync(process, "stocktaking-2017", new(2017, 12, 4), new(2017, 12, 6));
        await _secretariat.UpdateOkAsync(stocktaking, "reschedule", new
        {
            startsOn = new DateOnly(2017, 12, 5),
            endsOn = new DateOnly(2017, 12, 7),
            venue = new { city = "Guadalajara" },
            reason = "Host country's request",
        });
        await _secretariat.UpdateOkAsync(stocktaking, "open", new { });
        await _secretariat.EnsureStakeholderAsync("MEX", name: "Mexico");
        await _secretariat.UpdateOkAsync(stocktaking, "participants", new { stakeholder = "MEX", delegationHead = "Juan José Gómez Camacho", role = "Speaker" });
        foreach (var summary in new[] { "Stressed national sovereignty.", "Welcomed the zero draft." })
        {
            await _secretariat.UpdateOkAsync(stocktaking, "statements", new { speaker = "MEX", issues = new[] { "sovereignty" }, summary, language = "es", saidOn = new DateOnly(2017, 12, 5) });
        }

        await _secretariat.UpdateOkAsync(stocktaking, "close", new { summary = "Stocktaking concluded" });
        var hearing = await _secretariat.ScheduleOkAsync(process, "hearing", new(2018, 2, 5), new(2018, 2, 5), "MultiStakeholderHearing");
        await _secretariat.UpdateOkAsync(hearing, "cancel", new { reason = "Merged into the stocktaking meeting" });
        await _secretariat.ScheduleOkAsync(process, "thematic", new(2018, 1, 15), new(2018, 1, 16), "ThematicSession");
        return process;
    }

    /// <summary>The summaries of the process's meetings as their documents say, by date.</summary>
    private async Task<List<MeetingSummary>> SummariesOfDocumentsAsync(IQuerySession session, string process)
    {
        var documents = await session.Query<MeetingDetails>().Where(m => m.Process == process).ToListAsync();
        return [.. MeetingsOfProcess.InCalendarOrder(documents.AsQueryable()).Select(MeetingsOfProcess.Summary)];
    }

    private async Task<List<string>> MeetingsListedAsync(string process)
    {
        var response = await _secretariat.Client.GetAsync($"/processes/{process}/meetings");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.ReadAsync<Page<MeetingSummary>>()).Items.Select(m => m.Meeting)];
    }

    [Fact]
    public async Task A_process_s_closes_and_meeting_list_never_filter_on_the_meeting_document()
    {
        var (process, _) = await TwoProcessesWithClosedMeetingsAsync();

        await using var session = api.Store.QuerySession();
        var (closes, closesSql) = await RoundTrips.TraceAsync(() => ClosedMeetings.OfAsync(session, process, null, CancellationToken.None));
        var (listed, listSql) = await RoundTrips.TraceAsync(() => new MeetingsOfProcess(session).ByDateAsync(process, CancellationToken.None));

        Assert.Equal(["stocktaking-2017"], closes.Select(c => c.Meeting));
        Assert.Equal(["stocktaking-2017", "hearing"], listed.Select(m => m.Meeting));
        foreach (var sql in closesSql.Concat(listSql))
        {
            Assert.DoesNotContain("data ->> 'process'", sql, StringComparison.Ordinal);
            Assert.DoesNotContain("data ->> 'Process'", sql, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Lists_of_meetings_read_their_columns_and_no_meeting_document()
    {
        var process = await ProcessWithEveryKindOfChangeAsync();
        await using var session = api.Store.QuerySession();

        var (overview, overviewSql) = await RoundTrips.TraceAsync(() => new MeetingsOfProcess(session).ByDateAsync(process, CancellationToken.None));
        var (filtered, filteredSql) = await RoundTrips.TraceAsync(async () =>
            await new ListMeetings.Handler(session).Handle(new ListMeetings.Query(process, "StocktakingMeeting", "stocktaking", "Closed", 1, 10), CancellationToken.None));
        var (paged, pagedSql) = await RoundTrips.TraceAsync(async () =>
            await new ListMeetings.Handler(session).Handle(new ListMeetings.Query(process, null, null, null, 2, 1), CancellationToken.None));
        var (attended, attendedSql) = await RoundTrips.TraceAsync(() =>
            new MeetingsAttended(session, ProcessScope.Everything).PageAsync("MEX", process, 1, 10, CancellationToken.None));

        var documents = await SummariesOfDocumentsAsync(session, process);
        Assert.Equal(["stocktaking-2017", "thematic", "hearing"], documents.Select(m => m.Meeting));
        Assert.Equal(documents, overview);
        Assert.Equal(new Venue("Guadalajara", null), overview[0].Venue);
        Assert.Equal((new DateOnly(2017, 12, 5), new DateOnly(2017, 12, 7), MeetingStatus.Closed, 1, 2), (overview[0].StartsOn, overview[0].EndsOn, overview[0].Status, overview[0].ParticipantCount, overview[0].StatementCount));
        Assert.Equal([documents[0]], filtered.Items);
        Assert.Equal([documents[1]], paged.Items);
        Assert.Equal(3L, paged.TotalItems);
        Assert.Equal([("stocktaking-2017", "Juan José Gómez Camacho")], attended.Items.Select(m => (m.Meeting.Split('/')[1], m.DelegationHead)));
        foreach (var sql in overviewSql.Concat(filteredSql).Concat(pagedSql).Where(s => s.Contains(Table, StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("d.data", sql, StringComparison.Ordinal);
        }

        // A stakeholder's meetings are found by its registration, in the participants the document holds: those, and nothing else.
        var participants = $"d.data -> '{StoredJson.Name<MeetingDetails>(m => m.Participants)}'";
        Assert.All(attendedSql, sql => Assert.DoesNotContain("d.data", sql.Replace(participants, string.Empty, StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_database_without_the_columns_gets_them_filled_on_migration()
    {
        var (process, other) = await TwoProcessesWithClosedMeetingsAsync();
        var recorded = await ProcessWithEveryKindOfChangeAsync();
        var mapping = (DocumentMapping)api.Store.Options.FindOrResolveDocumentType(typeof(MeetingDetails));
        var columns = mapping.DuplicatedFields.Select(f => f.ColumnName).ToList();
        Assert.Contains("process", columns);
        Assert.True(columns.Count > MeetingsOfProcess.SummaryColumns.Length, string.Join(", ", columns));
        // As the table was before: the process read from the document, an index on the document's status.
        await TestDatabase.ExecuteAsync(
            $"drop index if exists {api.Schema}.mt_doc_meetingdetails_idx_process; "
            + $"alter table {Table} {string.Join(", ", columns.Select(c => $"drop column if exists {c}"))}; "
            + $"create index mt_doc_meetingdetails_idx_process on {Table} ((data ->> 'process')); "
            + $"create index mt_doc_meetingdetails_idx_status on {Table} ((data ->> 'status'))");

        var apply = await CliRunner.RunAsync(api.Schema, "db-apply");
        var assert = await CliRunner.RunAsync(api.Schema, "db-assert");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.True(assert.ExitCode == 0, assert.ToString());
        Assert.Equal(0L, await TestDatabase.ScalarAsync<long>($"select count(*) from {Table} where process is distinct from data ->> 'process'"));
        Assert.Equal(0L, await TestDatabase.ScalarAsync<long>($"select count(*) from pg_indexes where schemaname = '{api.Schema}' and tablename = 'mt_doc_meetingdetails' and indexdef like '%data%'"));
        Assert.Equal(["stocktaking-2017", "hearing"], await MeetingsListedAsync(process));
        Assert.Equal(["stocktaking-2017"], await MeetingsListedAsync(other));
        await using var session = api.Store.QuerySession();
        Assert.Equal(["stocktaking-2017"], (await ClosedMeetings.OfAsync(session, other, null, CancellationToken.None)).Select(c => c.Meeting));
        Assert.Equal(await SummariesOfDocumentsAsync(session, recorded), await new MeetingsOfProcess(session).ByDateAsync(recorded, CancellationToken.None));
    }
}
