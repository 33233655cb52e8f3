using System.Text;
using Npgsql;

namespace Consultation.Tests.Imports;

/// <summary><c>import --process P --file F [--dry-run] [--user U]</c>: the service's command line, run as an operator runs it.</summary>
public sealed class ImportCliTests(ApiFactory api) : IClassFixture<ApiFactory>, IDisposable
{
    private readonly Secretariat _secretariat = new(api.CreateClient());

    private readonly string _directory = Directory.CreateTempSubdirectory("import-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        System.IO.File.WriteAllText(path, content, Encoding.UTF8);
        return path;
    }

    private Task<CliResult> ImportAsync(params string[] args) => CliRunner.RunAsync(api.Schema, ["import", .. args]);

    [Fact]
    public async Task A_dry_run_writes_nothing_and_a_commit_writes_the_file_as_the_user_given_with_progress_on_standard_error()
    {
        var (process, _) = await _secretariat.OpenStocktakingAsync("regular-pathways", "return-and-readmission");
        var csv = File("positions.csv",
            "issue,stakeholder,stance,summary,statedOn,meeting\n"
            + "regular-pathways,MEX,1,Supports,2017-12-05,stocktaking-2017\n"
            + "return-and-readmission,MEX,-1,Reservations,2017-12-05,stocktaking-2017\n");
        var before = await api.CountEventsAsync();

        var dryRun = await ImportAsync("--process", process, "--file", csv, "--dry-run");

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Contains("2 rows read, dry run: 2 events would be written, nothing was", dryRun.Output, StringComparison.Ordinal);
        Assert.Contains("read 2 rows", dryRun.Error, StringComparison.Ordinal);
        Assert.Contains("positions: 2/2 items decided, 2 events", dryRun.Error, StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());

        var commit = await ImportAsync("--process", process, "--file", csv, "--user", "amina");

        Assert.True(commit.ExitCode == 0, commit.ToString());
        Assert.Contains("2 rows read, 2 events written", commit.Output, StringComparison.Ordinal);
        Assert.Equal(before + 2, await api.CountEventsAsync());
        Assert.Equal(("amina", "secretariat", "ImportSpreadsheet"), await RecordedByAsync($"{process}/regular-pathways/MEX"));
    }

    [Fact]
    public async Task Rows_the_record_refuses_exit_1_naming_them_and_bad_input_exits_2_and_neither_writes()
    {
        var (process, _) = await _secretariat.OpenStocktakingAsync("regular-pathways");
        var wrong = File("wrong.csv", "issue,stakeholder,stance,statedOn,meeting\nregular-pathways,MEX,5,2017-12-05,stocktaking-2017\n");
        var before = await api.CountEventsAsync();

        var refused = await ImportAsync("--process", process, "--file", wrong);
        var unknownProcess = await ImportAsync("--process", "no-such-process", "--file", wrong);
        var notAFile = await ImportAsync("--process", process, "--file", Path.Combine(_directory, "missing.xlsx"));

        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("positions!2:stance:", refused.Output, StringComparison.Ordinal);
        Assert.True(unknownProcess.ExitCode == 2, unknownProcess.ToString());
        Assert.Contains("no-such-process", unknownProcess.Error, StringComparison.Ordinal);
        Assert.True(notAFile.ExitCode == 2, notAFile.ToString());
        Assert.Contains("missing.xlsx' does not exist", notAFile.Error, StringComparison.Ordinal);
        Assert.Equal(before, await api.CountEventsAsync());
    }

    private async Task<(string User, string Role, string Command)> RecordedByAsync(string stream)
    {
        await using var connection = new NpgsqlConnection(await TestDatabase.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select user_name, headers ->> 'role', headers ->> 'command' from {api.Schema}.mt_events where stream_id = @s", connection);
        command.Parameters.AddWithValue("s", stream);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }
}
