using Consultation.Infrastructure.Commands;
using JasperFx.CommandLine;

namespace Consultation.Imports.Cli;

/// <summary>
/// <c>dotnet run -- import --process P --file F.xlsx|F.csv [--dry-run] [--user U]</c>: the import of
/// <c>POST /processes/{p}/imports</c> from the command line, on the same host (configuration, database, pipeline) as the API.
/// Progress on standard error, the summary on standard output. Exit codes (<see cref="CommandExitCodes"/>): 0 written, or a
/// dry run that found nothing wrong; 1 rows refused (nothing written); 2 bad input (arguments, an unreadable file, an
/// unknown process); 3 the record could not be reached.
/// </summary>
[Description("Import a spreadsheet (XLSX workbook or CSV) of stakeholders, issues, submissions and positions into a process, or check it with --dry-run", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public override async Task<bool> Execute(ImportInput input)
    {
        var code = await ImportCli.RunAsync(input, input.BuildHost, Console.Out, Console.Error);
        CommandExitCodes.Request(code);
        return code == CommandExitCodes.Ok;
    }
}
