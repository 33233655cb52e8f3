namespace Consultation.Tests.Support;

/// <summary>Waits for something the service does in the background (a daemon catching up, a load reaching a point), with a limit.</summary>
public static class Eventually
{
    public static Task HoldsAsync(Func<bool> condition, TimeSpan timeout, string? what = null) =>
        HoldsAsync(() => Task.FromResult(condition()), timeout, what);

    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string? what = null)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, what ?? $"Condition not met within {timeout.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }
}
