using System.Diagnostics;

namespace Consultation.Tests.Support;

/// <summary>What a command printed and how it exited.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

/// <summary>
/// Runs the built service's command line (<c>dotnet Consultation.Api.dll &lt;args&gt;</c>) as a separate process against the
/// test PostgreSQL, in the schema given, as an operator would — so exit codes and output are the real ones.
/// </summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(string schema, params string[] args) => await RunAsync(schema, TimeSpan.FromMinutes(3), args);

    public static Task<CliResult> RunAsync(string schema, TimeSpan timeout, params string[] args) => RunAsync(schema, timeout, new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables (settings such as <c>Authentication__DevelopmentKey</c>).</summary>
    public static async Task<CliResult> RunAsync(string schema, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = BuiltService.StartInfo(args);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        info.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        info.Environment["ConnectionStrings__Consultation"] = await TestDatabase.ConnectionStringAsync();
        info.Environment["Marten__Schema"] = schema;
        info.Environment["Seeds__Enabled"] = "false";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', args)}' did not finish within {timeout}:\n{await output}\n{await error}");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }
}
