using System.Globalization;

namespace Consultation.Infrastructure.EventStore;

/// <summary>Stream versions travel as strong ETags: <c>"3"</c>.</summary>
public static class ETags
{
    public static string For(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Parses an If-Match value such as <c>"3"</c> or <c>3</c>. A weak tag (<c>W/"3"</c>) is not one: If-Match compares
    /// strongly (RFC 9110 §13.1.1), and a weakened tag cannot promise the record is the one read.
    /// </summary>
    public static bool TryParseVersion(string? header, out long version)
    {
        version = 0;
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var value = header.Trim().Trim('"');
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;
    }
}
