using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Consultation.Audit.Exporting;

/// <summary>
/// Writes log entries as NDJSON or CSV to a stream, row by row (constant memory), counting what it wrote. The HTTP export
/// and <c>audit export</c> both write through it, so the same filter gives the same bytes on either path.
/// </summary>
public sealed class AuditExportWriter(string format)
{
    public const string NdJson = "ndjson";
    public const string Csv = "csv";
    private const int FlushEvery = 500;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file, not HTML: keep 'Jürg' readable
    };

    private static readonly string[] CsvHeader =
        ["sequence", "streamKey", "version", "type", "recordedAt", "user", "role", "displayName", "correlationId", "causationId", "command", "reason", "payload", "note"];

    public string Format { get; } = format;

    public long Rows { get; private set; }

    public long? FirstSequence { get; private set; }

    public long? LastSequence { get; private set; }

    public string ContentType => Format == Csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";

    /// <summary>
    /// Writes every entry (a CSV header first), flushing every few hundred rows; <paramref name="progress"/> is told the
    /// row count every <paramref name="progressEvery"/> rows. The counts stay readable when the stream breaks off.
    /// </summary>
    public async Task WriteAsync(
        Stream output,
        IAsyncEnumerable<AuditEntry> entries,
        CancellationToken cancellationToken,
        Func<long, Task>? progress = null,
        int progressEvery = 10_000)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true)
        {
            NewLine = Format == Csv ? "\r\n" : "\n",
        };
        if (Format == Csv)
        {
            await writer.WriteLineAsync(string.Join(',', CsvHeader));
        }

        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Format == Csv ? CsvRow(entry) : JsonSerializer.Serialize(entry, Json));
            FirstSequence ??= entry.Sequence;
            LastSequence = entry.Sequence;
            Rows++;
            if (Rows % FlushEvery == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }

            if (progress is not null && Rows % progressEvery == 0)
            {
                await progress(Rows);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>The fact to record about this export.</summary>
    public AuditExported ToEvent(AuditFilter filter, bool completed, DateTimeOffset startedAt) =>
        new(Format, filter.ToApplied(), Rows, FirstSequence, LastSequence, completed, startedAt);

    public static string FileName(string format, DateTimeOffset startedAt) =>
        $"audit-export-{startedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.{format}";

    public static string CsvRow(AuditEntry e) => string.Join(
        ',',
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        CsvField(e.StreamKey),
        e.Version.ToString(CultureInfo.InvariantCulture),
        CsvField(e.Type),
        e.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
        CsvField(e.RecordedBy.User),
        CsvField(e.RecordedBy.Role),
        CsvField(e.RecordedBy.DisplayName),
        CsvField(e.CorrelationId),
        CsvField(e.CausationId),
        CsvField(e.Command),
        CsvField(e.Reason),
        CsvField(JsonSerializer.Serialize(e.Payload, Json)),
        CsvField(e.Note));

    /// <summary>
    /// A text cell: neutralised against formula injection (OWASP: a cell starting with <c>= + - @</c>, tab or carriage
    /// return gets a leading <c>'</c>, so a spreadsheet shows it as text instead of evaluating it), then quoted per
    /// RFC 4180 when it holds a comma, quote, CR or LF (or edge spaces), its quotes doubled.
    /// </summary>
    public static string CsvField(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value[0] == ' ' || value[^1] == ' '
            ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
            : value;
    }
}
