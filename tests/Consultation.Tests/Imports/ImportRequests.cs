using System.Net.Http.Headers;
using MiniExcelLibs;

namespace Consultation.Tests.Imports;

/// <summary>Sending a spreadsheet to <c>POST /processes/{p}/imports</c> as a client does, and building workbooks with MiniExcel.</summary>
public static class ImportRequests
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Url(string process, bool dryRun) => $"/processes/{process}/imports?dryRun={(dryRun ? "true" : "false")}";

    public static Task<HttpResponseMessage> SendFileAsync(this HttpClient client, string url, byte[] file, string contentType, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(file) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    /// <summary>A workbook of the sheets given, in order: each a list of rows, a row's keys its columns (the first row's make the header).</summary>
    public static byte[] Workbook(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static Dictionary<string, object> Row(params (string Column, object? Value)[] cells) => cells.ToDictionary(c => c.Column, c => c.Value!);
}
