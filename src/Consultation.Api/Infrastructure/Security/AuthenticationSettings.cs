namespace Consultation.Infrastructure.Security;

/// <summary>
/// Section <c>Authentication</c>. In production, tokens come from an OpenID Connect provider
/// (<see cref="Authority"/>, <see cref="Audience"/>). For local use, tokens are signed with
/// <see cref="DevelopmentKey"/> (HMAC-SHA256) and issued by <c>dotnet run -- token</c>; that key is refused
/// outside the Development environment unless <see cref="AllowDevelopmentKey"/> is set explicitly.
/// </summary>
public sealed class AuthenticationSettings
{
    public const string Section = "Authentication";
    public const string DevelopmentIssuer = "consultation-tracker-development";
    public const string DefaultAudience = "consultation-api";
    public const int MinimumKeyBytes = 32;

    public string? Authority { get; set; }

    public string Audience { get; set; } = DefaultAudience;

    public string? DevelopmentKey { get; set; }

    public bool AllowDevelopmentKey { get; set; }

    /// <summary>Lifetime of the tokens the <c>token</c> command issues, when not given.</summary>
    public int DevelopmentTokenHours { get; set; } = 8;

    /// <summary>The pages' client at the OpenID Connect provider (sign-in with the authorization code flow and PKCE).</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>
    /// Whether the provider's metadata and keys must be fetched over HTTPS (the default). May be turned off only for a
    /// provider on this machine's loopback address (a test provider): see <see cref="Problem"/>.
    /// </summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How long a page sign-in lasts without use (sliding).</summary>
    public int PageSessionHours { get; set; } = 8;

    public bool UsesProvider => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>Pages sign in through the provider: an authority and a client id are configured.</summary>
    public bool UsesProviderSignIn => UsesProvider && !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>
    /// The development sign-in page (pick a name, roles and processes) is offered exactly where the development key is
    /// accepted: no provider, a key, and the Development environment or <see cref="AllowDevelopmentKey"/>.
    /// </summary>
    public bool AllowsDevelopmentSignIn(IHostEnvironment environment) =>
        !UsesProvider && !string.IsNullOrEmpty(DevelopmentKey) && (environment.IsDevelopment() || AllowDevelopmentKey);

    public static AuthenticationSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<AuthenticationSettings>() ?? new AuthenticationSettings();

    /// <summary>Why these settings cannot authenticate anyone in <paramref name="environment"/>, or null when they can.</summary>
    public string? Problem(IHostEnvironment environment)
    {
        if (UsesProvider)
        {
            if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority))
            {
                return $"'{Section}:Authority' must be an absolute URL; it is '{Authority}'.";
            }

            return RequireHttpsMetadata || authority.IsLoopback
                ? null
                : $"'{Section}:RequireHttpsMetadata' may be false only for a provider on the loopback address (a test provider); '{Authority}' is not.";
        }

        if (string.IsNullOrEmpty(DevelopmentKey))
        {
            return $"No way to authenticate: set '{Section}:Authority' (and '{Section}:Audience') for your OpenID Connect provider, "
                + $"or, for local use only, '{Section}:DevelopmentKey'.";
        }

        if (!environment.IsDevelopment() && !AllowDevelopmentKey)
        {
            return $"'{Section}:DevelopmentKey' is for local use and is refused in the '{environment.EnvironmentName}' environment: "
                + $"configure '{Section}:Authority', or set '{Section}:AllowDevelopmentKey' to true if you really mean it.";
        }

        return System.Text.Encoding.UTF8.GetByteCount(DevelopmentKey) < MinimumKeyBytes
            ? $"'{Section}:DevelopmentKey' must be at least {MinimumKeyBytes} bytes long."
            : null;
    }
}
