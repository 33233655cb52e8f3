using Consultation.Infrastructure.Security;

namespace Consultation.Infrastructure.Http;

/// <summary>A read model that carries its stream's version (served as ETag).</summary>
public interface IVersioned
{
    long Version { get; }
}

public static class UpdateEndpoints
{
    /// <summary>
    /// Maps <c>POST pattern</c> for an update: reads the JSON body and If-Match, sends the command
    /// through the pipeline, answers 200 with the fresh read model and its ETag.
    /// </summary>
    public static RouteHandlerBuilder MapUpdate<TRequest, TView>(
        this IEndpointRouteBuilder app,
        string pattern,
        string what,
        Func<RouteValueDictionary, TRequest, long, IStreamUpdate> toCommand,
        Func<string, IQuery<TView>> read)
        where TRequest : notnull
        where TView : IVersioned =>
        app.MapPost(pattern, async (TRequest request, HttpContext http, IMediator mediator, CancellationToken ct) =>
            {
                var expected = IfMatch.RequiredVersion(http, what);
                var written = await mediator.Send(toCommand(http.Request.RouteValues, request, expected), ct);
                var view = await mediator.Send(read(written.Key), ct);
                http.Response.Headers.ETag = ETags.For(view.Version);
                return TypedResults.Ok(view);
            })
            .WithMetadata(new EndpointSlice(EndpointSlice.Of(toCommand.Method.DeclaringType!)))
            .WithRequestHeader("If-Match", "The ETag you read (the stream version, e.g. \"3\"); a stale one answers 412, none 428.", required: true)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public static string Route(this RouteValueDictionary values, string name) => (string)values[name]!;
}
