using System.Text.Json;
using Consultation.Projections;
using Consultation.Infrastructure.Commands;
using Consultation.Infrastructure.Database;

namespace Consultation.Audit.Cli;

/// <summary>
/// <c>audit verify --projections-only</c>: every live projection against a rebuild from the events in a scratch schema.
/// Progress on standard error, the report on standard output (text, or <c>--json</c>). Exit 0 when they match, 1 when a
/// document differs or a projection cannot be rebuilt.
/// </summary>
public static class ProjectionsVerifyCli
{
    public static async Task<int> RunAsync(AuditCliContext context)
    {
        var store = context.Services.GetRequiredService<IDocumentStore>();
        var database = context.Services.GetRequiredService<ConsultationDatabase>();
        var order = ProjectionCatalog.All(store).Select(p => p.Name).ToList();
        var printer = new ProgressPrinter(context.Error, order, "verify");
        var report = await ProjectionVerifier.VerifyAsync(
            store,
            context.Services.GetRequiredService<StoreConfiguration>(),
            database.ConnectionString,
            TimeProvider.System,
            message =>
            {
                context.Error.WriteLine(message);
                context.Error.Flush();
            },
            printer.OnProgress,
            CancellationToken.None);

        if (context.Input.JsonFlag)
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(report, CliJson.Options));
        }
        else
        {
            await VerificationReportText.WriteAsync(context.Out, report);
        }

        return report.Identical ? CommandExitCodes.Ok : CommandExitCodes.Mismatch;
    }
}
