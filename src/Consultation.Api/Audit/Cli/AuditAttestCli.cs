using Consultation.Infrastructure.Commands;

namespace Consultation.Audit.Cli;

/// <summary>Placeholder: print the chain head (being built).</summary>
public static class AuditAttestCli
{
    public static async Task<int> RunAsync(AuditCliContext context)
    {
        await context.Error.WriteLineAsync("Not available yet: print the chain head.");
        return CommandExitCodes.Usage;
    }
}
