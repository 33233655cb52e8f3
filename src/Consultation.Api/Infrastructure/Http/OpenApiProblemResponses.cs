using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// Documents every refusal an operation can answer, as the pipeline answers it (RFC 9457 problem details), from what the
/// endpoint is rather than from lists: 401 unless anonymous, 403 where a role policy applies, 429 where writes are rate
/// limited, 400/413/415 where a body is read, 400 where parameters are parsed, 404 where the path names a record, 409 on
/// writes (a rule of the record), 412/428 where If-Match is read, 500 and 503 everywhere. Error responses an endpoint
/// declared itself keep their description but always carry the problem media type and schema.
/// </summary>
public sealed class OpenApiProblemResponses : IOpenApiDocumentTransformer
{
    public const string ProblemMediaType = "application/problem+json";
    private const string RetryAfter = "Retry-After";

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [StatusCodes.Status400BadRequest] = "The request is not valid: a parameter or the body could not be read, or breaks a rule; 'errors' names each field.",
        [StatusCodes.Status401Unauthorized] = "No valid bearer token (missing, expired, wrong audience or signature).",
        [StatusCodes.Status403Forbidden] = "The token's roles or processes do not allow this; the detail says which.",
        [StatusCodes.Status404NotFound] = "A record named in the path (or a parameter) does not exist.",
        [StatusCodes.Status409Conflict] = "The record does not allow this (one of its rules, or a key already taken).",
        [StatusCodes.Status412PreconditionFailed] = "The record changed since you read it: the If-Match ETag is stale. 'currentVersion' is the version now.",
        [StatusCodes.Status413PayloadTooLarge] = $"The body is larger than {HttpSetup.MaxRequestBodyBytes} bytes.",
        [StatusCodes.Status415UnsupportedMediaType] = "The body is not sent as JSON ('Content-Type: application/json').",
        [StatusCodes.Status422UnprocessableEntity] = "The request cannot be processed as sent.",
        [StatusCodes.Status428PreconditionRequired] = "If-Match is missing: send the ETag you read.",
        [StatusCodes.Status429TooManyRequests] = "Too many writes by this user in the window; retry after Retry-After seconds.",
        [StatusCodes.Status500InternalServerError] = "Something went wrong on the service's side; it was logged with the request's correlation id.",
        [StatusCodes.Status503ServiceUnavailable] = "The database or the identity provider cannot be reached, or the service is restarting; retry after Retry-After seconds.",
    };

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync<ProblemDetails>(document, context, cancellationToken);
        await EnsureSchemaAsync<HttpValidationProblemDetails>(document, context, cancellationToken);
        foreach (var endpoint in OpenApiEndpointOperation.In(document, context))
        {
            var operation = endpoint.Operation;
            operation.Responses ??= [];
            foreach (var status in StatusesOf(endpoint))
            {
                operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse { Description = Descriptions[status] });
            }

            foreach (var (code, response) in operation.Responses.ToList())
            {
                if (int.TryParse(code, out var status) && status >= 400 && response is OpenApiResponse problem)
                {
                    Describe(problem, status, document);
                }
            }

            var ordered = new OpenApiResponses();
            foreach (var (code, response) in operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                ordered[code] = response;
            }

            operation.Responses = ordered;
        }
    }

    /// <summary>The refusals the pipeline can answer for this endpoint.</summary>
    public static IEnumerable<int> StatusesOf(OpenApiEndpointOperation endpoint)
    {
        var operation = endpoint.Operation;
        var parameters = operation.Parameters ?? [];
        var readsBody = operation.RequestBody is not null;
        if (readsBody || parameters.Count > 0)
        {
            yield return StatusCodes.Status400BadRequest;
        }

        if (!endpoint.Has<IAllowAnonymous>())
        {
            yield return StatusCodes.Status401Unauthorized;
            if (endpoint.Metadata.OfType<IAuthorizeData>().Any(a => a.Policy is not null || a.Roles is not null))
            {
                yield return StatusCodes.Status403Forbidden;
            }
        }

        if (parameters.Any(p => p.In == ParameterLocation.Path))
        {
            yield return StatusCodes.Status404NotFound;
        }

        if (endpoint.Method != HttpMethod.Get && endpoint.Method != HttpMethod.Head)
        {
            yield return StatusCodes.Status409Conflict;
        }

        if (parameters.Any(p => p is { In: ParameterLocation.Header, Name: "If-Match" }))
        {
            yield return StatusCodes.Status412PreconditionFailed;
            yield return StatusCodes.Status428PreconditionRequired;
        }

        if (readsBody)
        {
            yield return StatusCodes.Status413PayloadTooLarge;
            yield return StatusCodes.Status415UnsupportedMediaType;
        }

        if (endpoint.Has<EnableRateLimitingAttribute>() && !endpoint.Has<DisableRateLimitingAttribute>())
        {
            yield return StatusCodes.Status429TooManyRequests;
        }

        yield return StatusCodes.Status500InternalServerError;
        yield return StatusCodes.Status503ServiceUnavailable;
    }

    private static void Describe(OpenApiResponse response, int status, OpenApiDocument document)
    {
        if (string.IsNullOrEmpty(response.Description))
        {
            response.Description = Descriptions.GetValueOrDefault(status, "Refused.");
        }

        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        var declared = response.Content.TryGetValue(ProblemMediaType, out var media) ? media.Schema as OpenApiSchemaReference : null;
        var schema = declared?.Reference.Id == nameof(HttpValidationProblemDetails) || status == StatusCodes.Status400BadRequest
            ? nameof(HttpValidationProblemDetails)
            : nameof(ProblemDetails);
        response.Content.Clear();
        response.Content[ProblemMediaType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(schema, document) };
        if (status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[RetryAfter] = new OpenApiHeader
            {
                Description = "Seconds to wait before retrying.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
            };
        }
    }

    private static async Task EnsureSchemaAsync<T>(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(typeof(T).Name))
        {
            document.AddComponent(typeof(T).Name, await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken));
        }
    }
}
