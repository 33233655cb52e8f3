using System.Globalization;
using System.Text.Json;
using Consultation.Audit.Replaying;
using Consultation.Convergence.Measuring;
using Consultation.Convergence.Summaries;
using Consultation.Infrastructure.Commands;
using Microsoft.Extensions.Options;

namespace Consultation.Audit.Cli;

/// <summary>
/// <c>audit replay --process P (--as-of T | --as-of-sequence N) [--json]</c>: the convergence of a process as the record
/// stood at a recorded moment, from the same Mediator query as <c>GET /processes/{p}/convergence</c> (holdouts from the
/// issue query behind <c>GET …/issues/{i}/convergence</c>). <c>--json</c> prints that endpoint's body.
/// </summary>
public static class AuditReplayCli
{
    private const int MaxHoldoutsShown = 8;

    public static async Task<int> RunAsync(AuditCliContext context)
    {
        var input = context.Input;
        if (input.ProcessFlag is not { Length: > 0 } process)
        {
            return await UsageAsync(context, "--process is required: the key of the process to replay.");
        }

        if ((input.AsOfFlag is { Length: > 0 }) == (input.AsOfSequenceFlag is not null))
        {
            return await UsageAsync(context, "Give one of --as-of (a recorded time, ISO 8601) or --as-of-sequence (a global event sequence).");
        }

        await using var scope = context.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var asOf = input.AsOfFlag;
        if (input.AsOfSequenceFlag is { } sequence)
        {
            if (sequence < 1)
            {
                return await UsageAsync(context, "--as-of-sequence must be a global event sequence number, 1 or more.");
            }

            switch (await SequenceMoments.ResolveAsync(scope.ServiceProvider.GetRequiredService<IDocumentStore>(), sequence, CancellationToken.None))
            {
                case SequenceMoment.Exact exact:
                    asOf = AsOfSequenceMiddleware.Format(exact.AsOf);
                    break;
                case SequenceMoment.BeyondHead beyond:
                    return await UsageAsync(context, $"--as-of-sequence: no event {sequence} has been recorded; the record ends at sequence {beyond.Head}.");
                case SequenceMoment.Inseparable inseparable:
                    return await UsageAsync(
                        context,
                        $"--as-of-sequence: events {string.Join(", ", inseparable.Conflicting)} were recorded at the same moment as events up to {sequence}, "
                        + "so no recorded moment holds exactly the events up to it. " + AsOfSequenceMiddleware.Nearest(inseparable).Replace("asOfSequence=", "--as-of-sequence ", StringComparison.Ordinal));
            }
        }

        ProcessConvergence.Answer answer;
        var holdouts = new Dictionary<string, IReadOnlyList<NamedPosition>>(StringComparer.Ordinal);
        try
        {
            answer = await mediator.Send(new ProcessConvergence.Query(process, asOf));
            if (!input.JsonFlag)
            {
                foreach (var issue in answer.Issues)
                {
                    holdouts[issue.Issue] = (await mediator.Send(new IssueConvergence.Query(process, issue.Issue, asOf, null))).Measure.Holdouts;
                }
            }
        }
        catch (ValidationException invalid)
        {
            return await UsageAsync(context, string.Join(Environment.NewLine, invalid.Errors.Select(e => $"{Flag(e.PropertyName)}: {e.ErrorMessage}")));
        }
        catch (StreamNotFound notFound)
        {
            return await UsageAsync(context, notFound.Message);
        }

        if (input.JsonFlag)
        {
            var json = scope.ServiceProvider.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(answer, json));
            return CommandExitCodes.Ok;
        }

        await WriteTableAsync(context.Out, answer, holdouts, input.AsOfSequenceFlag);
        return CommandExitCodes.Ok;
    }

    private static async Task WriteTableAsync(TextWriter output, ProcessConvergence.Answer answer, Dictionary<string, IReadOnlyList<NamedPosition>> holdouts, long? sequence)
    {
        var moment = answer.AsOf is { } at ? AsOfSequenceMiddleware.Format(at) : "now";
        await output.WriteLineAsync($"Convergence of '{answer.Process}' as of {moment}{(sequence is { } n ? $" (after event {n})" : string.Empty)}, "
            + $"reflecting events up to sequence {answer.Freshness.ReflectsSequence}; thresholds: {(answer.ThresholdsAreDefault ? "defaults" : "set for the process")}");
        await output.WriteLineAsync();
        await WriteRowsAsync(
            output,
            ["ISSUE", "LEVEL", "GICN", "WEAKEST GROUP (P)", "POSITIONS", "HOLDOUTS"],
            answer.Issues.Select(i => new[]
            {
                i.Issue,
                i.Level.ToString(),
                Number(i.Gicn),
                i.WeakestGroup is { } w ? $"{w.Group} ({Number(w.P)})" : "-",
                i.Positions.ToString(CultureInfo.InvariantCulture),
                holdouts.TryGetValue(i.Issue, out var h) ? Names(h) : "-",
            }));
        await output.WriteLineAsync();
        if (answer.Areas.Count == 0)
        {
            await output.WriteLineAsync("No areas of convergence identified by then.");
            return;
        }

        await WriteRowsAsync(
            output,
            ["AREA", "STATUS", "EVIDENCE", "DECIDED BY", "SUPPORTING", "CONTRADICTING", "CLAIM"],
            answer.Areas.Select(a => new[]
            {
                a.Area,
                a.Status.ToString(),
                a.EvidenceLevel.ToString(),
                a.DecidedBy ?? "-",
                a.SupportingCount.ToString(CultureInfo.InvariantCulture),
                a.ContradictingCount.ToString(CultureInfo.InvariantCulture),
                a.Claim.Disagrees ? "DISAGREES: " + a.Claim.Reason : "consistent",
            }));
    }

    private static async Task WriteRowsAsync(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = header.Select((_, c) => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
        {
            await output.WriteLineAsync(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static string Names(IReadOnlyList<NamedPosition> holdouts) => holdouts.Count switch
    {
        0 => "-",
        <= MaxHoldoutsShown => string.Join(' ', holdouts.Select(x => x.Stakeholder)),
        _ => string.Join(' ', holdouts.Take(MaxHoldoutsShown).Select(x => x.Stakeholder)) + $" (+{holdouts.Count - MaxHoldoutsShown} more; --json or the issue's convergence lists all)",
    };

    private static string Number(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string Flag(string property) => property switch
    {
        "AsOf" => "--as-of",
        "Process" => "--process",
        _ => property,
    };

    private static async Task<int> UsageAsync(AuditCliContext context, string message)
    {
        await context.Error.WriteLineAsync(message);
        return CommandExitCodes.Usage;
    }
}
