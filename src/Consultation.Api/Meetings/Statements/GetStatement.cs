using Consultation.Meetings.Reading;

namespace Consultation.Meetings.Statements;

/// <summary>One statement of a meeting by its id (s1, s2…); the ETag is the meeting's version (statements live in the meeting stream).</summary>
public static class GetStatement
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(
                "/processes/{key}/meetings/{meeting}/statements/{statement}",
                async (string key, string meeting, string statement, IMediator mediator, HttpContext http, CancellationToken ct) =>
                {
                    var details = await mediator.Send(new GetMeeting.Query(Meeting.KeyOf(key, meeting)), ct);
                    var found = details.Statement(statement) ?? throw new StreamNotFound("Statement", StatementRecord.IdOf(details.Id, statement));
                    http.Response.Headers.ETag = ETags.For(details.Version);
                    return TypedResults.Ok(found);
                })
            .WithName("GetStatement")
            .WithSummary("Fetch one statement of a meeting")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
