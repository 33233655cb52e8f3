using System.Text.Json;
using System.Text.Json.Serialization;

namespace Consultation.Audit.Integrity;

/// <summary>The command line prints the same JSON as the HTTP endpoints (camelCase, enums as names).</summary>
public static class IntegrityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };
}
