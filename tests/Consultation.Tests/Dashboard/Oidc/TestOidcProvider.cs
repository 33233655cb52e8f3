using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Consultation.Tests.Dashboard.Oidc;

/// <summary>The one user the test provider signs in: whoever asks is this user (no login form).</summary>
public sealed record ProviderUser(string Subject, string Name, string[] Roles, string[] Processes);

/// <summary>
/// A minimal but real OpenID Connect provider for the tests, on a loopback Kestrel port: discovery, a JWKS with its RSA
/// key, and the code flow of <see cref="TestOidcProtocol"/>. Tokens are RS256 JWTs carrying the claims an API token
/// carries (<c>sub</c>, <c>name</c>, <c>role</c>, <c>process</c>). Test-only: it signs in <see cref="User"/> without asking.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private WebApplication? _app;

    private TestOidcProvider(ProviderUser user, string clientId, string clientSecret, string apiAudience)
    {
        User = user;
        ClientId = clientId;
        ClientSecret = clientSecret;
        ApiAudience = apiAudience;
        Key = new RsaSecurityKey(_rsa) { KeyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) };
        Protocol = new TestOidcProtocol(this);
    }

    public ProviderUser User { get; }

    public string ClientId { get; }

    public string ClientSecret { get; }

    public string ApiAudience { get; }

    public RsaSecurityKey Key { get; }

    public TestOidcProtocol Protocol { get; }

    /// <summary>The provider's address, also its issuer (<c>http://127.0.0.1:port</c>, no trailing slash).</summary>
    public string Issuer { get; private set; } = string.Empty;

    /// <summary>The only redirect URI the client may use (the relying party's callback), set once its host has started.</summary>
    public string? RedirectUri { get; set; }

    public static async Task<TestOidcProvider> StartAsync(ProviderUser user, string clientId = "consultation-pages", string clientSecret = "test-client-secret", string apiAudience = "consultation-api")
    {
        var provider = new TestOidcProvider(user, clientId, clientSecret, apiAudience);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", provider.Discovery);
        app.MapGet("/jwks", provider.Jwks);
        provider.Protocol.Map(app);
        await app.StartAsync();
        provider._app = app;
        provider.Issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return provider;
    }

    /// <summary>A JWT signed with this provider's key. <paramref name="issuer"/> other than <see cref="Issuer"/> forges one.</summary>
    public string Sign(string audience, IDictionary<string, object> claims, string? issuer = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>An access token for the API, as <see cref="TestOidcProtocol"/> issues at its token endpoint.</summary>
    public string AccessToken(string? issuer = null) => Sign(ApiAudience, UserClaims(), issuer);

    public Dictionary<string, object> UserClaims() => new()
    {
        ["sub"] = User.Subject,
        ["name"] = User.Name,
        ["role"] = User.Roles,
        ["process"] = User.Processes,
    };

    private IResult Discovery() => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = $"{Issuer}/authorize",
        ["token_endpoint"] = $"{Issuer}/token",
        ["userinfo_endpoint"] = $"{Issuer}/userinfo",
        ["jwks_uri"] = $"{Issuer}/jwks",
        ["response_types_supported"] = new[] { "code" },
        ["response_modes_supported"] = new[] { "query", "form_post" },
        ["subject_types_supported"] = new[] { "public" },
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
        ["scopes_supported"] = new[] { "openid", "profile" },
    });

    private IResult Jwks()
    {
        var key = _rsa.ExportParameters(includePrivateParameters: false);
        return Results.Json(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = Key.KeyId, n = Base64UrlEncoder.Encode(key.Modulus), e = Base64UrlEncoder.Encode(key.Exponent) },
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _rsa.Dispose();
    }
}
