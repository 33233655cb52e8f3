using System.Globalization;
using System.Text.Json;
using Consultation.Audit.Integrity;
using Consultation.Infrastructure.Commands;

namespace Consultation.Audit.Cli;

/// <summary>
/// <c>audit verify</c>, chain part: recompute the hash chain from the events, report the first broken link, and check an
/// attested head (<c>--head-sequence</c>, <c>--head-hash</c>) if given. Progress goes to stderr; the result (text or <c>--json</c>) to stdout.
/// </summary>
public static class ChainVerifyCli
{
    public static async Task<int> RunAsync(AuditCliContext context)
    {
        var query = new VerifyChain.Query
        {
            HeadSequence = context.Input.HeadSequenceFlag?.ToString(CultureInfo.InvariantCulture),
            HeadHash = context.Input.HeadHashFlag,
        };
        var validation = await new VerifyChain.Validator().ValidateAsync(query);
        if (!validation.IsValid)
        {
            foreach (var error in validation.Errors)
            {
                await context.Error.WriteLineAsync(error.ErrorMessage.Replace("'Head Sequence'", "--head-sequence", StringComparison.Ordinal).Replace("'Head Hash'", "--head-hash", StringComparison.Ordinal));
            }

            return CommandExitCodes.Usage;
        }

        var store = context.Services.GetRequiredService<IDocumentStore>();
        var result = await ChainVerifier.VerifyAsync(
            store,
            query.Attested(),
            sequence => context.Error.WriteLine($"Hash chain: checked up to sequence {sequence.ToString(CultureInfo.InvariantCulture)}…"),
            CancellationToken.None);

        if (context.Input.JsonFlag)
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(result, CliJson.Options));
        }
        else
        {
            await WriteTextAsync(context.Out, result);
        }

        return result.Intact && result.KindsApart ? CommandExitCodes.Ok : CommandExitCodes.Mismatch;
    }

    private static async Task WriteTextAsync(TextWriter output, ChainVerification result)
    {
        var head = result.Head is null ? "nothing chained yet" : $"head at sequence {result.Head.Sequence} ({result.Head.Hash})";
        if (result.FirstBroken is { } broken)
        {
            await output.WriteLineAsync($"Hash chain: BROKEN at sequence {broken.Sequence} ({broken.StreamKey} v{broken.Version}): {broken.Kind}.");
            await output.WriteLineAsync($"  {broken.Description}");
            await output.WriteLineAsync($"  expected (stored link): {broken.ExpectedHash ?? "-"}");
            await output.WriteLineAsync($"  found (recomputed):     {broken.FoundHash ?? "-"}");
            await output.WriteLineAsync($"  {result.Checked} links verified before it; {head}.");
        }
        else
        {
            await output.WriteLineAsync($"Hash chain: intact. {result.Checked} links verified; {head}; {result.Pending} events pending (recorded, not chained yet).");
        }

        if (result.Attested is { } attested)
        {
            await output.WriteLineAsync($"Attested head {attested.Sequence}: {(attested.Matches ? "matches" : "DOES NOT MATCH")}. {attested.Description}");
        }

        foreach (var mixed in result.StreamsMixingKinds)
        {
            await output.WriteLineAsync(
                $"Stream '{mixed.StreamKey}' MIXES KINDS: it began with {mixed.BeganWith}, and holds {mixed.Intruder} at version {mixed.Version} (sequence {mixed.Sequence}).");
        }
    }
}
