using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Platform;

/// <summary>A failure nobody planned for still answers with problem details, and gives nothing away.</summary>
public sealed class UnexpectedErrorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Secret = "connection to 10.1.2.3 failed for user admin with password hunter2";

    [Fact]
    public async Task An_unexpected_exception_is_a_500_problem_without_internals()
    {
        var client = api.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new ThrowingEndpointFilter()))).CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/test-only/boom");
        request.Headers.Add("X-Correlation-Id", "boom-1");

        var response = await client.SendAsync(request);

        var problem = await response.AssertProblemAsync(500);
        var body = problem.GetRawText();
        Assert.DoesNotContain("hunter2", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.Equal("boom-1", problem.GetProperty("correlationId").GetString());
        Assert.Equal("boom-1", response.Headers.GetValues("X-Correlation-Id").Single());
    }

    /// <summary>Adds, behind the application's own pipeline, a path that throws.</summary>
    private sealed class ThrowingEndpointFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext http, RequestDelegate _) =>
                http.Request.Path == "/test-only/boom" ? throw new InvalidOperationException(Secret) : Task.CompletedTask);
        };
    }
}
