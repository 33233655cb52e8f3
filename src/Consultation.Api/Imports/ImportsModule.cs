using Consultation.Imports.Reading;
using Consultation.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;

namespace Consultation.Imports;

/// <summary>Spreadsheet imports: a file of stakeholders, issues, submissions and positions written through the batches, or checked by a dry run.</summary>
public static class ImportsModule
{
    public static IServiceCollection AddImportsServices(this IServiceCollection services) =>
        services
            .AddProblemMapping<ImportRefused>(refused => new HttpValidationProblemDetails(refused.Errors.ToDictionary())
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "Rows of the file break the record's rules or are malformed.",
                Detail = refused.Message,
            })
            .AddProblemMapping<UnreadableSpreadsheet>(e => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "The file cannot be read.", Detail = e.Message })
            .AddProblemMapping<SpreadsheetTooLarge>(e => new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Title = "The file is too large.", Detail = e.Message });

    public static void MapImports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).WithTag("Imports", "Spreadsheets (CSV, XLSX) of stakeholders, issues, written submissions and positions: checked by a dry run, then written all or nothing.");
        ImportSpreadsheet.Map(group.For(Access.Record));
        ImportTemplates.Map(group.For(Access.Read));
    }
}
