using System.Buffers;

namespace Consultation.Benchmarks;

/// <summary>Scenario 6 (export): the whole log as NDJSON from <c>GET /audit/export</c>, streamed, and the API's peak memory meanwhile.</summary>
public static class ExportScenario
{
    public static async Task RunAsync(BenchContext context, ApiProcess api, string size)
    {
        using var http = api.Client();
        var before = api.MemoryBytes;
        api.ResetPeakMemory();
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync("/audit/export?format=ndjson", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        long bytes = 0, lines = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        ArrayPool<byte>.Shared.Return(buffer);
        var seconds = clock.Elapsed.TotalSeconds;
        var peak = api.PeakMemoryBytes;
        context.Report.Add("6 export", $"NDJSON export of the whole log, store {size}",
            $"{Report.N(lines)} events, {Report.Mb(bytes)} in {seconds:0.0} s ({Report.N(lines / seconds)}/s); API memory {Report.Mb(before)} before, peak {Report.Mb(peak)}",
            new { size, events = lines, bytes, seconds, rssBeforeBytes = before, peakBytes = peak });
    }
}
