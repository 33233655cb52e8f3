using System.Globalization;

namespace Consultation.Infrastructure.EventStore;

/// <summary>Stream versions travel as strong ETags: <c>"3"</c>.</summary>
public static class ETags
{
    public static string For(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Parses an If-Match value: one strong entity tag as this service writes it, <c>"3"</c>. A weak tag (<c>W/"3"</c>)
    /// is not one, since If-Match compares strongly (RFC 9110 §13.1.1), nor is an unquoted <c>3</c>.
    /// </summary>
    public static bool TryParseVersion(string? header, out long version)
    {
        version = 0;
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var value = header.Trim();
        return value is ['"', .. var digits, '"']
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;
    }
}
