using System.Collections.Concurrent;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace Consultation.Tests.Reliability.Hostile;

/// <summary>
/// A generated corpus of hostile requests (<see cref="HostileCorpus"/>, FsCheck, seeded) sent to every write endpoint
/// the service maps: each must be refused with a 4xx problem details, never a 5xx, and nothing may be written.
/// <c>CONSULTATION_HOSTILE_CASES</c> sets the corpus size (default 3000), <c>CONSULTATION_HOSTILE_SEED</c> its seed.
/// </summary>
public sealed class HostileInputTests(ReliabilityApiFactory api, ITestOutputHelper output) : IClassFixture<ReliabilityApiFactory>
{
    [Fact]
    public async Task Every_write_endpoint_refuses_a_generated_hostile_corpus_with_4xx_problem_details_and_writes_nothing()
    {
        var size = int.TryParse(Environment.GetEnvironmentVariable("CONSULTATION_HOSTILE_CASES"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 3000;
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("CONSULTATION_HOSTILE_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 2017UL;
        var steps = new PositionSteps(api.CreateClient());
        var process = await steps.OpenAsync("alpha");
        await steps.StateAsync(process, "alpha", "MEX", 1);
        var endpoints = WriteEndpoint.Of(api.Services).Where(e => e.CanCarryHostileInput).ToList();
        var corpus = HostileCorpus.For(endpoints, process).Sample(size, new Rnd(seed), 30);
        var before = await api.CountEventsAsync();

        var answers = new ConcurrentBag<(HostileCase Case, int Status, string? MediaType, string Body)>();
        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (hostile, ct) =>
        {
            using var request = hostile.ToRequest();
            using var response = await steps.Client.SendAsync(request, ct);
            answers.Add((hostile, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(ct)));
        });
        var written = await api.CountEventsAsync() - before;

        output.WriteLine($"{answers.Count} hostile requests to {endpoints.Count} write endpoints (seed {seed}); events written: {written}.");
        output.WriteLine("Without a body or route value to carry hostile input: " + string.Join(", ", WriteEndpoint.Of(api.Services).Where(e => !e.CanCarryHostileInput)));
        output.WriteLine("By status: " + string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine("By defect: " + string.Join(", ", answers.GroupBy(a => a.Case.Defect.Split(' ')[0] + " " + a.Case.Defect.Split(' ')[1]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}")));
        var wrong = answers.Where(a => a.Status is < 400 or > 499 || a.MediaType != "application/problem+json").ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} hostile requests were not refused with a 4xx problem:\n" + string.Join("\n", wrong.Take(15).Select(w => $"{w.Status} {w.MediaType} {Shorten(w.Body)} <- {w.Case}")));
        Assert.Equal(size, answers.Count);
        Assert.Equal(0, written);
        Assert.DoesNotContain(endpoints, e => !answers.Any(a => a.Case.Endpoint == e));
    }

    private static string Shorten(string body) => body.Length <= 200 ? body : body[..200] + "…";
}
