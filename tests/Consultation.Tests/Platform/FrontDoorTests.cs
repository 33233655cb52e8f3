using System.Net.Http.Headers;

namespace Consultation.Tests.Platform;

/// <summary>The service's address opened as is: a browser lands on the pages, an API client gets an index of where things are.</summary>
public sealed class FrontDoorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private HttpClient Anonymous()
    {
        var client = api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return client.Authorize(null);
    }

    [Fact]
    public async Task A_browser_is_sent_to_the_pages_without_a_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        var response = await Anonymous().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ui", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("application/json")]
    [InlineData("*/*")]
    public async Task An_api_client_gets_an_index_whose_links_answer(string? accept)
    {
        var client = Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var index = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var links = index.RootElement.EnumerateObject().Where(p => p.Name != "name").Select(p => p.Value.GetString()!).ToList();
        Assert.Contains("/scalar/", links);
        Assert.Contains("/openapi/v1.json", links);
        Assert.Contains("/health/ready", links);
        Assert.Contains("/ui", links);
        foreach (var link in links.Where(l => l != "/ui"))
        {
            var answer = await client.GetAsync(link);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{link} → {(int)answer.StatusCode} {answer.Headers.Location}");
        }

        using var page = new HttpRequestMessage(HttpMethod.Get, "/ui");
        page.Headers.Accept.ParseAdd("text/html");
        var signIn = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.StartsWith("/ui/sign-in", signIn.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
