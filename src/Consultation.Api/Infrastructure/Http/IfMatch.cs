using Consultation.Infrastructure.Errors;

namespace Consultation.Infrastructure.Http;

public static class IfMatch
{
    /// <summary>The version the client read, from If-Match; updates without one are refused (428).</summary>
    public static long RequiredVersion(HttpContext http, string what)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new VersionRequired(what);
        }

        return ETags.TryParseVersion(header, out var version)
            ? version
            : throw new FluentValidation.ValidationException(
                [new FluentValidation.Results.ValidationFailure("If-Match", $"'If-Match' must be the strong ETag you read, e.g. \"3\" (a weak W/ tag never matches); got '{Truncate(header)}'.")]);
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
