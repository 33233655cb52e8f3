using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Consultation.Tests.Platform;

/// <summary>Traces and metrics go to an OTLP endpoint when one is configured, and nowhere otherwise.</summary>
public sealed class TelemetryExportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public void Without_an_endpoint_no_telemetry_pipeline_is_built()
    {
        Assert.Null(api.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task With_an_endpoint_traces_and_metrics_are_exported_over_otlp()
    {
        var received = new ConcurrentBag<string>();
        await using var collector = await StartCollectorAsync(received);
        var endpoint = collector.Urls.Single();

        var exporting = api.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
            builder.UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        });
        var client = exporting.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/stakeholders")).StatusCode);
        var traces = exporting.Services.GetRequiredService<TracerProvider>();
        var metrics = exporting.Services.GetRequiredService<MeterProvider>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(received.Contains("/v1/traces") && received.Contains("/v1/metrics")) && DateTime.UtcNow < deadline)
        {
            traces.ForceFlush(5000);
            metrics.ForceFlush(5000);
            await Task.Delay(200);
        }

        Assert.Contains("/v1/traces", received);
        Assert.Contains("/v1/metrics", received);
    }

    private static async Task<WebApplication> StartCollectorAsync(ConcurrentBag<string> received)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var collector = builder.Build();
        collector.MapPost("/v1/{signal}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            if (body.Length > 0)
            {
                received.Add(http.Request.Path.Value!);
            }

            return Results.Ok();
        });
        await collector.StartAsync();
        return collector;
    }
}
