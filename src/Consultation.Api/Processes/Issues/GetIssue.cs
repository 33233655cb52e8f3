using Consultation.Processes.Reading;

namespace Consultation.Processes.Issues;

/// <summary>One issue of a process; the ETag is the process's version (issues live in the process stream).</summary>
public static class GetIssue
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/processes/{key}/issues/{issue}", async (string key, string issue, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var process = await mediator.Send(new GetProcess.Query(key), ct);
                var details = process.Issue(issue) ?? throw new StreamNotFound("Issue", $"{key}/{issue}");
                http.Response.Headers.ETag = ETags.For(process.Version);
                return TypedResults.Ok(details);
            })
            .WithName("GetIssue")
            .WithSummary("Fetch one issue of a process")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
