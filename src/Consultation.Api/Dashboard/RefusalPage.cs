using System.Text.Encodings.Web;

namespace Consultation.Dashboard;

/// <summary>A plain page for a refused page request (the API answers problem details instead).</summary>
public sealed class RefusalPage : IRefusalPage
{
    public async Task WriteAsync(HttpContext http, string title, string detail)
    {
        var html = HtmlEncoder.Default;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{html.Encode(title)} · Consultation Tracker</title>
            <link rel="stylesheet" href="{DashboardStylesheet.Path}"></head>
            <body><main id="content" class="refusal"><h1>{html.Encode(title)}</h1><p role="alert">{html.Encode(detail)}</p>
            <p><a href="/ui">Your processes</a> · <a href="/ui/sign-in">Sign in as someone else</a></p></main></body></html>
            """);
    }
}
