using System.Text;

namespace Consultation.Tests.Audit.Cli;

public sealed class AuditExportCliTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string FormulaReason = "=1+2 was typed into the reason";

    private readonly PositionSteps _steps = new(api.CreateClient());

    private HttpClient Client => _steps.Client;

    /// <summary>A process with MEX's position stated, then revised with a reason a spreadsheet would take for a formula.</summary>
    private async Task<string> RecordAsync()
    {
        var process = await _steps.OpenAsync("sovereignty");
        await _steps.StateAsync(process, "sovereignty", "MEX", 1);
        await _steps.ReviseAsync(process, "sovereignty", "MEX", -1, "2017-12-06", FormulaReason);
        return process;
    }

    private async Task<byte[]> HttpExportAsync(string query)
    {
        var response = await Client.GetAsync($"/audit/export?{query}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<JsonElement[]> ExportsRecordedAsync()
    {
        var response = await Client.GetAsync("/audit/streams/audit:exports");
        return response.IsSuccessStatusCode ? [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()] : [];
    }

    [Fact]
    public async Task An_ndjson_export_to_a_file_equals_the_http_export_and_is_recorded_as_the_operators()
    {
        var process = await RecordAsync();
        var file = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.ndjson");
        try
        {
            var result = await CliRunner.RunAsync(api.Schema, "audit", "export", "--format", "ndjson", "--process", process, "--output", file);

            Assert.True(result.ExitCode == 0, result.ToString());
            var expected = await HttpExportAsync($"format=ndjson&process={process}");
            Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)));
            var rows = Encoding.UTF8.GetString(expected).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.True(rows >= 5, Encoding.UTF8.GetString(expected));
            Assert.Contains($"Exported {rows} rows", result.Error, StringComparison.Ordinal);

            var recorded = (await ExportsRecordedAsync()).Single(e =>
                e.GetProperty("recordedBy").GetProperty("role").GetString() == "cli"
                && e.GetProperty("payload").GetProperty("filter").GetProperty("process").GetString() == process);
            Assert.Equal(Environment.UserName, recorded.GetProperty("recordedBy").GetProperty("user").GetString());
            Assert.Equal("RecordExport", recorded.GetProperty("command").GetString());
            var payload = recorded.GetProperty("payload");
            Assert.Equal("ndjson", payload.GetProperty("format").GetString());
            Assert.Equal(rows, payload.GetProperty("rows").GetInt64());
            Assert.True(payload.GetProperty("completed").GetBoolean());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_csv_export_to_standard_output_equals_the_http_export_and_neutralises_formulas()
    {
        var process = await RecordAsync();

        var result = await CliRunner.RunAsync(api.Schema, "audit", "export", "--format", "csv", "--process", process, "--type", "PositionRevised");

        Assert.True(result.ExitCode == 0, result.ToString());
        var expected = Encoding.UTF8.GetString(await HttpExportAsync($"format=csv&process={process}&type=PositionRevised"));
        Assert.Equal(expected, result.Output);
        var row = expected.Split("\r\n")[1];
        Assert.Contains($",'{FormulaReason},", row, StringComparison.Ordinal);
        Assert.DoesNotContain($",{FormulaReason}", row, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "xml", "'Format' must be 'ndjson' or 'csv'")]
    [InlineData("--from", "yesterday", "'From' must be an ISO 8601 timestamp")]
    [InlineData("--stream-kind", "planet", "'Stream Kind' must be one of")]
    public async Task A_bad_flag_exits_2_with_the_reason_and_records_nothing(string flag, string value, string message)
    {
        var before = (await ExportsRecordedAsync()).Length;

        var result = await CliRunner.RunAsync(api.Schema, "audit", "export", flag, value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("sequence,", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, (await ExportsRecordedAsync()).Length);
    }
}
