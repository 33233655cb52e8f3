using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;

namespace Consultation.Benchmarks;

/// <summary>
/// Scenario 2 (import): a generated positions sheet of <see cref="BenchOptions.ImportRows"/> rows through
/// <c>POST /processes/{p}/imports</c>, as CSV and as XLSX: the dry run, then the commit of the same file, each timed as
/// positions/s (the issue's target: a 10,000-row sheet at 2,000 positions/s or more on 2 cores).
/// </summary>
public static class ImportScenario
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task RunAsync(BenchContext context, ApiProcess api)
    {
        if (!context.Options.Quick)
        {
            // Unmeasured, as for the batch: the import's code is otherwise measured while the tiered JIT still recompiles it.
            await ImportAsync(context, api, "csv", "text/csv", 2_000, measured: false);
        }

        foreach (var (format, contentType) in new[] { ("csv", "text/csv"), ("xlsx", Xlsx) })
        {
            await ImportAsync(context, api, format, contentType, context.Options.ImportRows);
        }
    }

    private static async Task ImportAsync(BenchContext context, ApiProcess api, string format, string contentType, int rows, bool measured = true)
    {
        var fixture = await WriteFixture.CreateAsync(context.DataStore, $"{(measured ? "im" : "iw")}{format}-{context.RunId}", 250, 150, writesPerPair: 1);
        var count = Math.Min(rows, fixture.Pairs);
        var writes = Enumerable.Range(0, count).Select(i => fixture.Next(0, 1, i)).ToList();
        var file = format == "csv" ? Csv(fixture, writes) : Workbook(fixture, writes);
        Log.Line($"Import of a {count:N0}-row positions sheet as {format.ToUpperInvariant()} ({Report.Mb(file.Length)}){(measured ? string.Empty : ", unmeasured")}");
        using var http = api.Client();
        foreach (var dryRun in new[] { true, false })
        {
            // The service's async daemon is still chaining and counting the fixture's (or the last import's) events otherwise.
            await DataStages.WaitForDaemonAsync(context, api);
            var clock = Stopwatch.StartNew();
            using var response = await http.PostAsync(
                $"/processes/{fixture.Process}/imports?dryRun={(dryRun ? "true" : "false")}",
                new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } });
            var body = await response.Content.ReadAsStringAsync();
            var seconds = clock.Elapsed.TotalSeconds;
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Import refused, {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2_000)]}");
            }

            var events = JsonDocument.Parse(body).RootElement.GetProperty("events").GetInt32();
            if (events != count)
            {
                throw new InvalidOperationException($"The import answered {events} events for {count} rows.");
            }

            var perSecond = count / seconds;
            if (!measured)
            {
                continue;
            }

            context.Report.Add("2 batch import", $"spreadsheet import, {count:N0} positions as {format.ToUpperInvariant()}, {(dryRun ? "dry run" : "commit")}",
                $"{Report.N(perSecond)} positions/s ({seconds:0.00} s, file {Report.Mb(file.Length)})",
                new { format, rows = count, dryRun, seconds, positionsPerSecond = perSecond, bytes = file.Length });
        }
    }

    private static byte[] Csv(WriteFixture fixture, IEnumerable<PositionWrite> writes)
    {
        var csv = new StringBuilder("issue,stakeholder,stance,summary,statedOn,meeting\n");
        foreach (var w in writes)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{w.Issue},{w.Stakeholder},{w.Content.Stance},\"{w.Content.Summary}\",{fixture.StatedOn:yyyy-MM-dd},{fixture.Meeting}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    private static byte[] Workbook(WriteFixture fixture, IEnumerable<PositionWrite> writes)
    {
        var rows = writes.Select(w => new Dictionary<string, object>
        {
            ["issue"] = w.Issue,
            ["stakeholder"] = w.Stakeholder,
            ["stance"] = w.Content.Stance,
            ["summary"] = w.Content.Summary,
            ["statedOn"] = fixture.StatedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["meeting"] = fixture.Meeting,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["positions"] = rows }, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
