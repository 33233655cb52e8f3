using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Consultation.Infrastructure.Http;

/// <summary>
/// Dates in bodies: <c>YYYY-MM-DD</c>, or a date-time with its offset standing for the date at that offset
/// (<see cref="IsoDates.TryParseDayOf"/>), within the record's span (<see cref="IsoDates.Earliest"/>–<see cref="IsoDates.Latest"/>).
/// Written back as <c>YYYY-MM-DD</c>.
/// </summary>
public sealed class RecordDateJsonConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw RefusedJsonValue.NotA(IsoDates.Expectation, ref reader);
        }

        var text = reader.GetString()!;
        if (!IsoDates.TryParseDayOf(text, out var date))
        {
            throw RefusedJsonValue.NotA(
                IsoDates.LacksOffset(text) ? $"{IsoDates.Expectation}: {IsoDates.OffsetHint}" : IsoDates.Expectation,
                text);
        }

        return IsoDates.IsWithinRecord(date) ? date : throw new RefusedJsonValue(IsoDates.SpanRule);
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(IsoDates.Format, CultureInfo.InvariantCulture));
}
