using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Consultation.Infrastructure.Pipeline;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Consultation.Infrastructure.Idempotency;

/// <summary>
/// Reads the original response back when it was never recorded (the process stopped between
/// committing and recording it). Given the original request's bound arguments, it answers as the
/// endpoint would from the resource as it stands now.
/// </summary>
public delegate ValueTask<object?> IdempotencyRecovery(EndpointFilterInvocationContext context);

/// <summary>
/// Makes a POST endpoint safe to retry with an <c>Idempotency-Key</c> header (see <see cref="IdempotencyEndpoints.WithIdempotency"/>).
/// </summary>
/// <remarks>
/// <para>Without the header the request runs as usual. With it:</para>
/// <list type="bullet">
/// <item>The key is scoped to the endpoint and the user (<see cref="RequestContext.UserName"/>); a malformed key is refused (400).</item>
/// <item>First use: an <see cref="IdempotencyRecord"/> is inserted into the request's scoped <see cref="IDocumentSession"/>
/// before the handler runs, so the handler's <c>SaveChangesAsync</c> commits it in the same transaction as its events.
/// There is no moment where the events are committed and the key is not. If the handler fails, neither is written and a
/// retry runs again. After a 2xx answer the response (status, body, Location, ETag) is recorded with a second save.</item>
/// <item>Repeated key, same request: the recorded response is replayed byte for byte, with <c>Idempotency-Replayed: true</c>;
/// nothing is appended. If the response is not recorded yet, the filter waits briefly for it; if it never comes (the
/// process stopped in between), the endpoint's <see cref="IdempotencyRecovery"/> reads the resource back, else 409 (retry).</item>
/// <item>Repeated key, different method/path/body: 422, nothing written.</item>
/// <item>Concurrent requests with one key: the database lets exactly one transaction commit the record (primary key);
/// the others fail as a whole — whichever rule they hit first — and then replay the winner's result.</item>
/// </list>
/// <para>Records are kept, not expired: they belong to the audit trail.</para>
/// </remarks>
public sealed class IdempotencyFilter(IdempotencyRecovery? recover) : IEndpointFilter
{
    public const string ReplayedHeader = "Idempotency-Replayed";

    /// <summary>How long a retry waits for a concurrent original to record its response.</summary>
    public static TimeSpan PendingWait { get; set; } = TimeSpan.FromSeconds(3);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(IdempotencyKey.Header, out var values))
        {
            return await next(context);
        }

        var key = IdempotencyKey.Parse(values);
        var services = http.RequestServices;
        var requestContext = services.GetRequiredService<RequestContext>();
        var store = services.GetRequiredService<IDocumentStore>();
        var scope = ScopeOf(http);
        var record = new IdempotencyRecord
        {
            Id = IdempotencyRecord.IdFor(scope, requestContext.UserName, key),
            Scope = scope,
            UserName = requestContext.UserName,
            Key = key,
            RequestHash = Fingerprint(context, services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions),
            Attempt = Guid.NewGuid(),
            CorrelationId = requestContext.CorrelationId,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };

        if (await LoadAsync(store, record.Id, http.RequestAborted) is { } existing)
        {
            return await ReplayAsync(existing, record, context, store);
        }

        var session = services.GetRequiredService<IDocumentSession>();
        session.Insert(record);
        object? result;
        try
        {
            result = await next(context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Did a concurrent request with this key commit first? Then ours failed as a whole: answer with its result.
            var committed = await LoadAsync(store, record.Id, CancellationToken.None);
            if (committed is null || committed.Attempt == record.Attempt)
            {
                throw;
            }

            return await ReplayAsync(committed, record, context, store);
        }

        var response = await RenderAsync(http, result);
        if (response.StatusCode is < 200 or >= 300)
        {
            return new StoredResult(response, Replayed: false);
        }

        try
        {
            session.Store(record with { Response = response, CompletedAt = services.GetRequiredService<TimeProvider>().GetUtcNow() });
            await session.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The events and the key are committed; a retry reads the result back through the recovery.
            services.GetRequiredService<ILogger<IdempotencyFilter>>().LogWarning(e, "Could not record the response for idempotency key {Key}", key);
        }

        return new StoredResult(response, Replayed: false);
    }

    private async ValueTask<object?> ReplayAsync(IdempotencyRecord existing, IdempotencyRecord attempt, EndpointFilterInvocationContext context, IDocumentStore store)
    {
        if (existing.RequestHash != attempt.RequestHash)
        {
            throw new IdempotencyKeyReused(attempt.Key);
        }

        var deadline = DateTime.UtcNow + PendingWait;
        var delay = TimeSpan.FromMilliseconds(20);
        while (existing.Response is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(delay, context.HttpContext.RequestAborted);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
            existing = await LoadAsync(store, existing.Id, context.HttpContext.RequestAborted) ?? existing;
        }

        if (existing.Response is { } response)
        {
            return new StoredResult(response, Replayed: true);
        }

        if (recover is null)
        {
            throw new IdempotentRequestInProgress(attempt.Key);
        }

        // The record exists, so the original's events are committed: reading the resource (or the answer kept in the record) answers the retry.
        context.HttpContext.Items[typeof(IdempotencyRecord)] = existing;
        context.HttpContext.Response.Headers[ReplayedHeader] = "true";
        return await recover(context);
    }

    /// <summary>The committed record whose response a recovery is rebuilding (<see cref="IdempotencyRecovery"/>), during that recovery.</summary>
    public static IdempotencyRecord? Recovering(HttpContext http) => http.Items.TryGetValue(typeof(IdempotencyRecord), out var record) ? record as IdempotencyRecord : null;

    private static async Task<IdempotencyRecord?> LoadAsync(IDocumentStore store, string id, CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        return await query.LoadAsync<IdempotencyRecord>(id, cancellationToken);
    }

    private static string ScopeOf(HttpContext http) =>
        $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value}";

    /// <summary>The request as the endpoint understood it: method, path (with the route values), query and the bound body.</summary>
    private static string Fingerprint(EndpointFilterInvocationContext context, JsonSerializerOptions json)
    {
        var http = context.HttpContext;
        var bodyType = http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var body = bodyType is null ? null : context.Arguments.FirstOrDefault(a => a is not null && bodyType.IsInstanceOfType(a));
        var text = $"{http.Request.Method}\n{http.Request.Path}\n{http.Request.QueryString}\n"
            + (body is null ? string.Empty : JsonSerializer.Serialize(body, body.GetType(), json));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Runs the endpoint's result into a buffer to capture exactly what it answers.</summary>
    private static async Task<StoredResponse> RenderAsync(HttpContext http, object? result)
    {
        var asResult = result as IResult ?? TypedResults.Ok(result);
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await asResult.ExecuteAsync(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        var headers = http.Response.Headers;
        return new StoredResponse(
            http.Response.StatusCode,
            http.Response.ContentType,
            headers.Location.Count > 0 ? headers.Location.ToString() : null,
            headers.ETag.Count > 0 ? headers.ETag.ToString() : null,
            Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private sealed record StoredResult(StoredResponse Response, bool Replayed) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = Response.StatusCode;
            if (Response.ContentType is not null)
            {
                http.Response.ContentType = Response.ContentType;
            }

            if (Response.Location is not null)
            {
                http.Response.Headers.Location = Response.Location;
            }

            if (Response.ETag is not null)
            {
                http.Response.Headers.ETag = Response.ETag;
            }

            if (Replayed)
            {
                http.Response.Headers[ReplayedHeader] = "true";
            }

            var bytes = Encoding.UTF8.GetBytes(Response.Body);
            http.Response.ContentLength = bytes.Length;
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        }
    }
}

public static class IdempotencyEndpoints
{
    /// <summary>
    /// Accepts an optional <c>Idempotency-Key</c> header on this endpoint: a repeated request with the
    /// same key and body gets the original response without appending again (see <see cref="IdempotencyFilter"/>).
    /// The endpoint's handler must save through the request's scoped <see cref="IDocumentSession"/>.
    /// <paramref name="recover"/> reads the result back in the rare case the original response was never recorded.
    /// </summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder, IdempotencyRecovery? recover = null) =>
        builder.AddEndpointFilter(new IdempotencyFilter(recover))
            .WithMetadata(HonoursIdempotencyKey.Instance)
            .WithRequestHeader(
                "Idempotency-Key",
                "Optional, 1-100 of A-Z a-z 0-9 - _ . : ~. A retry with the same key and body replays the first answer without writing again; another body with the key answers 422.",
                required: false)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}

/// <summary>Endpoint metadata: this endpoint runs the <see cref="IdempotencyFilter"/> (the contract tests compare it with the document).</summary>
public sealed class HonoursIdempotencyKey
{
    public static readonly HonoursIdempotencyKey Instance = new();

    private HonoursIdempotencyKey()
    {
    }
}
