using Consultation.Infrastructure.Errors;

namespace Consultation.Infrastructure.Http;

public static class IfMatch
{
    /// <summary>The version the client read, from If-Match; updates without one are refused (428).</summary>
    public static long RequiredVersion(HttpContext http, string what) => OptionalVersion(http) ?? throw new VersionRequired(what);

    /// <summary>The version the client read, from If-Match, where it may be left out (a batch then checks the version it reads); null without one.</summary>
    public static long? OptionalVersion(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        return ETags.TryParseVersion(header, out var version)
            ? version
            : throw new FluentValidation.ValidationException(
                [new FluentValidation.Results.ValidationFailure("If-Match", $"'If-Match' must be the strong ETag you read, e.g. \"3\" (a weak W/ tag never matches); got '{Truncate(header)}'.")]);
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
