using System.Text;
using Microsoft.Net.Http.Headers;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// Bodies are read as UTF-8 (RFC 8259 requires it of JSON): a <c>charset</c> naming anything else is refused with 415
/// before a reader tries to decode it (an unknown charset made the JSON reader throw: 500).
/// </summary>
public sealed class BodyCharsetDoor(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IProblemDetailsService problems)
    {
        if (http.Request.ContentType is { } contentType
            && MediaTypeHeaderValue.TryParse(contentType, out var media)
            && media.Charset is { Length: > 0 } charset
            && !IsUtf8(charset.Value!.Trim('"')))
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Title = "Unsupported character set",
                    Detail = "Bodies are read as UTF-8: send 'Content-Type: application/json' with no charset or 'charset=utf-8'.",
                },
            });
            return;
        }

        await next(http);
    }

    private static bool IsUtf8(string charset) =>
        charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
        || charset.Equals(Encoding.UTF8.WebName, StringComparison.OrdinalIgnoreCase);
}
