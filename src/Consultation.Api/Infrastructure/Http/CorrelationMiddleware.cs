using Consultation.Infrastructure.Pipeline;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// Gives every request a correlation id (the caller's <c>X-Correlation-Id</c> when it is acceptable,
/// a new one otherwise), echoes it in the response, puts it in the log scope and, through
/// <see cref="RequestContext"/>, in the metadata of every event the request appends.
/// </summary>
public sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext http, RequestContext context)
    {
        var supplied = http.Request.Headers[Header].ToString();
        context.CorrelationId = RequestContext.IsAcceptableCorrelationId(supplied) ? supplied : RequestContext.NewCorrelationId();
        // Set when the response starts: the exception handler clears headers set earlier.
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = context.CorrelationId;
            return Task.CompletedTask;
        });
        using (logger.BeginScope("CorrelationId:{CorrelationId}", context.CorrelationId))
        {
            await next(http);
        }
    }
}
