using System.Net.Http.Headers;
using System.Text;

namespace Consultation.Tests.Reliability.Hostile;

/// <summary>
/// One hostile request generated from the document: its class (what kind of hostility), the operation, and the request.
/// <see cref="MustRefuse"/>: the service must answer 4xx (writes with a hostile part, tokens that must not pass); otherwise
/// any answer below 500 is acceptable (a read may well find nothing for a strange filter).
/// </summary>
public sealed record DocumentHostileCase(string Class, DocumentedOperation Operation, string Detail, string Url, string? Body, string? ContentType, IReadOnlyList<(string Name, string Value)> Headers, string? Token, bool MustRefuse)
{
    /// <summary>The one status the answer must have, when the class decides it (401 for a token without a subject).</summary>
    public int? ExpectedStatus { get; init; }

    public HttpRequestMessage ToRequest(string defaultToken)
    {
        var request = new HttpRequestMessage(new HttpMethod(Operation.Method), Url);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType ?? "application/json");
        }

        var token = Token ?? defaultToken;
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    public override string ToString() => $"[{Class}] {Operation} {Url} ({Detail}){(Body is null ? string.Empty : " body: " + (Body.Length > 200 ? Body[..200] + "…" : Body))}";
}
