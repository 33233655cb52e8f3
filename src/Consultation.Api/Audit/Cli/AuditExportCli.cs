using Consultation.Infrastructure.Commands;

namespace Consultation.Audit.Cli;

/// <summary>Placeholder: export the log (being built).</summary>
public static class AuditExportCli
{
    public static async Task<int> RunAsync(AuditCliContext context)
    {
        await context.Error.WriteLineAsync("Not available yet: export the log.");
        return CommandExitCodes.Usage;
    }
}
