using Consultation.Infrastructure.Commands;
using JasperFx.CommandLine;

namespace Consultation.Audit.Cli;

/// <summary>
/// <c>dotnet run -- audit verify|attest|export|replay|rebuild [flags]</c>: the auditor's tools, on the same host
/// (configuration, database, pipeline) as the API. Exit codes: 0 ok, 1 mismatch found, 2 bad arguments,
/// 3 the record could not be read (<see cref="CommandExitCodes"/>).
/// </summary>
[Description("Auditor tools: verify the hash chain and projections, attest the chain head, export the log, replay convergence as of a moment, rebuild projections", Name = "audit")]
public sealed class AuditCommand : JasperFxAsyncCommand<AuditInput>
{
    public override async Task<bool> Execute(AuditInput input)
    {
        if (!Enum.TryParse<AuditAction>(input.Action, ignoreCase: true, out var action) || !input.Action.All(char.IsAsciiLetter))
        {
            await Console.Error.WriteLineAsync($"Unknown action '{input.Action}': use verify, attest, export, replay or rebuild (audit --help).");
            CommandExitCodes.Request(CommandExitCodes.Usage);
            return false;
        }

        using var host = input.BuildHost();
        var context = new AuditCliContext(host.Services, Console.Out, Console.Error, input);
        int code;
        try
        {
            code = action switch
            {
                AuditAction.Verify => await AuditVerifyCli.RunAsync(context),
                AuditAction.Attest => await AuditAttestCli.RunAsync(context),
                AuditAction.Export => await AuditExportCli.RunAsync(context),
                AuditAction.Replay => await AuditReplayCli.RunAsync(context),
                AuditAction.Rebuild => await AuditRebuildCli.RunAsync(context),
                _ => CommandExitCodes.Usage,
            };
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"The record could not be read: {e.Message}");
            code = CommandExitCodes.Unavailable;
        }

        CommandExitCodes.Request(code);
        return code == CommandExitCodes.Ok;
    }
}

/// <summary>What every audit action gets: the host's services, where to write, and the parsed flags.</summary>
public sealed record AuditCliContext(IServiceProvider Services, TextWriter Out, TextWriter Error, AuditInput Input);
