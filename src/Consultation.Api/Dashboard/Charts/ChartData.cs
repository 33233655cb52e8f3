namespace Consultation.Dashboard.Charts;

/// <summary>One bar: its label, its value on the chart's scale, the text written beside it, a class for its colour.</summary>
public sealed record Bar(string Label, double Value, string Text, string CssClass = "bar", bool Highlight = false);

/// <summary>A vertical reference line across a bar chart (a threshold, the measured GICn).</summary>
public sealed record Marker(double Value, string Label);

/// <summary>One point of a timeline: the meeting close, the value (null: nothing measured) and the text under it.</summary>
public sealed record TimelinePoint(string Label, double? Value, string Text);

/// <summary>Positions of a chart's values in SVG user units (invariant culture).</summary>
public static class Svg
{
    public static string N(double value) => value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
