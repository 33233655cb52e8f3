using Consultation.Infrastructure.Errors;
using Consultation.Infrastructure.EventStore;
using Consultation.Infrastructure.Http;
using Consultation.Infrastructure.Validation;
using Consultation.Stakeholders.Reading;
using FluentValidation;
using Marten;
using Mediator;

namespace Consultation.Stakeholders.Renaming;

/// <summary>Rename a stakeholder, with the reason; the previous name stays in the history.</summary>
public static class RenameStakeholder
{
    public sealed record Request(string? Name, string? Reason);

    public sealed record Command(string Key, long ExpectedVersion, string? Name, string? Reason) : ICommand<StreamWritten>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Name).SingleLine(TextRules.NameMaxLength);
            RuleFor(x => x.Reason).FreeText(TextRules.ReasonMaxLength);
        }
    }

    public static StakeholderRenamed Decide(Stakeholder? current, Command command)
    {
        if (current is null)
        {
            throw new StreamNotFound("Stakeholder", command.Key);
        }

        var name = command.Name!.Trim();
        if (name == current.Name)
        {
            throw new DomainRuleViolation($"Stakeholder '{command.Key}' is already named '{name}'.");
        }

        return new StakeholderRenamed(command.Key, current.Name, name, command.Reason!.Trim());
    }

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var stream = await session.Events.FetchForWriting<Stakeholder>(command.Key, cancellationToken);
            if (stream.Aggregate is not null && stream.CurrentVersion != command.ExpectedVersion)
            {
                throw new StaleVersion("Stakeholder", command.Key, command.ExpectedVersion, stream.CurrentVersion ?? 0);
            }

            stream.AppendOne(Decide(stream.Aggregate, command));
            await session.SaveChangesAsync(cancellationToken);
            return new StreamWritten(command.Key, command.ExpectedVersion + 1);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/stakeholders/{key}/rename", async (string key, Request request, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var expected = IfMatch.RequiredVersion(http, "stakeholder");
                var written = await mediator.Send(new Command(key, expected, request.Name, request.Reason), ct);
                var details = await mediator.Send(new GetStakeholder.Query(written.Key), ct);
                http.Response.Headers.ETag = ETags.For(details.Version);
                return TypedResults.Ok(details);
            })
            .WithName("RenameStakeholder")
            .WithSummary("Rename a stakeholder")
            .WithDescription("Requires If-Match with the ETag you read; a stale version answers 412 and nothing is written.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
}
