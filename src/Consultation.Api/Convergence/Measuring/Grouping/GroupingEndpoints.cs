using Microsoft.AspNetCore.Http.HttpResults;
using Consultation.Convergence.Measuring.Thresholds;
using Consultation.Infrastructure.Security;

namespace Consultation.Convergence.Measuring.Grouping;

/// <summary>Defining groupings and choosing the basis: both answer the process's convergence settings, with their new ETag.</summary>
public static class GroupingEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPut("/processes/{process}/convergence-settings/groupings/{grouping}",
                async (string process, string grouping, DefineGrouping.Request request, IMediator mediator, HttpContext http, CancellationToken ct) =>
                    await AnswerAsync(http, mediator, process, new DefineGrouping.Command(process, grouping, GetConvergenceSettings.ExpectedVersion(http), request), ct))
            .RequireAccess(Access.Steer)
            .WithName("DefineGrouping")
            .WithSummary("Define or redefine a named grouping of a process: declared blocs, or custom groups with dated members")
            .WithDescription("kind: Blocs (blocs: registered groups or blocs, in order of precedence — a stakeholder in several counts in the first; "
                + "membership is the registry's on the date measured) or Custom (groups: name and members, each member from/until a date, "
                + "until exclusive; a stakeholder in one group at a time). ungrouped: LeftOut (their positions are not measured) or OwnGroup "
                + $"(one more group, 'Ungrouped'). At most {DefineGrouping.MaxGroups} groups and {DefineGrouping.MaxMembers} members. Defining does not "
                + "choose it as the basis; a read can ask for it with grouping=<name>. If-Match: the settings' ETag (\"0\" when nothing was set yet).")
            .WithSettingsUpdateResponses();

        app.MapPut("/processes/{process}/convergence-settings/basis",
                async (string process, ChooseGroupingBasis.Request request, IMediator mediator, HttpContext http, CancellationToken ct) =>
                    await AnswerAsync(http, mediator, process, new ChooseGroupingBasis.Command(process, GetConvergenceSettings.ExpectedVersion(http), request), ct))
            .RequireAccess(Access.Steer)
            .WithName("ChooseGroupingBasis")
            .WithSummary("Choose the grouping basis a process's convergence is measured across")
            .WithDescription("basis: regional-groups (the default: States by UN regional group, others by kind), kinds, or a grouping the process "
                + "defined. Replays as of an earlier moment keep the basis in force then. If-Match: the settings' ETag.")
            .WithSettingsUpdateResponses();
    }

    private static async Task<Ok<ConvergenceSettings>> AnswerAsync(HttpContext http, IMediator mediator, string process, ICommand<StreamWritten> command, CancellationToken ct)
    {
        await mediator.Send(command, ct);
        var settings = await mediator.Send(new GetConvergenceSettings.Query(process), ct);
        http.Response.Headers.ETag = ETags.For(settings.Version);
        return TypedResults.Ok(settings);
    }

    private static RouteHandlerBuilder WithSettingsUpdateResponses(this RouteHandlerBuilder builder) =>
        builder
            .WithRequestHeader("If-Match", "The settings' ETag you read (\"0\" when the process never set any); a stale one answers 412, none 428.", required: true)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
