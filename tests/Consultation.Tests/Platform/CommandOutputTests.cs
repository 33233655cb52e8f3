namespace Consultation.Tests.Platform;

/// <summary>The first screen of a command's output is the service's own: JasperFx's command discovery lines are left out.</summary>
public sealed class CommandOutputTests
{
    [Theory]
    [InlineData("help")]
    [InlineData("db-list")]
    public async Task No_command_discovery_lines_appear(string command)
    {
        var result = await CliRunner.RunAsync(TestDatabase.NewSchemaName("output"), command);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("for commands", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("for commands", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Searching '", result.Output + result.Error, StringComparison.Ordinal);
        Assert.NotEmpty(result.Output.Trim());
    }

    [Fact]
    public async Task Help_starts_with_the_list_of_commands_in_plain_text_when_redirected()
    {
        var result = await CliRunner.RunAsync(TestDatabase.NewSchemaName("output"), "help");

        Assert.StartsWith("The available commands are:", result.Output.TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Output);
    }
}
