using Consultation.Convergence.Summaries;
using Consultation.Infrastructure.Http;
using Consultation.Meetings;

namespace Consultation.Tests.Meetings;

/// <summary>
/// A meeting's process is a column of its own, so a process's meetings (its list, the closes its dashboard measures at)
/// are found without opening any meeting's document: each carries every statement said there, and a filter on the
/// document's field fetched and decompressed every meeting in the store (the dashboard slowed as other processes grew).
/// A database made before the column existed gets it filled on migration.
/// </summary>
public sealed class MeetingProcessColumnTests(ApiFactory api) : IClassFixture<ApiFactory>
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
    public async Task A_database_without_the_column_gets_it_filled_on_migration()
    {
        var (process, other) = await TwoProcessesWithClosedMeetingsAsync();
        await TestDatabase.ExecuteAsync(
            $"drop index if exists {api.Schema}.mt_doc_meetingdetails_idx_process; alter table {Table} drop column if exists process; "
            + $"create index mt_doc_meetingdetails_idx_process on {Table} ((data ->> 'process'))");

        var apply = await CliRunner.RunAsync(api.Schema, "db-apply");
        var assert = await CliRunner.RunAsync(api.Schema, "db-assert");

        Assert.True(apply.ExitCode == 0, apply.ToString());
        Assert.True(assert.ExitCode == 0, assert.ToString());
        Assert.Equal(0L, await TestDatabase.ScalarAsync<long>($"select count(*) from {Table} where process is distinct from data ->> 'process'"));
        Assert.Equal(["stocktaking-2017", "hearing"], await MeetingsListedAsync(process));
        Assert.Equal(["stocktaking-2017"], await MeetingsListedAsync(other));
        await using var session = api.Store.QuerySession();
        Assert.Equal(["stocktaking-2017"], (await ClosedMeetings.OfAsync(session, other, null, CancellationToken.None)).Select(c => c.Meeting));
    }
}
