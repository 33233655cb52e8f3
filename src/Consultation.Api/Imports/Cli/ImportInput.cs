using JasperFx.CommandLine;

namespace Consultation.Imports.Cli;

public sealed class ImportInput : NetCoreInput
{
    [Description("the process to import into (its key)")]
    [FlagAlias("process", 'p')]
    public string? ProcessFlag { get; set; }

    [Description("the spreadsheet: an XLSX workbook (.xlsx) or a CSV file (.csv)")]
    [FlagAlias("file", 'f')]
    public string? FileFlag { get; set; }

    [Description("only check: decide every row and write nothing")]
    [FlagAlias("dry-run", true)]
    public bool DryRunFlag { get; set; }

    [Description("who the events are recorded as (default: the operating system's user name)")]
    [FlagAlias("user", true)]
    public string? UserFlag { get; set; }
}
