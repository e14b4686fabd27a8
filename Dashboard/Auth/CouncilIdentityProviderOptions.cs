using Dashboard.Hosting;

namespace Dashboard.Auth;

/// <summary>
/// The "Authentication:OpenIdConnect" settings: the council's own identity provider (Microsoft Entra ID for
/// most UK councils). Off while <see cref="Authority"/> is empty; local dashboard passwords work either way.
/// </summary>
public sealed class CouncilIdentityProviderOptions
{
    public const string Section = "Authentication:OpenIdConnect";

    public const string DefaultDisplayName = "Sign in with your council account";

    /// <summary>The provider's issuer, e.g. https://login.microsoftonline.com/&lt;tenant id&gt;/v2.0.</summary>
    public string? Authority { get; set; }

    /// <summary>The application (client) id the provider registered for the dashboard.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The words on the sign-in button.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Checks the settings, stopping start-up with one line naming a setting that cannot work.</summary>
    public CouncilIdentityProvider Validate()
    {
        if (string.IsNullOrWhiteSpace(Authority))
        {
            return CouncilIdentityProvider.Off;
        }

        var authority = Authority.Trim();
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new StartupException($"Setting {Section}:Authority '{authority}' is not a web address; give the provider's issuer, e.g. https://login.microsoftonline.com/<tenant id>/v2.0.");
        }

        // Tokens are signed with keys read from the provider's metadata: over plain http anyone on the network could swap them.
        if (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback)
        {
            throw new StartupException($"Setting {Section}:Authority '{authority}' must start with https:// (plain http is accepted only for a provider on this machine's loopback address).");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            throw new StartupException($"Setting {Section}:ClientId is empty; give the application (client) id the identity provider registered for the dashboard.");
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            throw new StartupException($"Setting {Section}:ClientSecret is empty; give the client secret the identity provider issued for the dashboard (best as the environment variable Authentication__OpenIdConnect__ClientSecret).");
        }

        var displayName = string.IsNullOrWhiteSpace(DisplayName) ? DefaultDisplayName : DisplayName.Trim();
        return new CouncilIdentityProvider(true, displayName, uri, ClientId.Trim(), ClientSecret.Trim());
    }
}

/// <summary>The council's identity provider as the app uses it: whether it is on, and the words on its button.</summary>
public sealed record CouncilIdentityProvider(bool Enabled, string DisplayName, Uri? Authority, string? ClientId, string? ClientSecret)
{
    public static CouncilIdentityProvider Off { get; } = new(false, CouncilIdentityProviderOptions.DefaultDisplayName, null, null, null);

    // The secret stays out of logs and exception messages that print records.
    public override string ToString() => Enabled ? $"{DisplayName} ({Authority}, client {ClientId})" : "Off";
}
