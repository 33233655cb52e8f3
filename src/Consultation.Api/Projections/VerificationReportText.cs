using System.Globalization;

namespace Consultation.Projections;

/// <summary>The verification report for people: one line per projection, then the differences (the first <see cref="MaxPrinted"/>) and the verdict.</summary>
public static class VerificationReportText
{
    public const int MaxPrinted = 50;

    public static async Task WriteAsync(TextWriter output, VerificationReport report)
    {
        await output.WriteLineAsync(Invariant(
            $"Projections against a rebuild from the events up to sequence {report.HeadSequence} (scratch schema {report.ScratchSchema}, {(report.ScratchSchemaDropped ? "dropped" : "NOT dropped")})."));
        foreach (var check in report.Projections)
        {
            await output.WriteLineAsync(Invariant($"  {check.Name} ({check.Lifecycle.ToString().ToLowerInvariant()}): {Verdict(check)}"));
        }

        await output.WriteLineAsync(Invariant($"Documents compared: {report.DocumentsCompared}. Differences: {report.TotalDifferences}."));
        foreach (var difference in report.Differences.Take(MaxPrinted))
        {
            await WriteDifferenceAsync(output, difference);
        }

        if (report.TotalDifferences > MaxPrinted)
        {
            await output.WriteLineAsync(Invariant(
                $"  ... and {report.TotalDifferences - MaxPrinted} more (--json lists the first {Math.Min(report.TotalDifferences, VerificationReport.MaxDetailed)})."));
        }

        await output.WriteLineAsync(report.Identical
            ? "Result: the live projections match the events."
            : "Result: MISMATCH - the live projections do not match the events.");
    }

    private static string Verdict(ProjectionCheck check) => check.Outcome switch
    {
        ProjectionCheckOutcome.Identical => Invariant($"identical, {check.DocumentsCompared} documents"),
        ProjectionCheckOutcome.Different => Invariant($"{check.Differences} of {check.DocumentsCompared} documents differ"),
        ProjectionCheckOutcome.Behind => "behind, " + check.Note,
        _ => "FAILED, " + check.Note,
    };

    private static async Task WriteDifferenceAsync(TextWriter output, DocumentDifference difference)
    {
        var where = $"{difference.DocumentType} '{difference.Id}' ({difference.Projection})";
        switch (difference.Kind)
        {
            case DifferenceKind.MissingInLive:
                await output.WriteLineAsync($"  missing in live: {where}; rebuilt {difference.Rebuilt}");
                break;
            case DifferenceKind.ExtraInLive:
                await output.WriteLineAsync($"  extra in live: {where}; live {difference.Live}");
                break;
            default:
                await output.WriteLineAsync($"  different: {where}");
                foreach (var field in difference.Fields)
                {
                    await output.WriteLineAsync($"    {field.Path}: live {field.Live ?? "(absent)"}, rebuilt {field.Rebuilt ?? "(absent)"}");
                }

                break;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
