namespace Consultation.Benchmarks;

/// <summary>Progress on standard error with the time since start; standard output carries only the result table.</summary>
public static class Log
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();

    public static void Line(string message) => Console.Error.WriteLine($"[{Clock.Elapsed:mm\\:ss}] {message}");
}
