using Consultation.Infrastructure.Errors;
using Consultation.Infrastructure.Pipeline;

namespace Consultation.Audit.Reading;

/// <summary>
/// Every event of one stream, of any kind, in order: who recorded it under which correlation id, why, and the payload. The
/// registry is shared by every process, so a reader of some processes gets a registry record's history (a stakeholder's)
/// without the events that concern other processes (their accreditations), and is told how many were withheld.
/// </summary>
public static class GetStreamHistory
{
    public const string WithheldHeader = "Consultation-Events-Withheld";

    public sealed record Query(string Key) : IQuery<History>;

    /// <summary>The events the reader may see, and how many of the stream's others concern processes outside their scope.</summary>
    public sealed record History(IReadOnlyList<AuditEntry> Events, int Withheld);

    public sealed class Handler(IDocumentStore store, IQuerySession session, RequestContext context) : IQueryHandler<Query, History>
    {
        public async ValueTask<History> Handle(Query query, CancellationToken cancellationToken)
        {
            // A reader of some processes may read a one-segment stream when it is a registry record or one of their processes;
            // any other (another process, or none) is refused alike, so the answer does not tell which processes exist.
            var scope = context.Processes;
            var registry = false;
            if (!scope.IsEverything && query.Key.IndexOfAny(['/', ':']) <= 0)
            {
                registry = await NewStreams.KindOfAsync(session, query.Key, cancellationToken) == "stakeholder";
                if (!registry && !scope.Includes(query.Key))
                {
                    throw new OutsideProcessScope(query.Key, scope);
                }
            }

            var entries = new List<AuditEntry>();
            await foreach (var entry in AuditLog.StreamAsync(store, query.Key, cancellationToken))
            {
                entries.Add(entry);
            }

            if (entries.Count == 0)
            {
                throw new StreamNotFound("Stream", query.Key);
            }

            if (!registry)
            {
                return new History(entries, 0);
            }

            var visible = entries.Where(e => ProcessNamedBy(e) is not { } process || scope.Includes(process)).ToList();
            return new History(visible, entries.Count - visible.Count);
        }

        private static string? ProcessNamedBy(AuditEntry entry) =>
            entry.Payload.ValueKind == System.Text.Json.JsonValueKind.Object
            && entry.Payload.TryGetProperty("processKey", out var process)
            && process.ValueKind == System.Text.Json.JsonValueKind.String
                ? process.GetString()
                : null;
    }

    /// <summary>The key is the rest of the path, slashes and colons included: <c>/audit/streams/gcm/area:return</c>.</summary>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/audit/streams/{**key}",
                async (string key, IMediator mediator, HttpContext http, CancellationToken ct) =>
                {
                    var history = await mediator.Send(new Query(Uri.UnescapeDataString(key)), ct);
                    if (history.Withheld > 0)
                    {
                        http.Response.Headers[WithheldHeader] = history.Withheld.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    return TypedResults.Ok(history.Events);
                })
            .WithName("GetStreamHistory")
            .WithSummary("Every event of one stream, in order, with who, when, why and the payload")
            .WithDescription("The stream key is the rest of the path (e.g. /audit/streams/gcm/return/MEX for a position, /audit/streams/gcm/area:return for an area). "
                + "A reader assigned to some processes reads a registry record's history (a stakeholder's) without the events that concern other "
                + $"processes (accreditations to them); the {WithheldHeader} header then says how many were left out.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
}
