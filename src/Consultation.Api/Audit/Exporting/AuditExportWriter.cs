using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;

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
    /// Writes every entry (a CSV header first), flushing every few hundred rows, only ever asynchronously (Kestrel refuses
    /// a synchronous write, which a full buffer would otherwise make); <paramref name="progress"/> is told the
    /// row count every <paramref name="progressEvery"/> rows. The counts stay readable when the stream breaks off.
    /// </summary>
    public async Task WriteAsync(
        Stream output,
        IAsyncEnumerable<AuditEntry> entries,
        CancellationToken cancellationToken,
        Func<long, Task>? progress = null,
        int progressEvery = 10_000)
    {
        if (Format == Csv)
        {
            await using var csv = CsvWriter.Create(output, CsvOptions, leaveOpen: true);
            await csv.WriteRecordAsync(CsvHeader, cancellationToken);
            await WriteRowsAsync(entries, entry => WriteCsvRowAsync(csv, entry, cancellationToken), ct => csv.FlushAsync(ct).AsTask(), cancellationToken, progress, progressEvery);
            return;
        }

        await using var writer = new StreamWriter(output, new UTF8Encoding(false), bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        await WriteRowsAsync(entries, entry => new ValueTask(writer.WriteLineAsync(JsonSerializer.Serialize(entry, Json))), writer.FlushAsync, cancellationToken, progress, progressEvery);
    }

    private async Task WriteRowsAsync(
        IAsyncEnumerable<AuditEntry> entries,
        Func<AuditEntry, ValueTask> write,
        Func<CancellationToken, Task> flush,
        CancellationToken cancellationToken,
        Func<long, Task>? progress,
        int progressEvery)
    {
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            await write(entry);
            FirstSequence ??= entry.Sequence;
            LastSequence = entry.Sequence;
            Rows++;
            if (Rows % FlushEvery == 0)
            {
                await flush(cancellationToken);
            }

            if (progress is not null && Rows % progressEvery == 0)
            {
                await progress(Rows);
            }
        }

        await flush(cancellationToken);
    }

    /// <summary>The fact to record about this export.</summary>
    public AuditExported ToEvent(AuditFilter filter, bool completed, DateTimeOffset startedAt) =>
        new(Format, filter.ToApplied(), Rows, FirstSequence, LastSequence, completed, startedAt);

    public static string FileName(string format, DateTimeOffset startedAt) =>
        $"audit-export-{startedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.{format}";

    /// <summary>
    /// RFC 4180 as CsvHelper writes it (CRLF, quotes doubled), a field quoted when it holds a comma, quote, CR or LF or starts
    /// or ends with whitespace. The formula neutralising is ours (<see cref="Neutralised"/>): CsvHelper's own would also
    /// quote every neutralised cell.
    /// </summary>
    private static readonly CsvWriterOptions CsvOptions = CsvWriterOptions.Default with { Quoting = CsvQuoting.WhenNeededOrWhitespace };

    private static ValueTask WriteCsvRowAsync(CsvWriter csv, AuditEntry e, CancellationToken cancellationToken)
    {
        csv.WriteField(e.Sequence);
        csv.WriteField(Neutralised(e.StreamKey));
        csv.WriteField(e.Version);
        csv.WriteField(Neutralised(e.Type));
        csv.WriteField(e.RecordedAt.ToString("O", CultureInfo.InvariantCulture));
        csv.WriteField(Neutralised(e.RecordedBy.User));
        csv.WriteField(Neutralised(e.RecordedBy.Role));
        csv.WriteField(Neutralised(e.RecordedBy.DisplayName));
        csv.WriteField(Neutralised(e.CorrelationId));
        csv.WriteField(Neutralised(e.CausationId));
        csv.WriteField(Neutralised(e.Command));
        csv.WriteField(Neutralised(e.Reason));
        csv.WriteField(Neutralised(JsonSerializer.Serialize(e.Payload, Json)));
        csv.WriteField(Neutralised(e.Note));
        return csv.EndRecordAsync(cancellationToken);
    }

    /// <summary>
    /// A text cell neutralised against formula injection (OWASP): a cell starting with <c>= + - @</c>, tab or carriage
    /// return gets a leading <c>'</c>, so a spreadsheet shows it as text instead of evaluating it.
    /// </summary>
    public static string? Neutralised(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
