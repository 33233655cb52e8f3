using Consultation.Imports.Reading;
using Consultation.Imports.Sheets;
using CsvHelper;
using MiniExcelLibs;

namespace Consultation.Imports;

/// <summary>
/// The template of each kind of sheet — its header and one example row — as CSV, and all four as the sheets of one XLSX
/// workbook. The example rows fit together: the stakeholder registered is the one whose submission and position follow, on
/// the issue tabled, so the workbook imports into any process that started by the example's dates.
/// </summary>
public static class ImportTemplates
{
    public const string WorkbookName = "workbook.xlsx";

    private static readonly Dictionary<string, (SheetColumns Columns, string[] Example)> Kinds = new(StringComparer.Ordinal)
    {
        [StakeholdersSheet.Name] = (StakeholdersSheet.Columns, ["migrant-forum-asia", "CivilSociety", "Migrant Forum in Asia", "", "", "", "2017-05-01"]),
        [IssuesSheet.Name] = (IssuesSheet.Columns,
            ["regular-pathways", "Regular pathways for migration",
                "Expand and diversify the availability of pathways for safe, orderly and regular migration, including labour mobility and family reunification.",
                "Pathways", ""]),
        [SubmissionsSheet.Name] = (SubmissionsSheet.Columns,
            ["mfa-2017-10", "migrant-forum-asia", "", "2017-10-16", "regular-pathways", "Letter", "Written contribution to the stocktaking",
                "GCM/2017/MFA-1", "https://refugeesmigrants.un.org/contributions", "en"]),
        [PositionsSheet.Name] = (PositionsSheet.Columns,
            ["regular-pathways", "migrant-forum-asia", "", "1", "Supports expanding regular pathways", "", "", "", "2017-10-16", "", "", "mfa-2017-10", ""]),
    };

    /// <summary>The kinds of sheet, in the order an import decides them.</summary>
    public static IEnumerable<string> KindNames => SheetKinds.All.Select(k => k.Kind);

    public static byte[] Csv(string kind)
    {
        var (columns, example) = Kinds[kind];
        using var output = new MemoryStream();
        using (var writer = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true))
        {
            writer.WriteRecord([.. columns.Names]);
            writer.WriteRecord(example);
        }

        return output.ToArray();
    }

    /// <summary>One sheet per kind, named as the import reads it, each with its header and example row (cells as text).</summary>
    public static byte[] Workbook()
    {
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var kind in KindNames)
        {
            var (columns, example) = Kinds[kind];
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < columns.Names.Count; i++)
            {
                row[columns.Names[i]] = example[i].Length == 0 ? null : example[i];
            }

            sheets[kind] = new[] { row };
        }

        using var output = new MemoryStream();
        output.SaveAs(sheets, excelType: ExcelType.XLSX);
        return output.ToArray();
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/imports/templates/{kind}.csv", (string kind) =>
                Kinds.ContainsKey(kind) ? Results.File(Csv(kind), SpreadsheetReader.CsvContentType, $"{kind}.csv")
                : Results.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "No such template",
                    detail: $"The CSV templates are {string.Join(", ", KindNames.Select(k => $"'{k}.csv'"))}; all four as one workbook: '{WorkbookName}'."))
            .WithName("GetImportTemplate")
            .WithSummary("Download the template of a kind of import sheet (stakeholders, issues, submissions, positions), as CSV")
            .WithDescription("The header of the sheet and one example row. A CSV file is one sheet, its kind told by one column of its header ('kind' for "
                + "stakeholders, 'description' for issues, 'receivedOn' for submissions, 'stance' for positions). The example rows of the four templates "
                + "fit together: imported in that order, each names what the ones before wrote.")
            .Produces(StatusCodes.Status200OK, contentType: SpreadsheetReader.CsvContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/imports/templates/" + WorkbookName, () => Results.File(Workbook(), SpreadsheetReader.XlsxContentType, WorkbookName))
            .WithName("GetImportWorkbookTemplate")
            .WithSummary("Download the template of an import workbook (XLSX): a sheet for each kind, with its header and one example row")
            .WithDescription("Sheets named 'stakeholders', 'issues', 'submissions' and 'positions', decided in that order by an import, so a row may name "
                + "what an earlier sheet writes (the example position cites the example submission, from the example stakeholder, on the example issue). "
                + "A sheet may be left out or emptied.")
            .Produces(StatusCodes.Status200OK, contentType: SpreadsheetReader.XlsxContentType);
    }
}
