using Consultation.Infrastructure.Security;
using Consultation.Positions.Views;

namespace Consultation.Convergence.Measuring.Thresholds;

/// <summary>Reading a process's convergence settings (the defaults, version 0, until some are set).</summary>
public static class GetConvergenceSettings
{
    public sealed record Query(string Process, string? AsOf = null) : IQuery<ConvergenceSettings>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator() => RuleFor(x => x.AsOf).AsOfTimestamp();
    }

    public sealed class Handler(IQuerySession session) : IQueryHandler<Query, ConvergenceSettings>
    {
        public async ValueTask<ConvergenceSettings> Handle(Query query, CancellationToken cancellationToken)
        {
            var asOf = TimeAxes.ParseTimestamp(query.AsOf);
            await session.RequireProcessAsync(query.Process, null, cancellationToken);
            return await IssueConvergence.SettingsAsync(session, query.Process, asOf, cancellationToken);
        }
    }

    /// <summary>If-Match as a version; unlike other updates, "0" is accepted: the settings were never set.</summary>
    public static long ExpectedVersion(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        return header is "\"0\"" or "W/\"0\"" or "0" ? 0 : IfMatch.RequiredVersion(http, "process's convergence settings");
    }

    public static void Map(IEndpointRouteBuilder app)
    {
        const string route = "/processes/{process}/convergence-settings";
        app.MapGet(route, async (string process, string? asOf, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var settings = await mediator.Send(new Query(process, asOf), ct);
                DetailsAsOf.SetETag(http, settings.Version, asOf);
                return TypedResults.Ok(settings);
            })
            .WithName("GetConvergenceSettings")
            .WithSummary("The thresholds a process's convergence levels are judged by (the defaults, ETag \"0\", until set)")
            .WithDescription(DetailsAsOf.AsOfDescription)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapPut(route, async (string process, SetConvergenceThresholds.Request request, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var expected = ExpectedVersion(http);
                await mediator.Send(new SetConvergenceThresholds.Command(process, expected, request), ct);
                var settings = await mediator.Send(new Query(process), ct);
                http.Response.Headers.ETag = ETags.For(settings.Version);
                return TypedResults.Ok(settings);
            })
            .RequireAccess(Access.Administer)
            .WithName("SetConvergenceThresholds")
            .WithSummary("Set a process's convergence thresholds")
            .WithDescription("All six thresholds: minPositions ≥ 1, minGroups ≥ 1, consensusGicn ≥ broadConvergenceGicn ≥ emergingGicn, "
                + "all shares within [0,1]; an optional reason. If-Match: the ETag you read (\"0\" when none were set yet).")
            .WithRequestHeader("If-Match", "The ETag you read (\"0\" when the process never set thresholds); a stale one answers 412, none 428.", required: true)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }
}
