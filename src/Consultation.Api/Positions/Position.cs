namespace Consultation.Positions;

/// <summary>Write model of one position stream (process × issue × stakeholder).</summary>
public sealed record Position(string Id, string Process, string Issue, string Stakeholder, PositionContent? Content, DateOnly? WithdrawnOn)
{
    public bool IsWithdrawn => WithdrawnOn is not null;

    /// <summary>The delegate's stakeholder who stated it on behalf of the group that holds it (the latest statement's), if one did.</summary>
    public string? SpokenBy { get; init; }

    public static Position Create(PositionStated e) => new(e.Key, e.Process, e.Issue, e.Stakeholder, e.Content, null) { SpokenBy = e.SpokenBy };

    public Position Apply(PositionStated e) => this with { Content = e.Content, WithdrawnOn = null, SpokenBy = e.SpokenBy };

    public Position Apply(PositionRevised e) => this with { Content = e.Content };

    public Position Apply(PositionCorrected e) => this with { Content = e.Content };

    public Position Apply(PositionWithdrawn e) => this with { WithdrawnOn = e.WithdrawnOn };

    /// <summary>
    /// The write model from the inline <see cref="PositionDetails"/> document, which Marten fetches for writing in one read with
    /// its version: the same state as folding the stream (a withdrawal keeps the last content, a re-statement clears the date).
    /// </summary>
    public static Position From(PositionDetails d) =>
        new(d.Id, d.Process, d.Issue, d.Stakeholder, new PositionContent(d.Stance, d.Conditions, d.Summary, d.Quote, d.Source, d.StatedOn), d.WithdrawnOn) { SpokenBy = d.SpokenBy };

    /// <summary>The stream key: <c>{process}/{issue}/{stakeholder}</c>.</summary>
    public static string KeyFor(string process, string issue, string stakeholder) => $"{process}/{issue}/{stakeholder}";
}
