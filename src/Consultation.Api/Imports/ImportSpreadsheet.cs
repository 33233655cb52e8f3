using Consultation.Imports.Reading;
using Consultation.Imports.Sheets;
using Consultation.Infrastructure.Batching;
using Consultation.Infrastructure.Idempotency;
using Consultation.Infrastructure.Pipeline;
using Consultation.Positions.Batching;
using Consultation.Processes;
using Consultation.Processes.Issues;
using Consultation.Stakeholders.Batching;
using Consultation.Submissions.Batching;
using Consultation.Submissions.Recording;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc;

namespace Consultation.Imports;

/// <summary>
/// Import a spreadsheet (CSV or XLSX: stakeholders, issues, submissions, positions) into a process, or only check it (<c>dryRun</c>).
/// </summary>
/// <remarks>
/// <para>The rows become the items of the existing batches (the registry's, the issues', the submissions', the positions'),
/// checked by their validators and decided by their own handlers — their <c>Decide</c>, their facts, their rules — in chunks
/// of the batches' sizes, all inside one database transaction: the stakeholders first, then the issues, the submissions and
/// the positions, so a row can name what an earlier sheet of the same file writes. Items the record refuses are set aside
/// with their error and the chunk decided again without them, so one pass reports every row that is wrong. With any error,
/// or a dry run, the transaction is rolled back: nothing is written, and a dry run answers exactly what a commit would have
/// written.</para>
/// </remarks>
public static class ImportSpreadsheet
{
    /// <param name="Process">The process the file is imported into.</param>
    /// <param name="DryRun">Only check: decide everything, write nothing.</param>
    /// <param name="File">The uploaded file.</param>
    public sealed record Command(string Process, bool DryRun, SpreadsheetUpload File) : ICommand<Result>
    {
        /// <summary>Told how far the import has got (the command line's progress); the answer does not depend on it.</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public IProgress<ImportProgress>? Progress { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(x => x.Process).NotEmpty().Slug();
    }

    /// <summary>An event a row writes (or would write): its kind and the record's key (the stream's; an issue's is <c>process/issue</c>).</summary>
    public sealed record RowWrite(string Kind, string Key);

    public sealed record RowResult(string Sheet, int Row, IReadOnlyList<RowWrite> Writes);

    /// <summary>The import's answer: rows read, events written (or that a dry run would write), each row's writes, the errors by <c>sheet!row:column</c>.</summary>
    public sealed record Result(
        string Process, bool DryRun, bool Committed, int Rows, int Events, IReadOnlyList<RowResult> Written, IReadOnlyDictionary<string, string[]> Errors);

    /// <summary>
    /// Positions are decided this many at a time, more than the positions batch takes from a client: each chunk costs a round
    /// trip of facts and its saves' fixed work, and the import is one transaction whatever the chunking.
    /// </summary>
    public const int PositionsChunk = 2_000;

    public sealed class Handler(IDocumentSession session, IDocumentStore store, TimeProvider time) : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            // A problem of the whole import is answered before any row is read: an unknown process 404, a concluded one 409.
            var process = command.Process;
            var target = await session.LoadAsync<ProcessDetails>(process, cancellationToken) ?? throw new StreamNotFound("Process", process);
            if (target.Status == ProcessStatus.Concluded)
            {
                throw new DomainRuleViolation($"Process '{process}' was concluded on {target.ConcludedOn:yyyy-MM-dd}; it accepts nothing new.");
            }

            var plan = ImportPlan.Read(command.File, process);
            var errors = plan.Errors;
            var writes = new List<(string Sheet, int Row, RowWrite Write)>();
            var rowsDecided = new HashSet<(string Sheet, int Row)>();
            command.Progress?.Report(new ImportProgress(plan.Rows, null, 0, 0, 0, 0));

            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

            // Each sheet after those whose records it may name: stakeholders, issues, submissions, positions.
            async Task DecideSheetAsync<T>(
                string sheet, IReadOnlyList<PlannedItem<T>> planned, IValidator<T> validator, int chunkSize,
                Func<IDocumentSession, IReadOnlyList<T>, Task<IReadOnlyList<(int Index, string Key)>>> write)
            {
                var valid = Valid(planned, validator, errors);
                var decided = 0;
                foreach (var chunk in valid.Chunk(chunkSize))
                {
                    await DecideAsync(chunk, errors, async items =>
                    {
                        await using var inner = Session(transaction);
                        return await write(inner, [.. items.Select(i => i.Item)]);
                    }, writes);
                    decided += chunk.Length;
                    if (command.Progress is { } progress)
                    {
                        rowsDecided.UnionWith(chunk.Select(i => (i.Sheet, i.Row)));
                        progress.Report(new ImportProgress(plan.Rows, sheet, decided, planned.Count, rowsDecided.Count, writes.Count));
                    }
                }
            }

            await DecideSheetAsync(StakeholdersSheet.Name, plan.Registry, new ChangeRegistryInBatch.Item.Validator(), ChangeRegistryInBatch.MaxItems, async (inner, items) =>
            {
                var written = await new ChangeRegistryInBatch.Handler(inner).Handle(new ChangeRegistryInBatch.Command(new ChangeRegistryInBatch.Request(items)), cancellationToken);
                return [.. written.Items.Select(w => (w.Index, w.Key))];
            });
            await DecideSheetAsync(IssuesSheet.Name, plan.Issues, new TableIssue.Validator(), TableIssuesInBatch.MaxItems, async (inner, items) =>
            {
                var written = await new TableIssuesInBatch.Handler(inner).Handle(new TableIssuesInBatch.Command(process, null, new TableIssuesInBatch.Request(items)), cancellationToken);
                return [.. written.Issues.Select(w => (w.Index, $"{process}/{w.Issue}"))];
            });
            await DecideSheetAsync(SubmissionsSheet.Name, plan.Submissions, new RecordSubmission.Validator(), RecordSubmissionsInBatch.MaxItems, async (inner, items) =>
            {
                var written = await new RecordSubmissionsInBatch.Handler(inner, time).Handle(new RecordSubmissionsInBatch.Command(process, new RecordSubmissionsInBatch.Request(items)), cancellationToken);
                return [.. written.Submissions.Select(w => (w.Index, w.Key))];
            });
            await DecideSheetAsync(PositionsSheet.Name, plan.Positions, new StatePositionsInBatch.Item.Validator(), PositionsChunk, async (inner, items) =>
            {
                var written = await new StatePositionsInBatch.Handler(inner, time).Handle(new StatePositionsInBatch.Command(process, new StatePositionsInBatch.Request(items)), cancellationToken);
                return [.. written.Positions.Select(w => (w.Index, w.Key))];
            });

            var committed = !command.DryRun && errors.Count == 0;
            if (!committed)
            {
                await transaction.RollbackAsync(cancellationToken);
                if (!command.DryRun)
                {
                    throw new ImportRefused(errors.ToDictionary(), $"{errors.Count} cells or rows of the file are wrong (see 'errors', by sheet!row:column); nothing was written.");
                }
            }
            else
            {
                // The Idempotency-Key's record commits with the events, as for every other write.
                await using var keys = Session(transaction);
                foreach (var record in session.PendingChanges.InsertsFor<IdempotencyRecord>().ToList())
                {
                    keys.Insert(record);
                    session.Eject(record);
                }

                await keys.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            var rows = writes.GroupBy(w => (w.Sheet, w.Row))
                .Select(g => new RowResult(g.Key.Sheet, g.Key.Row, [.. g.Select(w => w.Write)]))
                .OrderBy(r => r.Sheet, StringComparer.Ordinal).ThenBy(r => r.Row)
                .ToList();
            return new Result(command.Process, command.DryRun, committed, plan.Rows, writes.Count, rows, errors.ToDictionary());
        }

        /// <summary>A session writing in the import's transaction, stamped with who and why as the pipeline stamped the request's.</summary>
        private IDocumentSession Session(Npgsql.NpgsqlTransaction transaction)
        {
            var inner = store.LightweightSession(Marten.Services.SessionOptions.ForTransaction(transaction, false));
            inner.CorrelationId = session.CorrelationId;
            inner.CausationId = session.CausationId;
            inner.LastModifiedBy = session.LastModifiedBy;
            foreach (var header in new[] { EventHeaders.Command, EventHeaders.Role, EventHeaders.DisplayName })
            {
                inner.SetHeader(header, session.GetHeader(header)!);
            }

            return inner;
        }
    }

    /// <summary>The items their single writes' validators accept; the others' errors, by row and column.</summary>
    private static List<PlannedItem<T>> Valid<T>(IReadOnlyList<PlannedItem<T>> planned, IValidator<T> validator, ImportErrors errors)
    {
        var valid = new List<PlannedItem<T>>(planned.Count);
        foreach (var item in planned)
        {
            var failures = validator.Validate(item.Item).Errors;
            foreach (var failure in failures)
            {
                errors.Add(item.Sheet, item.Row, item.ColumnOf(failure.PropertyName), failure.ErrorMessage);
            }

            if (failures.Count == 0)
            {
                valid.Add(item);
            }
        }

        return valid;
    }

    /// <summary>
    /// Decides and writes a chunk with its batch's handler; items the record refuses are kept as errors of their rows and the
    /// chunk is decided again without them (nothing of a refused chunk was written), until it is written or empty.
    /// </summary>
    private static async Task DecideAsync<T>(
        IReadOnlyList<PlannedItem<T>> chunk,
        ImportErrors errors,
        Func<IReadOnlyList<PlannedItem<T>>, Task<IReadOnlyList<(int Index, string Key)>>> write,
        List<(string Sheet, int Row, RowWrite Write)> writes)
    {
        var items = chunk.ToList();
        while (items.Count > 0)
        {
            IReadOnlyDictionary<string, string[]> refused;
            try
            {
                foreach (var (index, key) in await write(items))
                {
                    writes.Add((items[index].Sheet, items[index].Row, new RowWrite(items[index].Kind, key)));
                }

                return;
            }
            catch (BatchItemsRefused e)
            {
                refused = e.Errors;
            }

            var indexes = new HashSet<int>();
            foreach (var (key, messages) in refused)
            {
                var index = int.Parse(key.AsSpan()["items[".Length..key.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture);
                indexes.Add(index);
                foreach (var message in messages)
                {
                    errors.Add(items[index].Sheet, items[index].Row, items[index].RowColumn, message);
                }
            }

            items = [.. items.Where((_, i) => !indexes.Contains(i))];
        }
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/processes/{process}/imports", async (string process, bool? dryRun, SpreadsheetUpload file, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new Command(process, dryRun ?? false, file), ct)))
            .WithName("ImportSpreadsheet")
            .WithIdempotency()
            .WithMetadata(SpreadsheetUpload.Body)
            .WithMetadata(new RequestSizeLimitAttribute(SpreadsheetUpload.MaxBytes))
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // The body is the file's bytes, not a JSON object: each accepted type as a binary string, the CSV one with an example.
                operation.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Description = "The spreadsheet file itself.",
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                    {
                        [SpreadsheetReader.CsvContentType] = new()
                        {
                            Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary" },
                            Example = System.Text.Encoding.UTF8.GetString(ImportTemplates.Csv(Sheets.PositionsSheet.Name)),
                        },
                        [SpreadsheetReader.XlsxContentType] = new()
                        {
                            Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "binary" },
                        },
                    },
                };
                return Task.CompletedTask;
            })
            .WithSummary("Import a spreadsheet of stakeholders, issues, submissions and positions (CSV or XLSX), or check it with dryRun=true")
            .WithDescription($"The body is the file itself, 'Content-Type: {SpreadsheetReader.CsvContentType}' or '{SpreadsheetReader.XlsxContentType}', at most "
                + $"{SpreadsheetUpload.MaxBytes} bytes and {ImportPlan.MaxRows} rows (413 beyond). A workbook's sheets are named 'stakeholders', 'issues', 'submissions' "
                + "and 'positions' (templates: GET /imports/templates/workbook.xlsx), decided in that order so a row may name what an earlier sheet writes; "
                + "a CSV file is one sheet, its kind told by one column of its header ('kind', 'description', 'receivedOn' or 'stance'). With dryRun=true nothing is written: the answer lists, per row, the events a commit would "
                + "write and, under 'errors', what is wrong, keyed sheet!row:column (e.g. 'positions!14:stance') with the single writes' own messages. Without it "
                + "the file is written in one transaction, or, when any row is wrong, nothing (422, the same errors). Idempotency-Key: a re-sent import answers "
                + "the first answer and writes nothing.")
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
}

/// <summary>Rows of an import are wrong (HTTP 422, <c>errors</c> keyed <c>sheet!row:column</c>); nothing was written.</summary>
public sealed class ImportRefused(IReadOnlyDictionary<string, string[]> errors, string message) : Exception(message)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
