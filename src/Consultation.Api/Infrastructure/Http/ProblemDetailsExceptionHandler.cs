using System.Text.Json;
using Consultation.Infrastructure.Errors;
using Consultation.Infrastructure.Idempotency;
using Consultation.Infrastructure.Resilience;
using Consultation.Infrastructure.Security;
using JasperFx;
using JasperFx.Events;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// The one place exceptions become RFC 9457 problem details: validation 400 (per field),
/// a process outside the user's 403, unknown stream 404, broken rule 409, stale If-Match 412, missing If-Match 428,
/// batch items breaking rules 422 (per item index), malformed Idempotency-Key 400, key reused for another request 422, keyed request still in progress 409
/// (with Retry-After), identity provider or database unreachable 503 (with Retry-After), request cut short because the service is
/// stopping 503 (with Retry-After), anything else 500 without internals. A module's own exceptions come through the
/// <see cref="ProblemMapping"/>s the modules register (e.g. a batch's items breaking rules, 422 per item index).
/// </summary>
public sealed class ProblemDetailsExceptionHandler(
    IProblemDetailsService problemDetails,
    IEnumerable<ProblemMapping> moduleProblems,
    IHostApplicationLifetime lifetime,
    JsonBodyErrors bodyErrors,
    ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception is OperationCanceledException && lifetime.ApplicationStopping.IsCancellationRequested
            ? ShuttingDown()
            : Map(exception, http);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("Unavailable answering {Method} {Path}: {Error}", http.Request.Method, http.Request.Path, exception.Message);
        }
        else if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled error answering {Method} {Path}", http.Request.Method, http.Request.Path);
        }
        else
        {
            logger.LogInformation("Refused {Method} {Path}: {Status} {Detail}", http.Request.Method, http.Request.Path, problem.Status, problem.Detail);
        }

        if (exception is StaleVersion stale)
        {
            // The exception handler strips ETag headers from error responses, so the current version travels in the body.
            problem.Extensions["currentVersion"] = stale.Actual;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable || exception is IdempotentRequestInProgress)
        {
            http.Response.Headers.RetryAfter = DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (PageAuthentication.IsPage(http.Request.Path) && PageAuthentication.WantsHtml(http.Request)
            && http.RequestServices.GetService<IRefusalPage>() is { } page)
        {
            // A browser asked for a page: problem details would be an empty body to it.
            await page.WriteAsync(http, problem.Title ?? "Something went wrong", problem.Detail ?? string.Empty);
            return true;
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private ProblemDetails Map(Exception exception, HttpContext http) =>
        moduleProblems.FirstOrDefault(m => m.ExceptionType.IsInstanceOfType(exception)) is { } mapping
            ? mapping.ToProblem(exception)
            : exception is BadHttpRequestException { InnerException: JsonException json } && DuplicateKeys.Named(json) is null
              && bodyErrors.Describe(json, BodyTypeOf(http)) is { } body
                ? body
                : MapShared(exception);

    /// <summary>The type the endpoint binds its JSON body to, which says what each value of it must be (the exception handler clears the endpoint and keeps it in its feature).</summary>
    private static Type? BodyTypeOf(HttpContext http) =>
        (http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint())
            ?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;

    private static ProblemDetails MapShared(Exception exception) => exception switch
    {
        ValidationException validation => new HttpValidationProblemDetails(
            validation.Errors
                .GroupBy(e => string.Join('.', e.PropertyName.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName)))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = "See 'errors' for what to fix in each field.",
        },
        InvalidIdempotencyKey invalidKey => new HttpValidationProblemDetails(
            new Dictionary<string, string[]> { [IdempotencyKey.Header] = [invalidKey.Message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = invalidKey.Message,
        },
        IdempotencyKeyReused reused => Problem(StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key belongs to another request.", reused.Message),
        IdempotentRequestInProgress inProgress => Problem(StatusCodes.Status409Conflict, "A request with this Idempotency-Key is in progress.", inProgress.Message),
        UnstorableText unstorable => Unstorable(unstorable.Field, unstorable.Message),
        BadHttpRequestException { InnerException: JsonException json } when DuplicateKeys.Named(json) is { } key => DuplicateKeys.Problem(key),
        BadHttpRequestException bad => Problem(bad.StatusCode, "The request could not be read.", Describe(bad)),
        OutsideProcessScope outside => Problem(StatusCodes.Status403Forbidden, "Forbidden", outside.Message),
        StreamNotFound notFound => Problem(StatusCodes.Status404NotFound, $"{notFound.What} not found.", notFound.Message),
        DomainRuleViolation rule => Problem(StatusCodes.Status409Conflict, "The record does not allow this.", rule.Message),
        StaleVersion stale => Problem(StatusCodes.Status412PreconditionFailed, "The record changed since you read it.", stale.Message),
        VersionRequired required => Problem(StatusCodes.Status428PreconditionRequired, "If-Match is required.", required.Message),
        ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException => Problem(
            StatusCodes.Status409Conflict,
            "The record does not allow this.",
            "A record with this key was created at the same moment; keys are never reused."),
        ConcurrencyException or EventStreamUnexpectedMaxEventIdException => Problem(
            StatusCodes.Status412PreconditionFailed,
            "The record changed since you read it.",
            "Someone else changed this record at the same moment. Fetch it again and retry."),
        _ when ProviderUnavailable.Is(exception) => Problem(StatusCodes.Status503ServiceUnavailable, ProviderUnavailable.Title, ProviderUnavailable.Detail),
        _ when UnstorableText.IsInChain(exception) is { } inner => Unstorable(inner.Field, inner.Message),
        _ when DatabaseUnavailable.Is(exception) => Problem(
            StatusCodes.Status503ServiceUnavailable,
            "The database is not available.",
            "The record could not be reached. Retry shortly; resend a write with the same Idempotency-Key, or read the record first: "
            + "if the connection failed while committing, the write may have been recorded."),
        _ => Problem(StatusCodes.Status500InternalServerError, "Something went wrong on our side.", "The error was logged with this request's correlation id."),
    };

    /// <summary>
    /// The server cancels what it cannot finish while stopping: reading a body still arriving (the handler never ran), or,
    /// after the shutdown timeout, a request still running (its commit may or may not have happened).
    /// </summary>
    private static ProblemDetails ShuttingDown() => Problem(
        StatusCodes.Status503ServiceUnavailable,
        "The service is restarting.",
        "The request was not completed before the service stopped. Retry shortly; resend a write with the same Idempotency-Key, or read the record first.");

    private static ProblemDetails Unstorable(string? field, string message) =>
        new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field ?? "request"] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = message,
        };

    private static ProblemDetails Problem(int status, string title, string detail) =>
        new() { Status = status, Title = title, Detail = detail };

    /// <summary>Says what was wrong with the body without naming server types.</summary>
    private static string Describe(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException { InnerException: JsonException } json => $"The body is not well-formed JSON{(json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : string.Empty)}: "
            + "send one JSON object, with names and text in double quotes and no trailing commas.",
        JsonException json => $"A value of the body is not of the form this request takes (at {JsonExcerpt.Of(json.Path ?? "$", 120)}); "
            + "the request's schema in the OpenAPI document (/openapi/v1.json) gives each field's.",
        _ when bad.StatusCode == StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with 'Content-Type: application/json'.",
        _ when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && bad.Message.Contains("empty", StringComparison.OrdinalIgnoreCase)
            => "A JSON body is required.",
        _ => bad.Message,
    };
}
