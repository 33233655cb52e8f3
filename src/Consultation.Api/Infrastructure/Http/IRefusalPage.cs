namespace Consultation.Infrastructure.Http;

/// <summary>
/// How a refused request for a web page is answered (a page, not problem details). The pages register it, so the error
/// handling and the access checks name no page; without it a refused page request gets problem details like the API.
/// </summary>
public interface IRefusalPage
{
    Task WriteAsync(HttpContext http, string title, string detail);
}
