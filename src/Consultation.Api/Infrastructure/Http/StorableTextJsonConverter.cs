using System.Text.Json;
using System.Text.Json.Serialization;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// Every string read from a JSON body (and every dictionary key) is checked as it is read, so text the record cannot store
/// is refused whatever the request type, nested or in lists, with the JSON path of the value.
/// </summary>
public sealed class StorableTextJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw RefusedJsonValue.NotA(JsonBodyErrors.Text, ref reader);
        }

        return Checked(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string Checked(string value) => StorableText.IsStorable(value) ? value : throw new RefusedJsonValue(StorableText.Rule);
}
