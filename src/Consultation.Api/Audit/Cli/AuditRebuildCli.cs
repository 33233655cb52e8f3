using Consultation.Infrastructure.Commands;

namespace Consultation.Audit.Cli;

/// <summary>Placeholder: rebuild every projection (being built).</summary>
public static class AuditRebuildCli
{
    public static async Task<int> RunAsync(AuditCliContext context)
    {
        await context.Error.WriteLineAsync("Not available yet: rebuild every projection.");
        return CommandExitCodes.Usage;
    }
}
