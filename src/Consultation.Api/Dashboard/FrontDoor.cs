using Consultation.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consultation.Dashboard;

/// <summary>
/// <c>/</c>, for whoever opens the service's address first: a browser (asking for HTML) is sent to the pages, which ask
/// it to sign in; any other client gets a small index of where things are. No token needed: it says nothing of the record.
/// </summary>
public static class FrontDoor
{
    public sealed record Index(string Name, string Pages, string ApiReference, string OpenApiDocument, string Readiness, string Liveness);

    public static readonly Index Links = new(
        "Consultation Tracker",
        PageAuthentication.PathPrefix,
        "/scalar/",
        "/openapi/v1.json",
        "/health/ready",
        "/health/live");

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/", Results<RedirectHttpResult, Ok<Index>> (HttpContext http) =>
                WantsPage(http.Request) ? TypedResults.Redirect(PageAuthentication.PathPrefix) : TypedResults.Ok(Links))
            .AllowAnonymous()
            .WithTag("Front door", "Where a browser or an API client starts: the dashboard, or links to this document, the API reference and health.")
            .WithName("FrontDoor")
            .WithSummary("Where things are: a browser is sent to the pages, any other client gets this index")
            .WithDescription("A request whose Accept header prefers text/html is redirected (302) to the dashboard pages; any other gets the index as JSON.")
            .Produces(StatusCodes.Status302Found);

    /// <summary>A browser's Accept header ranks text/html above JSON (and a bare or missing Accept is an API client's).</summary>
    private static bool WantsPage(HttpRequest request)
    {
        var accepted = request.GetTypedHeaders().Accept;
        if (accepted.Count == 0)
        {
            return false;
        }

        double Quality(string type) => accepted
            .Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1)
            .DefaultIfEmpty(0)
            .Max();

        return Quality("text/html") > 0 && Quality("text/html") >= Quality("application/json");
    }
}
