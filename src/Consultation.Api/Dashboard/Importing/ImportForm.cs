using System.Globalization;
using Consultation.Imports.Reading;
using Microsoft.AspNetCore.Antiforgery;

namespace Consultation.Dashboard.Importing;

/// <summary>
/// The import page's posted form (<c>multipart/form-data</c>): the file, chosen or carried back by the commit form
/// (<see cref="CommitOffer"/>), whether it is a dry run, and for a commit its key and the digest the dry run checked.
/// </summary>
public sealed record ImportForm(bool DryRun, string? Key, string? CheckedSha256, string FileName, SpreadsheetUpload Upload)
{
    public const string FileField = "file";
    public const string DryRunField = "dryRun";
    public const string KeyField = "key";
    public const string CheckedField = "checked";
    public const string ContentField = "content";
    public const string FileNameField = "fileName";
    public const string ContentTypeField = "contentType";

    /// <summary>A file this small travels back in the commit form, so the user need not choose it again.</summary>
    public const int CarriedMaxBytes = 1024 * 1024;

    private const int FileNameMaxLength = 200;

    /// <summary>The form, or the status and message to answer instead (nothing was checked or written).</summary>
    public static async Task<(ImportForm? Form, int Status, string? Problem)> ReadAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!http.Request.HasFormContentType)
        {
            return (null, StatusCodes.Status400BadRequest, "Send the import page's form (multipart/form-data) with its file.");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
            || (e is InvalidDataException && e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, StatusCodes.Status413PayloadTooLarge, TooLarge(null));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, StatusCodes.Status400BadRequest, "The form could not be read; open the import page again and choose the file.");
        }

        if (!await HasValidTokenAsync(http, antiforgery))
        {
            return (null, StatusCodes.Status400BadRequest, "The form has expired or did not come from the import page; open the import page again and choose the file.");
        }

        var dryRun = !string.Equals(form[DryRunField], "false", StringComparison.OrdinalIgnoreCase);
        var key = Single(form, KeyField);
        var checkedSha256 = Single(form, CheckedField);
        if (form.Files.GetFile(FileField) is { Length: > 0 } file)
        {
            return file.Length > SpreadsheetUpload.MaxBytes
                ? (null, StatusCodes.Status413PayloadTooLarge, TooLarge(file.Length))
                : await FromFileAsync(dryRun, key, checkedSha256, CleanName(file.FileName), file);
        }

        if (!dryRun && Single(form, ContentField) is { Length: > 0 } carried)
        {
            var name = CleanName(Single(form, FileNameField));
            var bytes = new byte[carried.Length * 3 / 4];
            return Convert.TryFromBase64String(carried, bytes, out var length) && length <= SpreadsheetUpload.MaxBytes && ContentTypeOf(name, Single(form, ContentTypeField)) is { } type
                ? (new ImportForm(dryRun, key, checkedSha256, name, SpreadsheetUpload.From(bytes[..length], type)), StatusCodes.Status200OK, null)
                : (null, StatusCodes.Status400BadRequest, "The commit form's file could not be read; check the file again.");
        }

        return (null, StatusCodes.Status400BadRequest, "Choose a file: a CSV (.csv) or XLSX (.xlsx) spreadsheet.");
    }

    private static async Task<(ImportForm?, int, string?)> FromFileAsync(bool dryRun, string? key, string? checkedSha256, string name, IFormFile file)
    {
        if (ContentTypeOf(name, file.ContentType) is not { } type)
        {
            return (null, StatusCodes.Status400BadRequest, $"'{name}' is not a spreadsheet this page takes: choose a CSV (.csv) or XLSX (.xlsx) file.");
        }

        using var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content);
        return (new ImportForm(dryRun, key, checkedSha256, name, SpreadsheetUpload.From(content.ToArray(), type)), StatusCodes.Status200OK, null);
    }

    /// <summary>
    /// The file's type by its name first: browsers send a CSV file as <c>text/csv</c>, <c>application/vnd.ms-excel</c> or
    /// nothing, depending on the system; the type they sent is used only for a name without a known extension.
    /// </summary>
    private static string? ContentTypeOf(string name, string? declared) =>
        System.IO.Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".csv" => SpreadsheetReader.CsvContentType,
            ".xlsx" => SpreadsheetReader.XlsxContentType,
            _ => declared?.Split(';')[0].Trim().ToLowerInvariant() is SpreadsheetReader.CsvContentType or SpreadsheetReader.XlsxContentType
                ? declared.Split(';')[0].Trim().ToLowerInvariant()
                : null,
        };

    private static string TooLarge(long? bytes) =>
        (bytes is { } size ? $"The file is {size.ToString("N0", CultureInfo.InvariantCulture)} bytes; an" : "The file is too large: an")
        + $" import takes at most {SpreadsheetUpload.MaxBytes / (1024 * 1024)} MiB ({SpreadsheetUpload.MaxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes). Split it into several files.";

    /// <summary>The name as the user's system gave it, for showing: no folders, no control characters, not overlong.</summary>
    private static string CleanName(string? name)
    {
        var clean = new string([.. System.IO.Path.GetFileName(name ?? string.Empty).Where(c => !char.IsControl(c))]).Trim();
        return clean.Length == 0 ? "the file" : clean.Length > FileNameMaxLength ? clean[..FileNameMaxLength] : clean;
    }

    private static string? Single(IFormCollection form, string field) => form[field] is { Count: 1 } values ? values[0] : null;

    /// <summary>As the sign-out form: a token that cannot be read is no valid token (400, not 500).</summary>
    private static async Task<bool> HasValidTokenAsync(HttpContext http, IAntiforgery antiforgery)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(http);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException or AntiforgeryValidationException)
        {
            return false;
        }
    }
}
