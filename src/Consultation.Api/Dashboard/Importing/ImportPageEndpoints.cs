using Consultation.Imports;
using Consultation.Imports.Reading;
using Consultation.Imports.Sheets;
using Consultation.Infrastructure.Errors;
using Consultation.Infrastructure.Idempotency;
using Consultation.Infrastructure.Security;
using Consultation.Processes.Reading;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Consultation.Dashboard.Importing;

/// <summary>
/// The secretariat's import page, <c>/ui/processes/{process}/import</c>: a form taking a CSV or XLSX file, checked by a
/// dry run, then committed from the form the dry run offers. Plain endpoints rather than a routed component, because the
/// post is a file (<c>multipart/form-data</c>) whose limits, antiforgery token and refusals this page handles itself, and
/// so the post has the import's own access (the secretariat, its write budget); the page is still a Razor component
/// (<see cref="ImportPage"/>) in the pages' layout. Both the dry run and the commit send
/// <see cref="ImportSpreadsheet.Command"/> through the mediator, as <c>POST /processes/{process}/imports</c> does.
/// </summary>
public static class ImportPageEndpoints
{
    public const string Pattern = "/ui/processes/{process}/import";

    public const string TemplatesPath = PageAuthentication.PathPrefix + "/imports/templates";

    /// <summary>The templates the page links to (the API's, served under <c>/ui</c> where the page session is accepted).</summary>
    public static readonly IReadOnlyList<string> Templates = [.. ImportTemplates.KindNames];

    /// <summary>The largest file an import takes plus room for the form around it; a file over the import's limit within this is still read, to say so on the page.</summary>
    public const long MaxRequestBytes = SpreadsheetUpload.MaxBytes + (1024 * 1024);

    public static string PathOf(string process) => $"{PageAuthentication.PathPrefix}/processes/{process}/import";

    public static void Map(IEndpointRouteBuilder app)
    {
        // Opening the form writes nothing: the import's role and process, not its write budget.
        app.MapGet(Pattern, ShowAsync)
            .RequireAuthorization(Access.Record.Policy)
            .WithMetadata(Access.Record)
            .ExcludeFromDescription();
        app.MapPost(Pattern, ImportAsync)
            .RequireAccess(Access.Record)
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .WithFormOptions(multipartBodyLengthLimit: MaxRequestBytes)
            .ExcludeFromDescription();
        app.MapGet(TemplatesPath + "/{kind}.csv", (string kind) => Templates.Contains(kind, StringComparer.Ordinal)
                ? Results.File(ImportTemplates.Csv(kind), SpreadsheetReader.CsvContentType, $"{kind}.csv")
                : Results.NotFound())
            .RequireAccess(Access.Read)
            .ExcludeFromDescription();
        app.MapGet(TemplatesPath + "/" + ImportTemplates.WorkbookName, () => Results.File(ImportTemplates.Workbook(), SpreadsheetReader.XlsxContentType, ImportTemplates.WorkbookName))
            .RequireAccess(Access.Read)
            .ExcludeFromDescription();
    }

    private static async Task<IResult> ShowAsync(string process, HttpContext http, ISender sender) =>
        Page(http, await TitledAsync(new ImportAnswer { Process = process }, sender, http.RequestAborted));

    private static async Task<IResult> ImportAsync(string process, HttpContext http, IAntiforgery antiforgery, ISender sender, ImportCommit commit)
    {
        var aborted = http.RequestAborted;
        var answer = await TitledAsync(new ImportAnswer { Process = process }, sender, aborted);
        if (answer.Problem is not null)
        {
            return Page(http, answer);
        }

        var (form, status, problem) = await ImportForm.ReadAsync(http, antiforgery);
        if (form is null)
        {
            return Page(http, answer with { Status = status, Problem = problem });
        }

        answer = answer with { FileName = form.FileName };
        try
        {
            if (form.DryRun)
            {
                var result = await sender.Send(new ImportSpreadsheet.Command(process, DryRun: true, form.Upload), aborted);
                return Page(http, answer with { Result = result, Errors = result.Errors, Commit = result.Errors.Count == 0 && result.Events > 0 ? Offer(form) : null });
            }

            if (!IdempotencyKey.IsValid(form.Key) || form.CheckedSha256 is null)
            {
                return Page(http, answer with { Status = StatusCodes.Status400BadRequest, Problem = "A file is imported from the form its dry run offers: check the file first." });
            }

            if (!string.Equals(form.CheckedSha256, form.Upload.Sha256, StringComparison.Ordinal))
            {
                return Page(http, answer with
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Problem = $"'{form.FileName}' is not the file the dry run checked (its content differs); nothing was written. Check this file first.",
                });
            }

            var outcome = await commit.CommitAsync(process, form.Key!, form.Upload, aborted);
            return Page(http, answer with { Result = outcome.Result, Errors = outcome.Result.Errors, ImportedBefore = outcome.ImportedBefore });
        }
        catch (ImportRefused e)
        {
            return Page(http, answer with { Status = StatusCodes.Status422UnprocessableEntity, Errors = e.Errors, Problem = e.Message });
        }
        catch (Exception e) when (Refusal(e) is { } refusal)
        {
            return Page(http, answer with { Status = refusal.Status, Problem = refusal.Message });
        }
    }

    /// <summary>What the import refused with, said on the page (as the API's problem details would): not a spreadsheet, too many rows, the process concluded…</summary>
    private static (int Status, string Message)? Refusal(Exception e) => e switch
    {
        UnreadableSpreadsheet => (StatusCodes.Status400BadRequest, e.Message),
        SpreadsheetTooLarge => (StatusCodes.Status413PayloadTooLarge, e.Message),
        ValidationException validation => (StatusCodes.Status400BadRequest, Messages(validation)),
        StreamNotFound => (StatusCodes.Status404NotFound, e.Message),
        DomainRuleViolation => (StatusCodes.Status409Conflict, e.Message),
        OutsideProcessScope => (StatusCodes.Status403Forbidden, e.Message),
        IdempotencyKeyReused => (StatusCodes.Status422UnprocessableEntity, "This commit form was already used to import another file; nothing was written. Check the file again to import it."),
        IdempotentRequestInProgress => (StatusCodes.Status409Conflict,
            "This commit form was submitted twice at once and the first is still being completed; nothing more was written. Open the process page in a moment."),
        _ => null,
    };

    private static async Task<ImportAnswer> TitledAsync(ImportAnswer answer, ISender sender, CancellationToken cancellationToken)
    {
        try
        {
            return answer with { ProcessTitle = (await sender.Send(new GetProcess.Query(answer.Process), cancellationToken)).Title };
        }
        catch (StreamNotFound e)
        {
            return answer with { Status = StatusCodes.Status404NotFound, Problem = e.Message };
        }
        catch (ValidationException e)
        {
            return answer with { Status = StatusCodes.Status400BadRequest, Problem = Messages(e) };
        }
    }

    /// <summary>
    /// The commit form a clean dry run offers. A small file travels back in it (base64 in a hidden field), so the user need
    /// not choose it again; a larger one is chosen again, and must be the same bytes (its digest is in the form).
    /// </summary>
    private static CommitOffer Offer(ImportForm form) => new(
        Guid.NewGuid().ToString("N"),
        form.Upload.Sha256,
        form.FileName,
        form.Upload.ContentType,
        form.Upload.Content.Length <= ImportForm.CarriedMaxBytes ? Convert.ToBase64String(form.Upload.Content) : null);

    private static string Messages(ValidationException e) => string.Join(" ", e.Errors.Select(x => x.ErrorMessage).Distinct());

    private static RazorComponentResult<ImportPage> Page(HttpContext http, ImportAnswer answer)
    {
        // The answer may carry the file back in its commit form.
        http.Response.Headers.CacheControl = "no-store";
        return new RazorComponentResult<ImportPage>(new Dictionary<string, object?> { [nameof(ImportPage.Answer)] = answer }) { StatusCode = answer.Status };
    }
}
