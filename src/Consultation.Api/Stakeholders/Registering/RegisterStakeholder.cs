using Consultation.Stakeholders.Reading;

namespace Consultation.Stakeholders.Registering;

/// <summary>Register a stakeholder: a Member or observer State (keyed by ISO alpha-3 code) or any other participant (keyed by a slug).</summary>
public static class RegisterStakeholder
{
    public sealed record Request(string? Key, string? Kind, string? Name, string? IsoCode, string? RegionalGroup);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).NotEmpty().OneOf<Request, StakeholderKind>();
            RuleFor(x => x.Name).SingleLine(TextRules.NameMaxLength);
            RuleFor(x => x.Key).NotEmpty().NotReserved();
            RuleFor(x => x.RegionalGroup).OneOf<Request, RegionalGroup>();

            When(x => IsState(x.Kind), () =>
            {
                RuleFor(x => x.Key).Must(StreamKeys.IsIsoAlpha3)
                    .WithMessage("A State is keyed by its ISO 3166-1 alpha-3 code in capitals (e.g. 'MEX').")
                    .Unless(x => string.IsNullOrEmpty(x.Key));
                RuleFor(x => x.IsoCode).Must((command, iso) => iso is null || iso == command.Key)
                    .WithMessage("'Iso Code' must equal the key for a State (or be left out).");
                RuleFor(x => x.RegionalGroup).NotEmpty()
                    .When(x => ParsedKind(x.Kind) == StakeholderKind.MemberState)
                    .WithMessage("A Member State belongs to a UN regional group: give 'regionalGroup'.");
            }).Otherwise(() =>
            {
                RuleFor(x => x.Key).Slug().Unless(x => string.IsNullOrEmpty(x.Key));
                RuleFor(x => x.IsoCode).Null().WithMessage("Only States have an ISO code.");
                RuleFor(x => x.RegionalGroup).Null().WithMessage("Only States belong to a UN regional group.");
            });
        }

        private static StakeholderKind? ParsedKind(string? kind) =>
            Enum.TryParse<StakeholderKind>(kind, ignoreCase: true, out var parsed) ? parsed : null;

        private static bool IsState(string? kind) => ParsedKind(kind)?.IsState() == true;
    }

    public sealed record Command(Request Request) : ICommand<StreamWritten>, IFromRequest<Request>
    {
        public string Key => Request.Key!;

        public StakeholderKind Kind => TextRules.ParseEnum<StakeholderKind>(Request.Kind!);

        public string Name => Request.Name!;

        public RegionalGroup? RegionalGroup => TextRules.ParseOptionalEnum<RegionalGroup>(Request.RegionalGroup);
    }

    public static StakeholderRegistered Decide(Stakeholder? current, Command command)
    {
        if (current is not null)
        {
            throw AlreadyRegistered(command.Key);
        }

        return new StakeholderRegistered(
            command.Key,
            command.Kind,
            command.Name.Trim(),
            command.Kind.IsState() ? command.Key : null,
            command.RegionalGroup);
    }

    private static DomainRuleViolation AlreadyRegistered(string key) =>
        new($"Stakeholder '{key}' is already registered; keys are never reused.");

    public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var stream = await session.FetchForCreatingAsync<Stakeholder>(command.Key, cancellationToken);
            stream.AppendOne(Decide(stream.Aggregate, command));
            await session.SaveNewStreamAsync(stream, () => AlreadyRegistered(command.Key), cancellationToken);

            return new StreamWritten(command.Key, (stream.StartingVersion ?? 0) + 1);
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/stakeholders", async (Request request, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(new Command(request), ct);
                var details = await mediator.Send(new GetStakeholder.Query(written.Key), ct);
                http.Response.Headers.ETag = ETags.For(details.Version);
                return TypedResults.Created($"/stakeholders/{Uri.EscapeDataString(written.Key)}", details);
            })
            .WithName("RegisterStakeholder")
            .WithSummary("Register a stakeholder")
            .WithDescription("States are keyed by ISO 3166-1 alpha-3 code (e.g. MEX) and Member States need a UN regional group; everyone else by a lowercase slug (e.g. african-group). Keys are never reused.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
