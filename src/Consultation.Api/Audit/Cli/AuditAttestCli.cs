using System.Text.Json;
using Consultation.Audit.Integrity;
using Consultation.Infrastructure.Commands;

namespace Consultation.Audit.Cli;

/// <summary><c>audit attest</c>: print the head of the hash chain (text or <c>--json</c>) to record outside the system.</summary>
public static class AuditAttestCli
{
    public static async Task<int> RunAsync(AuditCliContext context)
    {
        var attestation = await GetAttestation.ReadAsync(context.Services.GetRequiredService<IDocumentStore>(), CancellationToken.None);
        if (context.Input.JsonFlag)
        {
            await context.Out.WriteLineAsync(JsonSerializer.Serialize(attestation, CliJson.Options));
            return CommandExitCodes.Ok;
        }

        await context.Out.WriteLineAsync($"Chain head: sequence {attestation.Sequence}, {attestation.Algorithm} {attestation.Hash}");
        if (attestation.StreamKey is not null)
        {
            await context.Out.WriteLineAsync($"  event {attestation.StreamKey} v{attestation.Version}, recorded {Format(attestation.RecordedAt)}, chained {Format(attestation.ChainedAt)}");
        }

        await context.Out.WriteLineAsync($"  {attestation.Pending} events recorded after it, not chained yet");
        await context.Out.WriteLineAsync($"Record the sequence and hash outside the system; later: audit verify --head-sequence {attestation.Sequence} --head-hash {attestation.Hash}");
        return CommandExitCodes.Ok;
    }

    private static string Format(DateTimeOffset? at) => at is { } value ? ChainedEvent.FormatTimestamp(value.UtcDateTime) : "-";
}
