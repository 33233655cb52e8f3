namespace Consultation.Positions;

/// <summary>Write model of one position stream (process × issue × stakeholder).</summary>
public sealed record Position(string Id, string Process, string Issue, string Stakeholder, PositionContent? Content, DateOnly? WithdrawnOn)
{
    public bool IsWithdrawn => WithdrawnOn is not null;

    public static Position Create(PositionStated e) => new(e.Key, e.Process, e.Issue, e.Stakeholder, e.Content, null);

    public Position Apply(PositionStated e) => this with { Content = e.Content, WithdrawnOn = null };

    public Position Apply(PositionRevised e) => this with { Content = e.Content };

    public Position Apply(PositionCorrected e) => this with { Content = e.Content };

    public Position Apply(PositionWithdrawn e) => this with { WithdrawnOn = e.WithdrawnOn };

    /// <summary>
    /// The write model from the inline <see cref="PositionDetails"/> document, which Marten fetches for writing in one read with
    /// its version: the same state as folding the stream (a withdrawal keeps the last content, a re-statement clears the date).
    /// </summary>
    public static Position From(PositionDetails d) =>
        new(d.Id, d.Process, d.Issue, d.Stakeholder, new PositionContent(d.Stance, d.Conditions, d.Summary, d.Quote, d.Source, d.StatedOn), d.WithdrawnOn);

    /// <summary>The stream key: <c>{process}/{issue}/{stakeholder}</c>.</summary>
    public static string KeyFor(string process, string issue, string stakeholder) => $"{process}/{issue}/{stakeholder}";
}
