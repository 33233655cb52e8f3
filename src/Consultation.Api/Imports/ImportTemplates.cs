using Consultation.Imports.Sheets;
using CsvHelper;

namespace Consultation.Imports;

/// <summary>The template of each kind of sheet: its header and one example row, as CSV (the same columns make a workbook's sheet).</summary>
public static class ImportTemplates
{
    private static readonly Dictionary<string, (SheetColumns Columns, string[] Example)> Kinds = new(StringComparer.Ordinal)
    {
        [StakeholdersSheet.Name] = (StakeholdersSheet.Columns, ["MEX", "MemberState", "Mexico", "MEX", "LatinAmericanAndCaribbean", "G77:2017-04-01", "2017-04-01"]),
        [PositionsSheet.Name] = (PositionsSheet.Columns,
            ["regular-pathways", "MEX", "", "1", "Supports expanding regular pathways", "", "", "", "2017-05-22", "thematic-session-1", "", "", ""]),
    };

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

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/imports/templates/{kind}.csv", (string kind) =>
                Kinds.ContainsKey(kind) ? Results.File(Csv(kind), "text/csv", $"{kind}.csv")
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such template", detail: $"The templates are '{StakeholdersSheet.Name}' and '{PositionsSheet.Name}'."))
            .WithName("GetImportTemplate")
            .WithSummary("Download the template of a kind of import sheet (stakeholders, positions), as CSV")
            .WithDescription("The header of the sheet and one example row. The same columns, on sheets named 'stakeholders' and 'positions', make an XLSX workbook.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
