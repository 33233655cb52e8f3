using FluentValidation;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using Mediator;

namespace Consultation.Audit.Exporting;

/// <summary>
/// Any filtered range of the log as NDJSON or CSV for auditors, written to the response as rows are read
/// (constant memory, whatever the range), then recorded as an <see cref="AuditExported"/> event.
/// </summary>
public static class ExportEvents
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
        ["sequence", "streamKey", "version", "type", "recordedAt", "user", "role", "correlationId", "causationId", "command", "reason", "payload"];

    /// <summary>Validates the filter and the format before anything is written; answers the parsed filter.</summary>
    public sealed record Query : AuditFilterRequest, IQuery<AuditFilter>
    {
        public string? Format { get; set; }
    }

    public sealed class Validator : AuditFilterRules<Query>
    {
        public Validator()
            : base(maxLimit: null) =>
            RuleFor(x => x.Format)
                .Must(f => f is null or NdJson or Csv)
                .WithMessage($"'{{PropertyName}}' must be '{NdJson}' or '{Csv}'.");
    }

    public sealed class Handler : IQueryHandler<Query, AuditFilter>
    {
        public ValueTask<AuditFilter> Handle(Query query, CancellationToken cancellationToken) => ValueTask.FromResult(query.ToFilter(defaultLimit: null));
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/audit/export", async ([AsParameters] Query query, IMediator mediator, IDocumentStore store, TimeProvider time, HttpContext http, CancellationToken ct) =>
            {
                var filter = await mediator.Send(query, ct);
                var format = query.Format ?? NdJson;
                var startedAt = time.GetUtcNow();
                http.Response.ContentType = format == Csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
                http.Response.Headers.ContentDisposition =
                    $"attachment; filename=\"audit-export-{startedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.{format}\"";

                long rows = 0;
                long? first = null, last = null;
                var completed = false;
                try
                {
                    await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), bufferSize: 64 * 1024) { NewLine = format == Csv ? "\r\n" : "\n" };
                    if (format == Csv)
                    {
                        await writer.WriteLineAsync(string.Join(',', CsvHeader));
                    }

                    await foreach (var entry in AuditLog.QueryAsync(store, filter, ct))
                    {
                        await writer.WriteLineAsync(format == Csv ? CsvRow(entry) : JsonSerializer.Serialize(entry, Json));
                        first ??= entry.Sequence;
                        last = entry.Sequence;
                        if (++rows % FlushEvery == 0)
                        {
                            await writer.FlushAsync(ct);
                        }
                    }

                    await writer.FlushAsync(ct);
                    completed = true;
                }
                finally
                {
                    // Recorded even when the download breaks off: an auditor's partial copy is still a copy.
                    await mediator.Send(new RecordExport.Command(new AuditExported(format, filter.ToApplied(), rows, first, last, completed, startedAt)), CancellationToken.None);
                }

                return TypedResults.Empty;
            })
            .WithName("ExportAuditEvents")
            .WithSummary("Export a filtered range of the log as NDJSON or CSV, streamed; the export itself is recorded")
            .WithDescription("format=ndjson (default, one JSON object per line) or csv (header row, RFC 4180 quoting, payload as JSON text), "
                + "with the filters of /audit/events (limit optional and unbounded here). Each export appends an AuditExported event to the 'audit:exports' stream.")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();

    public static string CsvRow(AuditEntry e) => string.Join(
        ',',
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        CsvField(e.StreamKey),
        e.Version.ToString(CultureInfo.InvariantCulture),
        CsvField(e.Type),
        e.RecordedAt.ToString("O", CultureInfo.InvariantCulture),
        CsvField(e.RecordedBy.User),
        CsvField(e.RecordedBy.Role),
        CsvField(e.CorrelationId),
        CsvField(e.CausationId),
        CsvField(e.Command),
        CsvField(e.Reason),
        CsvField(JsonSerializer.Serialize(e.Payload, Json)));

    /// <summary>RFC 4180: a field with a comma, quote, CR or LF (or edge spaces) is quoted, its quotes doubled.</summary>
    public static string CsvField(string? value) =>
        string.IsNullOrEmpty(value)
            ? string.Empty
            : value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value[0] == ' ' || value[^1] == ' '
                ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
                : value;
}
