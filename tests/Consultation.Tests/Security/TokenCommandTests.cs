namespace Consultation.Tests.Security;

/// <summary><c>token</c> issues a development token the API accepts, with the roles and processes asked for.</summary>
public sealed class TokenCommandTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly Dictionary<string, string> WithTestKey = new() { ["Authentication__DevelopmentKey"] = TestIdentity.Key };

    [Fact]
    public async Task The_token_command_issues_a_token_the_api_accepts_for_those_roles_and_processes()
    {
        var result = await CliRunner.RunAsync(api.Schema, TimeSpan.FromMinutes(2), WithTestKey, "token", "--name", "bob", "--role", "auditor,facilitator", "--process", "gcm");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("as auditor, facilitator on gcm", result.Error, StringComparison.Ordinal);
        var token = result.Output.Trim().Split('\n')[^1].Trim();

        var bob = api.CreateClient().Authorize(token);
        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/processes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.PostJsonAsync("/stakeholders", new { key = "BOB", kind = "MemberState", name = "Bob", regionalGroup = "African" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bob.GetAsync("/processes/other-process")).StatusCode);
    }

    [Fact]
    public async Task Bad_arguments_are_explained_with_exit_code_2()
    {
        var result = await CliRunner.RunAsync(api.Schema, TimeSpan.FromMinutes(2), WithTestKey, "token", "--name", "bob", "--role", "king", "--process", "gcm");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Unknown role 'king'", result.Error, StringComparison.Ordinal);
    }
}
