using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Consultation.Infrastructure.Observability;

public static class ObservabilitySetup
{
    public const string ServiceName = "consultation-tracker";

    /// <summary>
    /// Structured logs with scopes (JSON outside Development) so every line carries the correlation id;
    /// OpenTelemetry traces and metrics for ASP.NET Core, Npgsql and Marten, exported over OTLP only
    /// when an endpoint is configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).
    /// </summary>
    public static WebApplicationBuilder AddConsultationObservability(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        // Logs go to standard error, so commands that print data (audit export, token) keep standard output clean.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.IncludeScopes = true;
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
        else
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }

        var endpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource("Marten"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql", "Marten"))
            .UseOtlpExporter();
        builder.Logging.AddOpenTelemetry(o => o.IncludeScopes = true);
        return builder;
    }
}
