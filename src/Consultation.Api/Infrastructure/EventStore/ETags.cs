using System.Globalization;

namespace Consultation.Infrastructure.EventStore;

/// <summary>Stream versions travel as strong ETags: <c>"3"</c>.</summary>
public static class ETags
{
    public static string For(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Parses an If-Match value such as <c>"3"</c>, <c>W/"3"</c> or <c>3</c>.</summary>
    public static bool TryParseVersion(string? header, out long version)
    {
        version = 0;
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var value = header.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        value = value.Trim('"');
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;
    }
}
