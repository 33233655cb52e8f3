using Consultation.Infrastructure.Commands;

namespace Consultation.Audit.Cli;

/// <summary>Placeholder: verify the hash chain (being built).</summary>
public static class ChainVerifyCli
{
    public static async Task<int> RunAsync(AuditCliContext context)
    {
        await context.Error.WriteLineAsync("Not available yet: verify the hash chain.");
        return CommandExitCodes.Usage;
    }
}
