using System.Globalization;

namespace Consultation.Audit.Integrity;

/// <summary>Recompute the hash chain from the events and report the first broken link; optionally check an attested head.</summary>
public static class VerifyChain
{
    /// <summary>The query string as given (strings, so each bad value gets its own 400 message).</summary>
    public sealed record Query : IQuery<ChainVerification>
    {
        public string? HeadSequence { get; set; }

        public string? HeadHash { get; set; }

        public ChainHeadRef? Attested() =>
            string.IsNullOrEmpty(HeadSequence)
                ? null
                : new ChainHeadRef(long.Parse(HeadSequence, NumberStyles.None, CultureInfo.InvariantCulture), HeadHash!.ToLowerInvariant());
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(x => x.HeadSequence)
                .Must(s => string.IsNullOrEmpty(s) || (long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0))
                .WithMessage("'{PropertyName}' must be a global sequence number (a positive whole number), as given by /audit/attestation.");
            RuleFor(x => x.HeadSequence)
                .NotEmpty().When(x => !string.IsNullOrEmpty(x.HeadHash))
                .WithMessage("'Head Sequence' is required with 'Head Hash': give both parts of the attested head.");
            RuleFor(x => x.HeadHash)
                .NotEmpty().When(x => !string.IsNullOrEmpty(x.HeadSequence))
                .WithMessage("'Head Hash' is required with 'Head Sequence': give both parts of the attested head.");
            RuleFor(x => x.HeadHash)
                .Must(h => string.IsNullOrEmpty(h) || ChainLink.IsHash(h))
                .WithMessage("'{PropertyName}' must be a SHA-256 hash: 64 hexadecimal characters, as given by /audit/attestation.");
        }
    }

    public sealed class Handler(IDocumentStore store) : IQueryHandler<Query, ChainVerification>
    {
        public async ValueTask<ChainVerification> Handle(Query query, CancellationToken cancellationToken) =>
            await ChainVerifier.VerifyAsync(store, query.Attested(), null, cancellationToken);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/audit/verify", async ([AsParameters] Query query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("VerifyAuditChain")
            .WithSummary("Recompute the hash chain from the events and report the first broken link")
            .WithDescription("Reads every event and every stored link in global sequence order. 'intact' is false when a link does not verify "
                + "(firstBroken: sequence, stream, version, kind — EventChanged, LinkAltered, EventMissing, EventNotChained, EventReplaced — expected vs found hash) "
                + "or when an attested head (headSequence and headHash, as recorded from /audit/attestation) no longer matches the events. "
                + "'pending' counts events recorded after the chain's head and not chained yet, which is not an error. "
                + "'kindsApart' is false when a stream holds records of more than one kind (written before such writes were refused); 'streamsMixingKinds' lists them.")
            .ProducesValidationProblem();
}
