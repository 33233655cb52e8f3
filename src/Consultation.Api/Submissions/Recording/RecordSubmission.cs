using Consultation.Infrastructure.Idempotency;
using Consultation.Processes;
using Consultation.Stakeholders;
using Consultation.Submissions.Reading;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consultation.Submissions.Recording;

/// <summary>
/// Record a written submission to a process — a letter, an e-mail, an online form or survey answer, a document — from a
/// registered stakeholder, possibly on behalf of a group, on issues of the process. Positions may then cite it instead of a meeting.
/// </summary>
public static class RecordSubmission
{
    public sealed record Request(
        string? Submission,
        string? From,
        string? OnBehalfOf,
        DateOnly? ReceivedOn,
        IReadOnlyList<string?>? Issues,
        string? Channel,
        string? Title,
        string? DocumentReference,
        string? Link,
        string? Language)
    {
        public Command For(string process) => new(process, this);
    }

    /// <summary>The rules of one submission, for the body and a batch item alike.</summary>
    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Submission).NotEmpty().Slug();
            RuleFor(x => x.From).NotEmpty().Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule);
            RuleFor(x => x.OnBehalfOf!).Must(StreamKeys.IsStakeholderKey).WithMessage(StreamKeys.StakeholderKeyRule).When(x => x.OnBehalfOf is not null);
            RuleFor(x => x.OnBehalfOf).NotEqual(x => x.From).When(x => x.OnBehalfOf is not null)
                .WithMessage("A stakeholder does not write on behalf of itself; leave 'onBehalfOf' out.");
            RuleFor(x => x.ReceivedOn).NotNull();
            RuleFor(x => x.Issues)
                .NotEmpty().WithMessage("'issues' lists the keys of the process's issues the submission addresses (at least one).")
                .Must(i => i is null || i.Count <= SubmissionRules.MaxIssues).WithMessage($"A submission addresses at most {SubmissionRules.MaxIssues} issues.")
                .Must(i => i is null || i.Distinct().Count() == i.Count).WithMessage("An issue is listed only once.");
            RuleForEach(x => x.Issues).NotEmpty().Slug();
            RuleFor(x => x.Channel).NotEmpty().OneOf<Request, SubmissionChannel>();
            RuleFor(x => x.Title).SingleLine(TextRules.TitleMaxLength);
            RuleFor(x => x.DocumentReference!).SingleLine(TextRules.ReferenceMaxLength).When(x => x.DocumentReference is not null);
            RuleFor(x => x.Link).Must(SubmissionRules.IsWebLink).When(x => x.Link is not null).WithMessage(SubmissionRules.LinkRule);
            RuleFor(x => x.Language).NotEmpty().Must(SubmissionRules.IsLanguage).WithMessage(SubmissionRules.LanguageRule);
        }
    }

    public sealed record Command(string Process, Request Request) : ICommand<StreamWritten>, IFromRequest<Request>
    {
        public string Submission => Request.Submission!;

        public string StreamKey => Submissions.Submission.KeyOf(Process, Submission);

        public string From => Request.From!;

        public string? OnBehalfOf => Request.OnBehalfOf;

        /// <summary>The content as recorded: trimmed, the channel parsed.</summary>
        public SubmissionContent Content => new(
            Request.From!,
            Request.OnBehalfOf,
            Request.ReceivedOn!.Value,
            [.. Request.Issues!.Select(i => i!)],
            TextRules.ParseEnum<SubmissionChannel>(Request.Channel!),
            Request.Title!.Trim(),
            string.IsNullOrWhiteSpace(Request.DocumentReference) ? null : Request.DocumentReference.Trim(),
            Request.Link,
            Request.Language!);
    }

    /// <summary>
    /// <paramref name="sender"/> and <paramref name="writtenFor"/> are the registry records of the sender and of the group named in
    /// <see cref="Request.OnBehalfOf"/> (null when none was named or it does not exist).
    /// </summary>
    public static SubmissionRecorded Decide(
        Submission? current, ProcessDetails? process, StakeholderDetails? sender, StakeholderDetails? writtenFor, Command command, DateTimeOffset now)
    {
        if (process is null)
        {
            throw new StreamNotFound("Process", command.Process);
        }

        if (current is not null)
        {
            throw AlreadyRecorded(command.StreamKey);
        }

        SubmissionRules.RequireActive(process, "be recorded");
        var content = command.Content;
        SubmissionRules.RequireSound(content, process, sender, writtenFor, now, []);
        return new SubmissionRecorded(command.StreamKey, process.Id, command.Submission, content);
    }

    public static DomainRuleViolation AlreadyRecorded(string key) => new($"Submission '{key}' already exists; submission keys are never reused.");

    public sealed class Handler(IDocumentSession session, TimeProvider time) : ICommandHandler<Command, StreamWritten>
    {
        public async ValueTask<StreamWritten> Handle(Command command, CancellationToken cancellationToken)
        {
            var batch = session.CreateBatchQuery();
            var process = batch.Load<ProcessDetails>(command.Process);
            var sender = batch.Load<StakeholderDetails>(command.From);
            var writtenFor = command.OnBehalfOf is { } onBehalfOf ? batch.Load<StakeholderDetails>(onBehalfOf) : Task.FromResult<StakeholderDetails?>(null);
            await batch.Execute(cancellationToken);
            var stream = await session.FetchForCreatingAsync<Submission>(command.StreamKey, cancellationToken);
            stream.AppendOne(Decide(stream.Aggregate, await process, await sender, await writtenFor, command, time.GetUtcNow()));
            await session.SaveNewStreamAsync(stream, () => AlreadyRecorded(command.StreamKey), cancellationToken);
            return new StreamWritten(command.StreamKey, 1);
        }
    }

    /// <summary>201 with the submission as it stands, its Location and ETag (also an idempotent retry's answer when the first was never recorded).</summary>
    private static async Task<Created<SubmissionDetails>> AnswerAsync(string key, IMediator mediator, HttpContext http, CancellationToken ct)
    {
        var details = await mediator.Send(new GetSubmission.Query(key), ct);
        http.Response.Headers.ETag = ETags.For(details.Version);
        return TypedResults.Created(GetSubmission.Route(details), details);
    }

    private static async ValueTask<object?> Recovered(Task<Created<SubmissionDetails>> answer) => await answer;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/processes/{key}/submissions", async (string key, Request r, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var written = await mediator.Send(r.For(key), ct);
                return await AnswerAsync(written.Key, mediator, http, ct);
            })
            .WithName("RecordSubmission")
            .WithIdempotency(context =>
            {
                var http = context.HttpContext;
                var key = context.Arguments.OfType<Request>().Single().For((string)http.Request.RouteValues["key"]!).StreamKey;
                return Recovered(AnswerAsync(key, http.RequestServices.GetRequiredService<IMediator>(), http, http.RequestAborted));
            })
            .WithSummary("Record a written submission to the process")
            .WithDescription("submission: a lowercase slug, unique in the process (e.g. mex-2017-10). from: a registered stakeholder; onBehalfOf (optional): "
                + "a GroupOrBloc or IntergovernmentalOrganization it was a member of on receivedOn. receivedOn (YYYY-MM-DD): within the process, not in the future. "
                + "issues: keys of open issues of the process (1 to 100). channel: Letter, Email, OnlineForm, Survey, Document, Other. title: one line. "
                + "documentReference (optional) and link (optional, an http or https address). language: ISO 639-1 (en, es, fr…). "
                + "Positions may cite it ('submission' instead of 'meeting'). Send an Idempotency-Key to make a retry safe: a repeated request answers as the first and writes nothing.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
