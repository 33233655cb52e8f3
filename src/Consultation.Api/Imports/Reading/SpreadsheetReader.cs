using System.Globalization;
using CsvHelper;
using MiniExcelLibs;

namespace Consultation.Imports.Reading;

/// <summary>
/// Reads an uploaded file into sheets: a CSV file (CsvHelper; UTF-8, the separator detected among , ; tab |) is one sheet,
/// an XLSX workbook (MiniExcel) one sheet per worksheet. Cells are read as text: a formula's cached value (what the
/// spreadsheet last showed), a date cell as <c>YYYY-MM-DD</c> (with its time, if it has one), a number in invariant
/// notation. Empty rows are skipped; a row's number is the one the spreadsheet shows (the header is row 1).
/// </summary>
public static class SpreadsheetReader
{
    public const string CsvContentType = "text/csv";

    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Reads <paramref name="content"/> as the <paramref name="contentType"/> says; <paramref name="csvName"/> names a CSV file's one sheet.</summary>
    public static IReadOnlyList<Sheet> Read(byte[] content, string contentType, Func<IReadOnlyList<string>, string> csvName, int maxRows) =>
        contentType switch
        {
            CsvContentType => [ReadCsv(content, csvName, maxRows)],
            XlsxContentType => ReadXlsx(content, maxRows),
            _ => throw new UnreadableSpreadsheet($"Send the file as '{CsvContentType}' or '{XlsxContentType}'."),
        };

    private static Sheet ReadCsv(byte[] content, Func<IReadOnlyList<string>, string> name, int maxRows)
    {
        try
        {
            using var reader = CsvReader.Create(content, new CsvReaderOptions { TrimWhitespace = true, IncludeValuesInExceptions = false });
            var rows = new List<SheetRow>();
            string[]? columns = null;
            while (reader.Read())
            {
                columns ??= [.. reader.Headers];
                var cells = new Dictionary<string, string?>(columns.Length, StringComparer.Ordinal);
                for (var i = 0; i < columns.Length; i++)
                {
                    cells[columns[i]] = i < reader.FieldCount ? Text(reader.GetString(i)) : null;
                }

                if (cells.Values.Any(v => v is not null))
                {
                    rows.Add(new SheetRow(checked((int)reader.RowNumber) + 1, cells));
                    RequireRows(rows.Count, maxRows);
                }
            }

            columns ??= [.. reader.Headers];
            return columns.Length == 0
                ? throw new UnreadableSpreadsheet("The CSV file has no header row: its first line names the columns.")
                : new Sheet(name(columns), columns, rows);
        }
        catch (CsvFormatException e)
        {
            throw new UnreadableSpreadsheet($"The file is not valid CSV: {e.Message}");
        }
    }

    private static List<Sheet> ReadXlsx(byte[] content, int maxRows)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            var sheets = new List<Sheet>();
            var total = 0;
            foreach (var sheetName in MiniExcel.GetSheetNames(stream))
            {
                stream.Position = 0;
                string[]? columns = null;
                var letters = Array.Empty<string>();
                var rows = new List<SheetRow>();
                var number = 0;
                foreach (IDictionary<string, object?> raw in MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheetName, excelType: ExcelType.XLSX))
                {
                    number++;
                    if (columns is null)
                    {
                        var named = raw.Where(c => Cell(c.Value) is not null).ToList();
                        columns = [.. named.Select(c => Cell(c.Value)!)];
                        letters = [.. named.Select(c => c.Key)];
                        continue;
                    }

                    var cells = new Dictionary<string, string?>(columns.Length, StringComparer.Ordinal);
                    for (var i = 0; i < columns.Length; i++)
                    {
                        cells[columns[i]] = Cell(raw.TryGetValue(letters[i], out var value) ? value : null);
                    }

                    if (cells.Values.Any(v => v is not null))
                    {
                        rows.Add(new SheetRow(number, cells));
                        RequireRows(++total, maxRows);
                    }
                }

                if (columns is not null)
                {
                    sheets.Add(new Sheet(sheetName, columns, rows));
                }
            }

            return sheets;
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or FormatException or System.Xml.XmlException or IndexOutOfRangeException)
        {
            throw new UnreadableSpreadsheet("The file is not a readable XLSX workbook (Office Open XML spreadsheet).");
        }
    }

    private static void RequireRows(int count, int maxRows)
    {
        if (count > maxRows)
        {
            throw new SpreadsheetTooLarge($"An import holds at most {maxRows} rows; split the file into several imports.");
        }
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>An XLSX cell as text: dates without a time as YYYY-MM-DD, numbers in invariant notation.</summary>
    private static string? Cell(object? value) => value switch
    {
        null => null,
        DateTime { TimeOfDay.Ticks: 0 } date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime dateTime => dateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset moment => moment.ToString("O", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => Text(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => Text(value.ToString()),
    };
}
