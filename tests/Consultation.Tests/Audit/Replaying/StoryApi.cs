using Consultation.Tests.Convergence.Summaries;

namespace Consultation.Tests.Audit.Replaying;

/// <summary>The API with a <see cref="ConvergenceStory"/> built once for the whole test class.</summary>
public sealed class StoryApi : IAsyncLifetime
{
    public ApiFactory Api { get; } = new();

    public ConvergenceStory Story { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Api).InitializeAsync();
        Client = Api.CreateClient();
        Story = await new ConvergenceStory(Client).BuildAsync();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)Api).DisposeAsync();

    /// <summary>The global sequence and recorded time of the event that closed a meeting of the story.</summary>
    public async Task<(long Sequence, DateTimeOffset RecordedAt)> CloseEventAsync(string meeting)
    {
        var response = await Client.GetAsync($"/audit/streams/{Story.Process}/{meeting}");
        var events = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray();
        var closed = events.Single(e => e.GetProperty("type").GetString() == "meeting_closed");
        return (closed.GetProperty("sequence").GetInt64(), closed.GetProperty("recordedAt").GetDateTimeOffset());
    }
}
