using Consultation.Processes.Reading;

namespace Consultation.Processes.Launching;

/// <summary>Launch a consultation process under its mandate (e.g. resolution A/RES/71/280).</summary>
public static class LaunchProcess
{
    public sealed record Request(string? Key, string? Title, string? MandateReference, DateOnly? StartsOn, DateOnly? PlannedEndOn);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Key).NotEmpty().Slug().NotReserved();
            RuleFor(x => x.Title).SingleLine(TextRules.TitleMaxLength);
            RuleFor(x => x.MandateReference).SingleLine(TextRules.ReferenceMaxLength);
            RuleFor(x => x.StartsOn).NotNull();
            RuleFor(x => x.PlannedEndOn).GreaterThanOrEqualTo(x => x.StartsOn)
                .When(x => x.PlannedEndOn is not null && x.StartsOn is not null)
                .WithMessage("'Planned End On' cannot be before 'Starts On'.");
        }
    }

    public sealed record Command(Request Request) : ICommand<StreamWritten>, IFromRequest<Request>
    {
        public string Key => Request.Key!;

        public string Title => Request.Title!;

        public string MandateReference => Request.MandateReference!;

        public DateOnly StartsOn => Request.StartsOn!.Value;

        public DateOnly? PlannedEndOn => Request.PlannedEndOn;
    }

    public static ProcessLaunched Decide(Process? current, Command command) =>
        current is not null
            ? throw AlreadyLaunched(command.Key)
            : new ProcessLaunched(command.Key, command.Title.Trim(), command.MandateReference.Trim(), command.StartsOn, command.PlannedEndOn);

    private static DomainRuleViolation AlreadyLaunched(string key) => new($"Process '{key}' already exists; keys are never reused.");

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var stream = await session.FetchForCreatingAsync<Process>(command.Key, cancellationToken);
            stream.AppendOne(Decide(stream.Aggregate, command));
            await session.SaveNewStreamAsync(stream, () => AlreadyLaunched(command.Key), cancellationToken);

            return new StreamWritten(command.Key, 1);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/processes", async (Request request, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(new Command(request), ct);
                var details = await mediator.Send(new GetProcess.Query(written.Key), ct);
                http.Response.Headers.ETag = ETags.For(details.Version);
                return TypedResults.Created($"/processes/{written.Key}", details);
            })
            .WithName("LaunchProcess")
            .WithSummary("Launch a consultation process")
            .WithDescription("Key: a lowercase slug (e.g. gcm). Dates as YYYY-MM-DD. Keys are never reused.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
