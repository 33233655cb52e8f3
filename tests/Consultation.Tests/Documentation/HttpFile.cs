using System.Text;
using System.Text.RegularExpressions;

namespace Consultation.Tests.Documentation;

/// <summary>One request of an .http file, as written (variables not yet substituted).</summary>
public sealed record HttpFileRequest(string Title, string? Name, string Method, string Url, IReadOnlyList<(string Name, string Value)> Headers, string? Body, int Line);

/// <summary>
/// Reads the subset of the .http format that <c>src/Consultation.Api/Consultation.Api.http</c> documents in its header:
/// <c>@name = value</c> variables, <c>###</c> between requests, <c># @name x</c>, <c>#</c> and <c>//</c> comments, a request
/// line, headers, a blank line, a body; <c>{{variable}}</c> and <c>{{x.response.headers.Name}}</c> substituted at send time.
/// </summary>
public sealed partial class HttpFile
{
    private HttpFile(IReadOnlyDictionary<string, string> variables, IReadOnlyList<HttpFileRequest> requests)
    {
        Variables = variables;
        Requests = requests;
    }

    public IReadOnlyDictionary<string, string> Variables { get; }

    public IReadOnlyList<HttpFileRequest> Requests { get; }

    public static HttpFile Parse(string text)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var requests = new List<HttpFileRequest>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? title = null;
        var titleLine = 0;
        var block = new List<(string Text, int Line)>();

        void Flush()
        {
            if (title is not null)
            {
                requests.Add(ParseRequest(title, titleLine, block));
            }

            block.Clear();
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("###", StringComparison.Ordinal))
            {
                Flush();
                title = line[3..].Trim();
                titleLine = i + 1;
                continue;
            }

            if (title is null)
            {
                var variable = VariableDefinition().Match(line);
                if (variable.Success)
                {
                    variables[variable.Groups[1].Value] = variable.Groups[2].Value.Trim();
                }

                continue;
            }

            block.Add((line, i + 1));
        }

        Flush();
        return new HttpFile(variables, requests);
    }

    private static HttpFileRequest ParseRequest(string title, int titleLine, List<(string Text, int Line)> block)
    {
        string? name = null;
        var index = 0;
        for (; index < block.Count; index++)
        {
            var text = block[index].Text.Trim();
            var named = RequestName().Match(text);
            if (named.Success)
            {
                name = named.Groups[1].Value;
            }
            else if (text.Length > 0 && !text.StartsWith('#') && !text.StartsWith("//", StringComparison.Ordinal))
            {
                break;
            }
        }

        if (index == block.Count)
        {
            throw new FormatException($"The request '{title}' (line {titleLine}) has no request line.");
        }

        var requestLine = block[index].Text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (requestLine.Length is < 2 or > 3)
        {
            throw new FormatException($"Line {block[index].Line}: expected 'METHOD URL', found '{block[index].Text}'.");
        }

        var headers = new List<(string, string)>();
        for (index++; index < block.Count && block[index].Text.Trim().Length > 0; index++)
        {
            var header = block[index].Text;
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new FormatException($"Line {block[index].Line}: expected 'Header: value', found '{header}'.");
            }

            headers.Add((header[..colon].Trim(), header[(colon + 1)..].Trim()));
        }

        var body = string.Join('\n', block.Skip(index).Select(l => l.Text)
            .Where(l => !l.TrimStart().StartsWith('#') && !l.TrimStart().StartsWith("//", StringComparison.Ordinal))).Trim();
        return new HttpFileRequest(title, name, requestLine[0], requestLine[1], headers, body.Length == 0 ? null : body, titleLine);
    }

    /// <summary>Substitutes <c>{{variable}}</c> and <c>{{name.response.headers.Header}}</c>; an unknown reference is an error, never sent as written.</summary>
    public static string Substitute(string text, IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, HttpResponseMessage> named) =>
        Reference().Replace(text, match =>
        {
            var reference = match.Groups[1].Value.Trim();
            if (variables.TryGetValue(reference, out var value))
            {
                return value;
            }

            var parts = reference.Split('.');
            if (parts is [var request, "response", "headers", var header] && named.TryGetValue(request, out var response))
            {
                if (response.Headers.TryGetValues(header, out var values) || response.Content.Headers.TryGetValues(header, out values))
                {
                    return string.Join(", ", values);
                }

                throw new InvalidOperationException($"The answer to '{request}' has no header '{header}'.");
            }

            throw new InvalidOperationException($"'{{{{{reference}}}}}' names no variable and no earlier named request's header.");
        });

    /// <summary>Builds the message to send, with every reference substituted.</summary>
    public static HttpRequestMessage ToMessage(HttpFileRequest request, IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, HttpResponseMessage> named)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), Substitute(request.Url, variables, named));
        string? contentType = null;
        foreach (var (name, value) in request.Headers)
        {
            var substituted = Substitute(value, variables, named);
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = substituted;
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, substituted);
            }
        }

        if (request.Body is not null)
        {
            message.Content = new StringContent(Substitute(request.Body, variables, named), Encoding.UTF8);
            message.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType ?? "application/json; charset=utf-8");
        }

        return message;
    }

    [GeneratedRegex(@"^@([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$")]
    private static partial Regex VariableDefinition();

    [GeneratedRegex(@"^(?:#|//)\s*@name\s+([A-Za-z_][A-Za-z0-9_]*)\s*$")]
    private static partial Regex RequestName();

    [GeneratedRegex(@"\{\{([^{}]+)\}\}")]
    private static partial Regex Reference();
}
