using Consultation.Infrastructure.Commands;

namespace Consultation.Audit.Cli;

/// <summary>Placeholder: replay convergence as of a moment (being built).</summary>
public static class AuditReplayCli
{
    public static async Task<int> RunAsync(AuditCliContext context)
    {
        await context.Error.WriteLineAsync("Not available yet: replay convergence as of a moment.");
        return CommandExitCodes.Usage;
    }
}
