using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;

namespace Consultation.Audit.Replaying;

/// <summary>
/// <c>?asOfSequence=N</c> on any endpoint that answers <c>asOf</c>: "as the record stood after event N". N is resolved to
/// a recorded time (<see cref="SequenceMoments"/>) and the request goes on as <c>?asOf=T</c>, so every as-of read answers
/// it the same way with no change to its slice; the answer carries <see cref="SequenceHeader"/> (N) and
/// <see cref="AsOfHeader"/> (T). Refused: on an endpoint without as-of (400, rather than silently answering "now"), with
/// <c>asOf</c> too (400), N not a number ≥ 1 (400), N beyond the last event (404), N not separable by recorded time from
/// its neighbours (422, naming the nearest sequences that are).
/// </summary>
public sealed class AsOfSequenceMiddleware(RequestDelegate next)
{
    public const string Parameter = "asOfSequence";
    public const string SequenceHeader = "Consultation-As-Of-Sequence";
    public const string AsOfHeader = "Consultation-As-Of";

    public async Task InvokeAsync(HttpContext http, IDocumentStore store, IProblemDetailsService problems)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint is null || !http.Request.Query.TryGetValue(Parameter, out var given))
        {
            await next(http);
            return;
        }

        if (!AsOfSupport.Answers(endpoint))
        {
            await InvalidAsync(http, problems, "This endpoint answers only as the record stands now; it takes neither 'asOf' nor 'asOfSequence'.");
            return;
        }

        if (!string.IsNullOrWhiteSpace(http.Request.Query[AsOfSupport.AsOfParameter]))
        {
            await InvalidAsync(http, problems, "Give 'asOf' (a recorded time) or 'asOfSequence' (a global event sequence), not both.");
            return;
        }

        if (given.Count != 1 || !long.TryParse(given[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1)
        {
            await InvalidAsync(http, problems, "'asOfSequence' must be a global event sequence number, 1 or more.");
            return;
        }

        switch (await SequenceMoments.ResolveAsync(store, sequence, http.RequestAborted))
        {
            case SequenceMoment.Exact exact:
                var asOf = Format(exact.AsOf);
                var query = new QueryBuilder(http.Request.Query
                    .Where(p => !string.Equals(p.Key, Parameter, StringComparison.OrdinalIgnoreCase)
                        && !string.Equals(p.Key, AsOfSupport.AsOfParameter, StringComparison.OrdinalIgnoreCase))
                    .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? string.Empty))))
                {
                    { AsOfSupport.AsOfParameter, asOf },
                };
                http.Request.QueryString = query.ToQueryString();
                http.Response.Headers[SequenceHeader] = sequence.ToString(CultureInfo.InvariantCulture);
                http.Response.Headers[AsOfHeader] = asOf;
                await next(http);
                return;

            case SequenceMoment.BeyondHead beyond:
                await WriteAsync(http, problems, new ProblemDetails
                {
                    Status = StatusCodes.Status404NotFound,
                    Title = "No such event has been recorded.",
                    Detail = $"No event {beyond.Sequence} has been recorded: the record ends at sequence {beyond.Head}.",
                    Extensions = { ["highestSequence"] = beyond.Head },
                });
                return;

            case SequenceMoment.Inseparable inseparable:
                await WriteAsync(http, problems, new ProblemDetails
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Title = "The record cannot be shown exactly as after this event.",
                    Detail = $"Events {string.Join(", ", inseparable.Conflicting)} come after {inseparable.Sequence} but were recorded at or before "
                        + $"{Format(inseparable.AsOf)}, when event {inseparable.Sequence} or one before it was recorded (they were written concurrently), "
                        + "so no recorded moment holds exactly the events up to it. "
                        + Nearest(inseparable),
                    Extensions =
                    {
                        ["conflictingSequences"] = inseparable.Conflicting,
                        ["nearestBefore"] = inseparable.NearestBefore,
                        ["nearestAfter"] = inseparable.NearestAfter,
                    },
                });
                return;
        }
    }

    /// <summary>Recorded time at PostgreSQL's precision, in UTC: what <c>asOf</c> takes and what answers echo.</summary>
    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Nearest(SequenceMoment.Inseparable inseparable) => (inseparable.NearestBefore, inseparable.NearestAfter) switch
    {
        ({ } before, { } after) => $"Use asOfSequence={before} or {after}.",
        ({ } before, null) => $"Use asOfSequence={before}.",
        (null, { } after) => $"Use asOfSequence={after}.",
        _ => $"No sequence within {SequenceMoments.Window} of it can be answered exactly; use asOf.",
    };

    private static Task InvalidAsync(HttpContext http, IProblemDetailsService problems, string message) =>
        WriteAsync(http, problems, new HttpValidationProblemDetails(new Dictionary<string, string[]> { [Parameter] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = message,
        });

    private static async Task WriteAsync(HttpContext http, IProblemDetailsService problems, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status!.Value;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
