using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Consultation.Infrastructure.Http;

/// <summary>Dates in bodies: ISO 8601 <c>YYYY-MM-DD</c> as before, and within the record's span (<see cref="IsoDates.Earliest"/>–<see cref="IsoDates.Latest"/>).</summary>
public sealed class RecordDateJsonConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String
            || !DateOnly.TryParseExact(reader.GetString(), IsoDates.Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            // The framework's message for a value that is not a date, with its path.
            throw new JsonException();
        }

        return IsoDates.IsWithinRecord(date) ? date : throw new RefusedJsonValue(IsoDates.SpanRule);
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(IsoDates.Format, CultureInfo.InvariantCulture));
}
