namespace Consultation.Dashboard.Charts;

/// <summary>A stakeholder on the opinion map: its place, its opinion group (colour) and declared group (shape).</summary>
public sealed record MapDot(string Stakeholder, double X, double Y, string OpinionGroup, string? DeclaredGroup, int Positions);

/// <summary>The centre of an opinion group on the map, where its label is written.</summary>
public sealed record MapCentre(string Label, double X, double Y);

/// <summary>
/// The colour of an opinion group, by its label (A, B, … Z, AA …) so that a label keeps its colour from one moment to the
/// next: the Okabe–Ito palette, told apart with the common colour-vision deficiencies (the map's shapes and the table do
/// not rely on colour).
/// </summary>
public static class OpinionColours
{
    private static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"];

    public static string Of(string label)
    {
        var index = 0;
        foreach (var c in label)
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return Palette[Math.Max(0, index - 1) % Palette.Length];
    }
}
