namespace Consultation.Infrastructure.Security;

/// <summary>
/// A request refused before its body was read (429) reads it to the end first, so the connection carries the client's next
/// request. A client that sent <c>Expect: 100-continue</c> (curl for large bodies, <c>HttpClient</c> when asked) waits for the
/// 100 before sending the body; answered without reading, no 100 is sent, the body never comes, Kestrel waits out its 5 s
/// drain for it and closes the connection. Reading makes Kestrel send the 100 (<c>WriteBudgetTests</c> counts connections).
/// Bounded by the body limit Kestrel enforces (<see cref="Http.HttpSetup.MaxRequestBodyBytes"/>) and its minimum data rate.
/// </summary>
public static class UnreadBody
{
    public static async Task DrainAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (http.Request.ContentLength is 0 || http.Request.ContentLength is null && !http.Request.Headers.TransferEncoding.Any())
        {
            return;
        }

        try
        {
            await http.Request.Body.CopyToAsync(Stream.Null, cancellationToken);
        }
        catch (Exception e) when (e is BadHttpRequestException or IOException or OperationCanceledException)
        {
            // Too large, cut short or abandoned: Kestrel closes that connection anyway.
        }
    }
}
