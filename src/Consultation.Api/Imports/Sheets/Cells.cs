using System.Globalization;

namespace Consultation.Imports.Sheets;

/// <summary>Cell text read as the JSON API reads the same field: dates, whole numbers.</summary>
public static class Cells
{
    public const string DateRule = "must be a date: a date cell, YYYY-MM-DD, or a date-time with its offset (2018-07-13T10:00:00+02:00)";

    /// <summary>A date cell (read as YYYY-MM-DD, or with its time), YYYY-MM-DD, or a date-time with offset (its own calendar date).</summary>
    public static bool TryDate(string text, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (text.Length > 10 && text[10] == 'T'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var moment)
            && (HasOffset(text) || IsCellDateTime(text)))
        {
            date = DateOnly.FromDateTime(moment.DateTime);
            return true;
        }

        date = default;
        return false;
    }

    public static bool TryWhole(string text, out int number)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return true;
        }

        // A number cell reads as "1" or "-2"; "+1" as text is accepted by the line above, "1.0" is not a whole number of the cell's.
        return false;
    }

    /// <summary>A cell listing several values separated by ';' (<c>a; b; c</c>), each trimmed, empty entries dropped.</summary>
    public static string[] List(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool HasOffset(string text) => text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > 10;

    // A date cell with a time, as the reader writes it: yyyy-MM-ddTHH:mm:ss, no offset (a spreadsheet's cells have none).
    private static bool IsCellDateTime(string text) => text.Length == 19;
}
