using System.Globalization;
using Consultation.Audit.Exporting;
using Consultation.Infrastructure.Commands;
using Consultation.Infrastructure.Pipeline;

namespace Consultation.Audit.Cli;

/// <summary>
/// <c>audit export --from --to --format ndjson|csv [--output file] [--user --type --process --stream-kind]</c>: the rows of
/// <c>GET /audit/export</c> for the same filter, byte for byte (same validation, same writer), streamed to standard
/// output or a file with progress on standard error, then recorded as an <see cref="AuditExported"/> event by the
/// operator (the OS user, role <c>cli</c>).
/// </summary>
public static class AuditExportCli
{
    public const string Role = "cli";
    public const int ProgressEvery = 10_000;

    public static async Task<int> RunAsync(AuditCliContext context)
    {
        var input = context.Input;
        await using var scope = context.Services.CreateAsyncScope();
        var operation = scope.ServiceProvider.GetRequiredService<RequestContext>();
        operation.UserName = Operator();
        operation.Role = Role;
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();

        var query = new ExportEvents.Query
        {
            From = input.FromFlag,
            To = input.ToFlag,
            User = input.UserFlag,
            Type = input.TypeFlag,
            Process = input.ProcessFlag,
            StreamKind = input.StreamKindFlag,
            Format = input.FormatFlag,
        };
        AuditFilter filter;
        try
        {
            filter = await mediator.Send(query);
        }
        catch (ValidationException invalid)
        {
            foreach (var error in invalid.Errors)
            {
                await context.Error.WriteLineAsync($"--{Flag(error.PropertyName)}: {error.ErrorMessage}");
            }

            return CommandExitCodes.Usage;
        }

        Stream output;
        try
        {
            output = input.OutputFlag is { Length: > 0 } path
                ? new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024, useAsync: true)
                : Console.OpenStandardOutput();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await context.Error.WriteLineAsync($"--output: cannot write '{input.OutputFlag}': {e.Message}");
            return CommandExitCodes.Usage;
        }

        var export = new AuditExportWriter(query.Format ?? AuditExportWriter.NdJson);
        var startedAt = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var completed = false;
        try
        {
            await using (output)
            {
                await export.WriteAsync(
                    output,
                    AuditLog.QueryAsync(store, filter, CancellationToken.None),
                    CancellationToken.None,
                    rows => context.Error.WriteLineAsync($"  {rows.ToString("N0", CultureInfo.InvariantCulture)} rows (up to sequence {export.LastSequence})"),
                    ProgressEvery);
            }

            completed = true;
        }
        finally
        {
            // Recorded even when the export breaks off, as over HTTP: a partial copy is still a copy.
            var recorded = await mediator.Send(new RecordExport.Command(export.ToEvent(filter, completed, startedAt)));
            await context.Error.WriteLineAsync(
                $"{(completed ? "Exported" : "Broke off after")} {export.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows"
                + (export.FirstSequence is { } first ? $" (sequences {first}–{export.LastSequence})" : string.Empty)
                + $" as {export.Format}{(input.OutputFlag is { Length: > 0 } file ? $" to {file}" : string.Empty)}; "
                + $"recorded on {recorded.Key} as AuditExported by {operation.UserName} (role {Role}).");
        }

        return CommandExitCodes.Ok;
    }

    /// <summary>Who runs the command: the operating-system user (a CLI has no authenticated principal).</summary>
    public static string Operator() => Environment.UserName is { Length: > 0 } name ? name : "unknown-operator";

    private static string Flag(string property) => property switch
    {
        nameof(ExportEvents.Query.StreamKind) => "stream-kind",
        _ => property.ToLowerInvariant(),
    };
}
