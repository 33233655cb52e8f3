using Consultation.Infrastructure.Commands;

namespace Consultation.Audit.Cli;

/// <summary><c>audit verify</c>: the hash chain, then the projections (unless one is excluded); the worst result decides the exit code.</summary>
public static class AuditVerifyCli
{
    public static async Task<int> RunAsync(AuditCliContext context)
    {
        if (context.Input.ChainOnlyFlag && context.Input.ProjectionsOnlyFlag)
        {
            await context.Error.WriteLineAsync("Give --chain-only or --projections-only, not both.");
            return CommandExitCodes.Usage;
        }

        var chain = context.Input.ProjectionsOnlyFlag ? CommandExitCodes.Ok : await ChainVerifyCli.RunAsync(context);
        if (chain == CommandExitCodes.Usage || context.Input.ChainOnlyFlag)
        {
            return chain;
        }

        var projections = await ProjectionsVerifyCli.RunAsync(context);
        return Math.Max(chain, projections);
    }
}
