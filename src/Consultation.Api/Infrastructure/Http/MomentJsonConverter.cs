using System.Text.Json;
using System.Text.Json.Serialization;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// Moments in bodies: an ISO 8601 date-time with its offset (<c>2026-03-01T14:30:00+02:00</c>, <c>…Z</c>). One without an
/// offset is refused rather than read in the server's time zone. Written as the serializer always wrote them.
/// </summary>
public sealed class MomentJsonConverter : JsonConverter<DateTimeOffset>
{
    public const string Expectation = "a date-time with offset (YYYY-MM-DDThh:mm:ss±hh:mm, or Z for UTC)";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw RefusedJsonValue.NotA(Expectation, ref reader);
        }

        var text = reader.GetString()!;
        return IsoDates.HasOffset(text) && reader.TryGetDateTimeOffset(out var moment) ? moment : throw RefusedJsonValue.NotA(Expectation, text);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
