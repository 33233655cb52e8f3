using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Consultation.Audit.Integrity;

/// <summary>
/// One row of <c>mt_events</c> as stored, in the form the hash chain covers. <see cref="Headers"/> and
/// <see cref="Data"/> are PostgreSQL's own text rendering of the jsonb columns (<c>headers::text</c>,
/// <c>data::text</c>), which is already normalised (key order, spacing), so an auditor can recompute the
/// bytes with nothing but SQL and a SHA-256 tool.
/// </summary>
public sealed record ChainedEvent(
    long Sequence,
    string StreamKey,
    long Version,
    string Type,
    DateTime Timestamp,
    string? UserName,
    string? CorrelationId,
    string? CausationId,
    string? Headers,
    string Data)
{
    /// <summary>
    /// The canonical bytes: each field as a netstring (<c>{byte length}:{UTF-8 bytes},</c>) in this order:
    /// seq_id, stream_id, version, type, timestamp (UTC, <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>), user_name,
    /// correlation_id, causation_id, headers::text, data::text. Numbers in decimal; a null is the empty string.
    /// </summary>
    public byte[] CanonicalBytes()
    {
        var text = new StringBuilder(Data.Length + 256);
        foreach (var field in new[]
                 {
                     Sequence.ToString(CultureInfo.InvariantCulture),
                     StreamKey,
                     Version.ToString(CultureInfo.InvariantCulture),
                     Type,
                     FormatTimestamp(Timestamp),
                     UserName ?? string.Empty,
                     CorrelationId ?? string.Empty,
                     CausationId ?? string.Empty,
                     Headers ?? string.Empty,
                     Data,
                 })
        {
            text.Append(Encoding.UTF8.GetByteCount(field).ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append(',');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static string FormatTimestamp(DateTime timestamp) =>
        DateTime.SpecifyKind(timestamp, DateTimeKind.Utc).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}

/// <summary>The chain's arithmetic: link(n) = SHA-256(link(n-1) || canonical bytes of event n), from 32 zero bytes.</summary>
public static class ChainLink
{
    public const string Algorithm = "sha256";

    public static readonly byte[] Genesis = new byte[32];

    public static byte[] Next(byte[] previous, ChainedEvent e)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previous);
        hash.AppendData(e.CanonicalBytes());
        return hash.GetHashAndReset();
    }

    public static string ToHex(byte[] link) => Convert.ToHexStringLower(link);

    public static byte[] FromHex(string hex) => Convert.FromHexString(hex);

    public static bool IsHash(string? value) =>
        value is { Length: 64 } && value.All(char.IsAsciiHexDigit);
}
