using Consultation.Infrastructure.Security;

namespace Consultation.Audit.Exporting;

/// <summary>
/// Any filtered range of the log as NDJSON or CSV for auditors, written to the response as rows are read
/// (constant memory, whatever the range), then recorded as an <see cref="AuditExported"/> event.
/// </summary>
public static class ExportEvents
{
    public const string NdJson = AuditExportWriter.NdJson;
    public const string Csv = AuditExportWriter.Csv;

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
                var export = new AuditExportWriter(query.Format ?? NdJson);
                var startedAt = time.GetUtcNow();
                http.Response.ContentType = export.ContentType;
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{AuditExportWriter.FileName(export.Format, startedAt)}\"";

                var completed = false;
                try
                {
                    await export.WriteAsync(http.Response.Body, AuditLog.QueryAsync(store, filter, ct), ct);
                    completed = true;
                }
                finally
                {
                    // Recorded even when the download breaks off: an auditor's partial copy is still a copy.
                    await mediator.Send(new RecordExport.Command(export.ToEvent(filter, completed, startedAt)), CancellationToken.None);
                }

                return TypedResults.Empty;
            })
            .RequireRateLimiting(AccessEndpoints.WritesRateLimit) // each export appends an event: it counts as a write
            .WithName("ExportAuditEvents")
            .WithSummary("Export a filtered range of the log as NDJSON or CSV, streamed; the export itself is recorded")
            .WithDescription("format=ndjson (default, one JSON object per line) or csv (header row, RFC 4180 quoting, payload as JSON text, "
                + "text cells starting with = + - @ tab or CR prefixed with ' against formula injection), "
                + "with the filters of /audit/events (limit optional and unbounded here). Each export appends an AuditExported event to the 'audit:exports' stream.")
            .Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
}
