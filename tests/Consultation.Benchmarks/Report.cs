using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Consultation.Benchmarks;

/// <summary>
/// Results as they come: rows of the table (scenario, case, figures) and a JSON document written after every scenario,
/// so a run that breaks off still leaves what it measured.
/// </summary>
public sealed class Report(string path, JsonObject facts)
{
    private readonly List<(string Scenario, string Case, string Figures)> _rows = [];
    private readonly JsonArray _results = [];

    public void Add(string scenario, string @case, string figures, object data)
    {
        _rows.Add((scenario, @case, figures));
        var node = JsonSerializer.SerializeToNode(data, WriteTargets.Json)!.AsObject();
        node.Insert(0, "case", @case);
        node.Insert(0, "scenario", scenario);
        _results.Add(node);
        Log.Line($"  {scenario} | {@case} | {figures}");
        Save();
    }

    public void Save()
    {
        var document = new JsonObject { ["machine"] = facts.DeepClone(), ["results"] = _results.DeepClone() };
        File.WriteAllText(path, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | case | result |");
        text.AppendLine("|---|---|---|");
        foreach (var (scenario, @case, figures) in _rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {scenario} | {@case} | {figures} |");
        }

        return text.ToString();
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    public static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Mb(long bytes) => (bytes / 1048576.0).ToString(bytes < 10 * 1048576 ? "0.0" : "0", CultureInfo.InvariantCulture) + " MB";
}
