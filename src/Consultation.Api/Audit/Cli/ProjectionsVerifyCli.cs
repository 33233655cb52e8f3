using Consultation.Infrastructure.Commands;

namespace Consultation.Audit.Cli;

/// <summary>Placeholder: compare projections with a rebuild (being built).</summary>
public static class ProjectionsVerifyCli
{
    public static async Task<int> RunAsync(AuditCliContext context)
    {
        await context.Error.WriteLineAsync("Not available yet: compare projections with a rebuild.");
        return CommandExitCodes.Usage;
    }
}
