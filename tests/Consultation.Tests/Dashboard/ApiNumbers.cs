using System.Globalization;

namespace Consultation.Tests.Dashboard;

/// <summary>The API's JSON, read the way the pages print it (GICn to three decimals, shares as percentages).</summary>
public static class ApiNumbers
{
    public static async Task<JsonElement> GetJsonAsync(this HttpClient api, string url)
    {
        var response = await api.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static string AsOf(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));

    public static string Gicn(this JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? "—" : value.GetDouble().ToString("0.000", CultureInfo.InvariantCulture);

    public static string Share(this JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? "—" : (value.GetDouble() * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public static string Text(this JsonElement value) => value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString() ?? string.Empty;
}
