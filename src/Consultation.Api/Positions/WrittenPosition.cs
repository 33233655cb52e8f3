namespace Consultation.Positions;

/// <summary>Keeps the position as a write left it, for the write's answer (<see cref="Reading.GetPosition"/> finds it there).</summary>
public static class WrittenPosition
{
    public static async Task KeepAsync(IDocumentSession session, WrittenViews written, string key, CancellationToken cancellationToken)
    {
        if (await session.Events.FetchLatest<PositionDetails>(key, cancellationToken) is { } position)
        {
            written.Add(key, position);
        }
    }
}
