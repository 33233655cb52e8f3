using System.Diagnostics;
using System.Globalization;
using Consultation.Imports.Reading;
using Consultation.Infrastructure.Commands;
using Consultation.Infrastructure.Pipeline;
using Consultation.Infrastructure.Security;

namespace Consultation.Imports.Cli;

/// <summary>
/// The <c>import</c> verb's work: checks the arguments, reads the file and sends <see cref="ImportSpreadsheet.Command"/>
/// through the mediator — validation, event metadata, the same handler as the API — as the given user, in the role the API
/// lets a person import in (as the seed loader does), then prints the summary. Returns the exit code.
/// </summary>
public static class ImportCli
{
    public static async Task<int> RunAsync(ImportInput input, Func<IHost> buildHost, TextWriter output, TextWriter error)
    {
        var user = input.UserFlag ?? Environment.UserName;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(input.ProcessFlag))
        {
            problems.Add("Give the process to import into: --process KEY.");
        }

        var contentType = Path.GetExtension(input.FileFlag ?? string.Empty).ToLowerInvariant() switch
        {
            ".xlsx" => SpreadsheetReader.XlsxContentType,
            ".csv" => SpreadsheetReader.CsvContentType,
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(input.FileFlag) || contentType is null)
        {
            problems.Add("Give the spreadsheet: --file F.xlsx (a workbook) or --file F.csv (one sheet).");
        }
        else if (!File.Exists(input.FileFlag))
        {
            problems.Add($"--file: '{input.FileFlag}' does not exist.");
        }

        if (TokenUser.Problem(user) is not null)
        {
            problems.Add($"--user: '{user}' cannot be recorded as who imported (1-{TokenUser.MaxUserIdLength} characters, no control characters, "
                + $"none of {string.Join(", ", TokenUser.ReservedUserIds.Order(StringComparer.Ordinal))}).");
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(problem);
            }

            return CommandExitCodes.Usage;
        }

        var upload = SpreadsheetUpload.From(await File.ReadAllBytesAsync(input.FileFlag!), contentType!);
        var clock = Stopwatch.StartNew();
        var command = new ImportSpreadsheet.Command(input.ProcessFlag!, input.DryRunFlag, upload) { Progress = new ProgressLines(error, clock) };
        try
        {
            using var host = buildHost();
            await using var scope = host.Services.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<RequestContext>();
            context.UserName = user;
            context.DisplayName = $"{user} (command line import)";
            context.Role = scope.ServiceProvider.GetRequiredService<CommandAccess>().RoleFor(typeof(ImportSpreadsheet.Command));
            context.CorrelationId = "import-" + RequestContext.NewCorrelationId()[..12];

            var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(command, CancellationToken.None);
            await PrintAsync(output, result, input.FileFlag!, clock.Elapsed);
            return result.Errors.Count == 0 ? CommandExitCodes.Ok : CommandExitCodes.Mismatch;
        }
        catch (ImportRefused refused)
        {
            await output.WriteLineAsync($"Nothing was written: {refused.Errors.Count} cells or rows of {input.FileFlag} are wrong.");
            await PrintErrorsAsync(output, refused.Errors);
            return CommandExitCodes.Mismatch;
        }
        catch (DomainRuleViolation refused)
        {
            await error.WriteLineAsync($"Nothing was written: {refused.Message}");
            return CommandExitCodes.Mismatch;
        }
        catch (Exception e) when (e is UnreadableSpreadsheet or SpreadsheetTooLarge or StreamNotFound or ValidationException)
        {
            await error.WriteLineAsync($"Nothing was written: {e.Message}");
            return CommandExitCodes.Usage;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await error.WriteLineAsync($"The record could not be reached: {e.Message}");
            return CommandExitCodes.Unavailable;
        }
    }

    private static async Task PrintAsync(TextWriter output, ImportSpreadsheet.Result result, string file, TimeSpan elapsed)
    {
        var outcome = result.Committed ? $"{result.Events:N0} events written"
            : result.Errors.Count == 0 ? $"dry run: {result.Events:N0} events would be written, nothing was"
            : $"dry run: {result.Errors.Count:N0} cells or rows are wrong, nothing was written";
        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture, $"Import of {file} into '{result.Process}': {result.Rows:N0} rows read, {outcome} ({elapsed.TotalSeconds:0.0} s)."));
        foreach (var sheet in result.Written.GroupBy(r => r.Sheet))
        {
            await output.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture, $"  {sheet.Key,-13} {sheet.Count(),7:N0} rows {sheet.Sum(r => r.Writes.Count),8:N0} events"));
        }

        await PrintErrorsAsync(output, result.Errors);
    }

    private static async Task PrintErrorsAsync(TextWriter output, IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (key, messages) in errors)
        {
            foreach (var message in messages)
            {
                await output.WriteLineAsync($"  {key}: {message}");
            }
        }
    }

    /// <summary>A line on standard error when the file is read and after each chunk decided: rows, the sheet's items, events, rows/s.</summary>
    private sealed class ProgressLines(TextWriter error, Stopwatch clock) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            var seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            error.WriteLine(value.Sheet is null
                ? string.Create(CultureInfo.InvariantCulture, $"read {value.Rows:N0} rows ({seconds:0.0} s)")
                : string.Create(CultureInfo.InvariantCulture,
                    $"{value.Sheet}: {value.Decided:N0}/{value.Planned:N0} items decided, {value.Events:N0} events, {value.RowsDecided / seconds:N0} rows/s"));
        }
    }
}
