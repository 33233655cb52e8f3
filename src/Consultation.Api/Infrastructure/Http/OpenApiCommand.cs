using JasperFx.CommandLine;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Consultation.Infrastructure.Http;

public sealed class OpenApiInput : NetCoreInput
{
    [Description("File to write the document to (JSON); without it, standard output")]
    [FlagAlias("out", 'o')]
    public string? OutFlag { get; set; }
}

/// <summary>
/// <c>dotnet run -- openapi [-o openapi.json]</c>: writes the OpenAPI document the service serves at <c>/openapi/v1.json</c>,
/// without starting the service or touching a database (CI lints it).
/// </summary>
[Description("Write the OpenAPI document (as served at /openapi/v1.json) without starting the service", Name = "openapi")]
public sealed class OpenApiCommand : JasperFxAsyncCommand<OpenApiInput>
{
    public override async Task<bool> Execute(OpenApiInput input)
    {
        using var host = input.BuildHost();
        if (host is WebApplication app)
        {
            // The mapped endpoints reach the routing (and so the document) when the pipeline is built, which only starting
            // does; register them here without starting (no hosted services, no database).
            app.UseRouting();
            app.UseEndpoints(_ => { });
        }

        var document = await host.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>(OpenApiSetup.DocumentName).GetOpenApiDocumentAsync();
        await using var text = new StringWriter();
        document.SerializeAsV31(new OpenApiJsonWriter(text));
        if (input.OutFlag is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, text.ToString());
            await Console.Error.WriteLineAsync($"Wrote the OpenAPI document ({document.Paths.Count} paths) to {path}");
        }
        else
        {
            await Console.Out.WriteAsync(text.ToString());
        }

        return true;
    }
}
