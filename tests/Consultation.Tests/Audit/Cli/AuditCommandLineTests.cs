namespace Consultation.Tests.Audit.Cli;

public sealed class AuditCommandLineTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Help_lists_every_action_and_flag()
    {
        _ = api.Store; // the schema exists
        var result = await CliRunner.RunAsync(api.Schema, "audit", "--help");
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var expected in new[] { "verify", "attest", "export", "replay", "rebuild", "--as-of", "--head-hash", "--format" })
        {
            Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_action_is_read_in_any_case()
    {
        var result = await CliRunner.RunAsync(api.Schema, "audit", "ATTEST", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("{", result.Output.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_action_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(api.Schema, "audit", "shred");
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Unknown action 'shred'", result.Error, StringComparison.Ordinal);
    }
}
