using System.Net.Http.Headers;
using System.Text;
using Consultation.Imports;
using Consultation.Tests.Stakeholders;
using MiniExcelLibs;

namespace Consultation.Tests.Imports;

/// <summary><c>POST /processes/{p}/imports</c>: a spreadsheet of stakeholders and positions, checked by a dry run, committed all or nothing.</summary>
public sealed class SpreadsheetImportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private readonly Secretariat _secretariat = new(api.CreateClient());

    private HttpClient Client => _secretariat.Client;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private static string Url(string process, bool dryRun) => $"/processes/{process}/imports?dryRun={(dryRun ? "true" : "false")}";

    private Task<HttpResponseMessage> SendAsync(string url, byte[] file, string contentType, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(file) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return Client.SendAsync(request);
    }

    private static byte[] Workbook(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Dictionary<string, object> Row(params (string Column, object? Value)[] cells) => cells.ToDictionary(c => c.Column, c => c.Value!);

    [Fact]
    public async Task A_dry_run_writes_nothing_and_answers_what_the_commit_then_writes_once_however_often_it_is_sent()
    {
        var (process, _) = await _secretariat.OpenStocktakingAsync("regular-pathways", "return-and-readmission");
        var (bloc, cso) = (Unique("bloc"), Unique("cso"));
        var file = Workbook(new()
        {
            ["stakeholders"] = new[]
            {
                Row(("key", cso), ("kind", "CivilSociety"), ("name", "Migrant Forum"), ("regionalGroup", null), ("groups", $"{bloc}:2017-05-01"), ("accreditedOn", new DateTime(2017, 5, 2))),
                Row(("key", bloc), ("kind", "GroupOrBloc"), ("name", "A coalition"), ("regionalGroup", null), ("groups", null), ("accreditedOn", null)),
            },
            ["positions"] = new[]
            {
                Row(("Issue", "regular-pathways"), ("Stakeholder", "MEX"), ("Stance", 1), ("Summary", "Supports more regular pathways"), ("Stated On", new DateTime(2017, 12, 5)), ("Meeting", "stocktaking-2017")),
                Row(("Issue", "return-and-readmission"), ("Stakeholder", "MEX"), ("Stance", -1), ("Summary", "Reservations on readmission"), ("Stated On", "2017-12-06T10:30:00-06:00"), ("Meeting", "stocktaking-2017")),
            },
        });
        var before = await api.CountEventsAsync();

        var dryRun = await SendAsync(Url(process, dryRun: true), file, Xlsx);

        Assert.True(dryRun.StatusCode == HttpStatusCode.OK, await dryRun.Content.ReadAsStringAsync());
        var checkedOnly = await dryRun.ReadAsync<ImportSpreadsheet.Result>();
        Assert.Empty(checkedOnly.Errors);
        Assert.False(checkedOnly.Committed);
        Assert.Equal((4, 6), (checkedOnly.Rows, checkedOnly.Events));
        Assert.Equal(
            ["positions!2 PositionStated", "positions!3 PositionStated", "stakeholders!2 StakeholderRegistered,StakeholderJoinedGroup,StakeholderAccredited", "stakeholders!3 StakeholderRegistered"],
            checkedOnly.Written.Select(r => $"{r.Sheet}!{r.Row} {string.Join(',', r.Writes.Select(w => w.Kind))}"));
        Assert.Equal(before, await api.CountEventsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/stakeholders/{cso}")).StatusCode);

        var key = Guid.NewGuid().ToString("N");
        var commit = await SendAsync(Url(process, dryRun: false), file, Xlsx, key);

        Assert.True(commit.StatusCode == HttpStatusCode.OK, await commit.Content.ReadAsStringAsync());
        var committed = await commit.ReadAsync<ImportSpreadsheet.Result>();
        Assert.True(committed.Committed);
        Assert.Equal(checkedOnly.Written, committed.Written, new WrittenRows());
        Assert.Equal(before + 6, await api.CountEventsAsync());
        Assert.Equal([cso], await Client.KeysAsync($"/stakeholders/{bloc}/members"));
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/processes/{process}/issues/return-and-readmission/positions/MEX")).StatusCode);

        var again = await SendAsync(Url(process, dryRun: false), file, Xlsx, key);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(again.Headers.Contains("Idempotency-Replayed"));
        Assert.Equal(await commit.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(before + 6, await api.CountEventsAsync());
    }

    [Fact]
    public async Task Every_wrong_cell_and_row_is_named_by_sheet_row_and_column_and_a_commit_with_any_writes_nothing()
    {
        var (process, _) = await _secretariat.OpenStocktakingAsync("regular-pathways", "return-and-readmission");
        var csv = Encoding.UTF8.GetBytes(
            "issue,stakeholder,stance,summary,statedOn,meeting\n"
            + "regular-pathways,MEX,1,Supports,2017-12-05,stocktaking-2017\n"          // row 2: fine
            + "return-and-readmission,MEX,strongly,Supports,2017-12-05,stocktaking-2017\n" // row 3: stance not a number
            + "return-and-readmission,MEX,5,Supports,2017-12-05,stocktaking-2017\n"    // row 4: stance out of range (the single write's rule)
            + "return-and-readmission,MEX,1,Supports,5 Dec 2017,stocktaking-2017\n"    // row 5: not a date
            + "no-such-issue,MEX,1,Supports,2017-12-05,stocktaking-2017\n");           // row 6: the record refuses the row
        var before = await api.CountEventsAsync();

        var dryRun = await (await SendAsync(Url(process, dryRun: true), csv, "text/csv")).ReadAsync<ImportSpreadsheet.Result>();

        Assert.Equal(["positions!3:stance", "positions!4:stance", "positions!5:statedOn", "positions!6"], dryRun.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("-2", dryRun.Errors["positions!4:stance"].Single());
        Assert.Contains("no-such-issue", dryRun.Errors["positions!6"].Single());
        Assert.Equal(["positions!2"], dryRun.Written.Select(r => $"{r.Sheet}!{r.Row}"));

        var commit = await SendAsync(Url(process, dryRun: false), csv, "text/csv");

        var problem = await commit.AssertProblemAsync(422);
        Assert.Equal(dryRun.Errors.Keys.Order(StringComparer.Ordinal), problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(before, await api.CountEventsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/processes/{process}/issues/regular-pathways/positions/MEX")).StatusCode);
    }

    [Fact]
    public async Task Unknown_columns_and_sheets_are_refused_by_name()
    {
        var process = await _secretariat.LaunchProcessAsync();
        var file = Workbook(new()
        {
            ["positions"] = new[] { Row(("issue", "x"), ("stakeholder", "MEX"), ("stance", 1), ("mood", "good")) },
            ["notes"] = new[] { Row(("text", "hello")) },
        });

        var result = await (await SendAsync(Url(process, dryRun: true), file, Xlsx)).ReadAsync<ImportSpreadsheet.Result>();

        Assert.Contains("Unknown column 'mood'", result.Errors["positions!1:mood"].Single());
        Assert.Contains("Unknown sheet 'notes'", result.Errors["notes!1"].Single());
    }

    [Fact]
    public async Task Files_beyond_the_limits_or_of_another_type_are_refused_naming_the_limit_or_the_types()
    {
        var process = await _secretariat.LaunchProcessAsync();
        var rows = new StringBuilder("issue,stakeholder,stance\n");
        for (var i = 0; i <= ImportPlan.MaxRows; i++)
        {
            rows.Append("x,MEX,1\n");
        }

        var tooMany = await SendAsync(Url(process, dryRun: true), Encoding.UTF8.GetBytes(rows.ToString()), "text/csv");
        var tooLarge = await SendAsync(Url(process, dryRun: true), new byte[Consultation.Imports.Reading.SpreadsheetUpload.MaxBytes + 1], "text/csv");
        var json = await Client.PostJsonAsync(Url(process, dryRun: true), new { items = Array.Empty<object>() });
        var notAWorkbook = await SendAsync(Url(process, dryRun: true), Encoding.UTF8.GetBytes("not a zip"), Xlsx);

        Assert.Contains($"at most {ImportPlan.MaxRows} rows", Detail(await tooMany.AssertProblemAsync(413)));
        Assert.Contains($"at most {Consultation.Imports.Reading.SpreadsheetUpload.MaxBytes} bytes", Detail(await tooLarge.AssertProblemAsync(413)));
        Assert.Contains("text/csv", Detail(await json.AssertProblemAsync(400)));
        Assert.Contains("XLSX", Detail(await notAWorkbook.AssertProblemAsync(400)));
    }

    [Theory]
    [InlineData("key,kind,name", "stakeholders")]
    [InlineData("issue,title,description", "issues")]
    [InlineData("submission,from,receivedOn,issues,channel,title,language", "submissions")]
    [InlineData("issue,stakeholder,stance", "positions")]
    public async Task A_csv_files_kind_is_told_by_the_one_column_only_that_kind_has(string header, string kind)
    {
        var process = await _secretariat.LaunchProcessAsync();
        var csv = Encoding.UTF8.GetBytes($"{header},mood\n{string.Join(',', header.Split(',').Select(_ => "x"))},x\n");

        var result = await (await SendAsync(Url(process, dryRun: true), csv, "text/csv")).ReadAsync<ImportSpreadsheet.Result>();

        Assert.Contains($"in a {kind} sheet", result.Errors[$"{kind}!1:mood"].Single());
    }

    [Fact]
    public async Task A_csv_header_telling_no_kind_or_several_is_refused_naming_the_columns_of_each_kind()
    {
        var process = await _secretariat.LaunchProcessAsync();

        var none = Detail(await (await SendAsync(Url(process, dryRun: true), Encoding.UTF8.GetBytes("name,mood\nx,y\n"), "text/csv")).AssertProblemAsync(400));
        var two = Detail(await (await SendAsync(Url(process, dryRun: true), Encoding.UTF8.GetBytes("kind,stance\nx,1\n"), "text/csv")).AssertProblemAsync(400));

        Assert.Contains("'kind' for stakeholders (key, kind, name,", none);
        Assert.Contains("'description' for issues (issue, title, description,", none);
        Assert.Contains("'receivedOn' for submissions (submission, from, onBehalfOf, receivedOn,", none);
        Assert.Contains("'stance' for positions (issue, stakeholder,", none);
        Assert.Contains("'kind' (stakeholders) and 'stance' (positions)", two);
    }

    [Fact]
    public async Task Issues_and_submissions_a_workbook_records_may_be_named_by_its_positions_and_their_wrong_cells_are_named()
    {
        var process = await _secretariat.LaunchProcessAsync();
        var cso = Unique("cso");
        var description = string.Join("\n\n", Enumerable.Range(1, 40).Select(i => $"Paragraph {i} of the comment as it was submitted, kept whole."));
        Dictionary<string, object> Sheets(string secondTitle, string submissionIssues) => new()
        {
            ["stakeholders"] = new[] { Row(("key", cso), ("kind", "CivilSociety"), ("name", "Migrant Forum"), ("accreditedOn", "2017-05-01")) },
            ["issues"] = new[]
            {
                Row(("issue", "pathways"), ("title", "Regular pathways"), ("description", description), ("theme", "Migration"), ("parentIssue", null)),
                Row(("issue", "labour-pathways"), ("title", secondTitle), ("description", "Labour mobility."), ("theme", null), ("parentIssue", "pathways")),
            },
            ["submissions"] = new[]
            {
                Row(("submission", "forum-letter"), ("from", cso), ("receivedOn", new DateTime(2017, 10, 16)), ("issues", submissionIssues), ("channel", "Letter"),
                    ("title", "Written contribution"), ("link", "https://example.org/forum"), ("language", "en")),
            },
            ["positions"] = new[]
            {
                Row(("issue", "labour-pathways"), ("stakeholder", cso), ("stance", 2), ("summary", "Supports labour pathways"), ("statedOn", "2017-10-16"), ("submission", "forum-letter")),
            },
        };

        var good = await (await SendAsync(Url(process, dryRun: true), Workbook(Sheets("Labour pathways", "pathways; labour-pathways")), Xlsx)).ReadAsync<ImportSpreadsheet.Result>();
        var bad = await (await SendAsync(Url(process, dryRun: true), Workbook(Sheets("Labour\npathways", "pathways; Labour Pathways")), Xlsx)).ReadAsync<ImportSpreadsheet.Result>();

        Assert.Empty(good.Errors);
        Assert.Equal(
            ["issues!2 IssueTabled " + process + "/pathways", "issues!3 IssueTabled " + process + "/labour-pathways",
                "positions!2 PositionStated", "stakeholders!2 StakeholderRegistered,StakeholderAccredited", "submissions!2 SubmissionRecorded " + process + "/submission:forum-letter"],
            good.Written.Select(r => r.Sheet switch
            {
                "issues" or "submissions" => $"{r.Sheet}!{r.Row} {r.Writes.Single().Kind} {r.Writes.Single().Key}",
                _ => $"{r.Sheet}!{r.Row} {string.Join(',', r.Writes.Select(w => w.Kind))}",
            }));
        Assert.Contains("put the full text", bad.Errors["issues!3:title"].Single());
        Assert.Contains("lowercase letters", bad.Errors["submissions!2:issues"].Single());
        Assert.Contains("labour-pathways", bad.Errors["positions!2"].Single());
    }

    private static string Detail(System.Text.Json.JsonElement problem) => problem.GetProperty("detail").GetString()!;

    private sealed class WrittenRows : IEqualityComparer<ImportSpreadsheet.RowResult>
    {
        public bool Equals(ImportSpreadsheet.RowResult? x, ImportSpreadsheet.RowResult? y) =>
            x!.Sheet == y!.Sheet && x.Row == y.Row && x.Writes.SequenceEqual(y.Writes);

        public int GetHashCode(ImportSpreadsheet.RowResult obj) => obj.Row;
    }
}
