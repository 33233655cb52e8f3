using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.Tokens;

namespace Consultation.Tests.Dashboard.Oidc;

/// <summary>
/// The authorization code flow of <see cref="TestOidcProvider"/>: <c>/authorize</c> answers at once with a one-time code
/// for the provider's user (by redirect, or by the auto-submitted form of <c>response_mode=form_post</c>); <c>/token</c>
/// exchanges it — checking the client id and secret, the redirect URI and the PKCE verifier — for a signed id token (with
/// the nonce) and an access token for the API; <c>/userinfo</c> answers the user's claims for that access token. Refusals
/// are OAuth errors (400/401) and are counted in <see cref="Refusals"/>.
/// </summary>
public sealed class TestOidcProtocol(TestOidcProvider provider)
{
    private readonly ConcurrentDictionary<string, Grant> _codes = new();

    private sealed record Grant(string RedirectUri, string? Nonce, string? CodeChallenge);

    public int Authorizations => _authorizations;

    /// <summary>Codes exchanged with a PKCE verifier that matched the challenge (S256).</summary>
    public int ExchangesWithPkce => _exchangesWithPkce;

    public ConcurrentQueue<string> Refusals { get; } = new();

    /// <summary>The access tokens issued at the token endpoint, in order.</summary>
    public ConcurrentQueue<string> IssuedAccessTokens { get; } = new();

    private int _authorizations;
    private int _exchangesWithPkce;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/authorize", Authorize);
        app.MapPost("/token", TokenAsync);
        app.MapGet("/userinfo", UserInfo);
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != provider.ClientId || q["redirect_uri"] != provider.RedirectUri || q["response_type"] != "code"
            || !q["scope"].ToString().Split(' ').Contains("openid"))
        {
            return Refuse("invalid_request", $"authorize: client {q["client_id"]}, redirect {q["redirect_uri"]}, response type {q["response_type"]}, scope {q["scope"]}");
        }

        if (!string.IsNullOrEmpty(q["code_challenge"]) && q["code_challenge_method"] != "S256")
        {
            return Refuse("invalid_request", $"authorize: code challenge method {q["code_challenge_method"]}");
        }

        Interlocked.Increment(ref _authorizations);
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        _codes[code] = new Grant(provider.RedirectUri!, q["nonce"], q["code_challenge"]);
        var answer = new Dictionary<string, string?> { ["code"] = code, ["state"] = q["state"], ["iss"] = provider.Issuer };
        if (q["response_mode"] == "form_post")
        {
            // What providers answer for form_post: a page whose form posts the code back to the client at once.
            var fields = string.Concat(answer.Select(f => $"<input type=\"hidden\" name=\"{f.Key}\" value=\"{WebUtility.HtmlEncode(f.Value)}\" />"));
            return Results.Content(
                $"<!doctype html><html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"{WebUtility.HtmlEncode(provider.RedirectUri)}\">{fields}</form></body></html>",
                "text/html");
        }

        return Results.Redirect(provider.RedirectUri + "?" + string.Join('&', answer.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value ?? string.Empty)}")));
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var (clientId, secret) = ClientCredentials(request, form);
        if (clientId != provider.ClientId || secret != provider.ClientSecret)
        {
            return Refuse("invalid_client", $"token: client {clientId}", StatusCodes.Status401Unauthorized);
        }

        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant))
        {
            return Refuse("invalid_grant", $"token: grant type {form["grant_type"]}, unknown or used code");
        }

        if (form["redirect_uri"] != grant.RedirectUri)
        {
            return Refuse("invalid_grant", $"token: redirect {form["redirect_uri"]} is not {grant.RedirectUri}");
        }

        if (grant.CodeChallenge is not null)
        {
            var verifier = form["code_verifier"].ToString();
            if (verifier.Length == 0 || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.CodeChallenge)
            {
                return Refuse("invalid_grant", "token: the PKCE code verifier does not match the challenge");
            }

            Interlocked.Increment(ref _exchangesWithPkce);
        }

        var accessToken = provider.AccessToken();
        var idClaims = provider.UserClaims();
        idClaims["at_hash"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]);
        if (grant.Nonce is not null)
        {
            idClaims["nonce"] = grant.Nonce;
        }

        IssuedAccessTokens.Enqueue(accessToken);
        return Results.Json(new Dictionary<string, object>
        {
            ["access_token"] = accessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = 600,
            ["id_token"] = provider.Sign(provider.ClientId, idClaims),
        });
    }

    private IResult UserInfo(HttpRequest request) =>
        IssuedAccessTokens.Contains(request.Headers.Authorization.ToString().Replace("Bearer ", string.Empty, StringComparison.Ordinal))
            ? Results.Json(provider.UserClaims())
            : Refuse("invalid_token", "userinfo: unknown access token", StatusCodes.Status401Unauthorized);

    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : null);
        }

        return (form["client_id"], form["client_secret"]);
    }

    private IResult Refuse(string error, string why, int status = StatusCodes.Status400BadRequest)
    {
        Refusals.Enqueue(why);
        return Results.Json(new { error, error_description = why }, statusCode: status);
    }
}
