using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Consultation.Imports.Reading;

/// <summary>
/// The uploaded file: the raw request body with its content type (<c>text/csv</c> or the XLSX type), at most
/// <see cref="MaxBytes"/>. Only its type and digest are public, so the Idempotency-Key's fingerprint of the request is
/// the file's digest, never its bytes.
/// </summary>
public sealed class SpreadsheetUpload
{
    public const long MaxBytes = 8 * 1024 * 1024;

    /// <summary>
    /// The endpoint's body is this upload (the Idempotency-Key's fingerprint reads it). No content types are listed here: routing
    /// would answer 415 to another type before the user's role is checked; the binding refuses it (400), after the check.
    /// </summary>
    public static readonly IAcceptsMetadata Body = new UploadBody();

    public required string ContentType { get; init; }

    /// <summary>SHA-256 of the file, hex.</summary>
    public required string Sha256 { get; init; }

    [JsonIgnore]
    public byte[] Content { get; init; } = [];

    public static SpreadsheetUpload From(byte[] content, string contentType) => new()
    {
        Content = content,
        ContentType = contentType,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
    };

    public static async ValueTask<SpreadsheetUpload?> BindAsync(HttpContext http)
    {
        var media = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        if (media is not (SpreadsheetReader.CsvContentType or SpreadsheetReader.XlsxContentType))
        {
            throw new UnreadableSpreadsheet($"Send the file as the request's body with 'Content-Type: {SpreadsheetReader.CsvContentType}' or '{SpreadsheetReader.XlsxContentType}'.");
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        return buffer.Length == 0 ? throw new UnreadableSpreadsheet("The body is empty: send the file as the request's body.") : From(buffer.ToArray(), media);
    }
}

file sealed class UploadBody : IAcceptsMetadata
{
    public IReadOnlyList<string> ContentTypes => [];

    public Type? RequestType => typeof(SpreadsheetUpload);

    public bool IsOptional => false;
}
