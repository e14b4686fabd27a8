using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Dashboard.Tests.Support;

/// <summary>
/// A real OpenID Connect provider (OpenIddict's server) on a loopback port, standing in for a council's
/// Microsoft Entra ID: discovery, signed identity tokens, the authorization code flow with PKCE required, one
/// registered client (the dashboard) with a secret and a redirect URI. Its login page is a form where the test
/// types the address the provider should vouch for, and can cancel or make the provider answer with an error.
/// </summary>
public sealed class LoopbackIdentityProvider : IAsyncDisposable
{
    public const string ClientId = "shared-services-dashboard";
    public const string ClientSecret = "loopback-provider-client-secret";

    /// <summary>The login form's choices of claim for the address; "none" vouches for someone without an address.</summary>
    public static readonly IReadOnlyList<string> AddressClaims = [Claims.Email, Claims.PreferredUsername, "upn", "none"];

    private readonly WebApplication app;
    private readonly List<string> log = [];
    private volatile string? redirectUri;

    private LoopbackIdentityProvider(WebApplication app, Uri authority)
    {
        this.app = app;
        Authority = authority;
    }

    /// <summary>The issuer, e.g. http://127.0.0.1:5123/.</summary>
    public Uri Authority { get; }

    /// <summary>The settings (as environment variables) that point the dashboard at this provider.</summary>
    public Dictionary<string, string> AppSettings => new Dictionary<string, string>
    {
        ["Authentication__OpenIdConnect__Authority"] = Authority.ToString(),
        ["Authentication__OpenIdConnect__ClientId"] = ClientId,
        ["Authentication__OpenIdConnect__ClientSecret"] = ClientSecret,
    };

    /// <summary>What the provider refused or failed, for a test's failure message.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return string.Join('\n', log);
            }
        }
    }

    /// <summary>Registers the dashboard's callback (its own address is known only once it has a port).</summary>
    public void RegisterRedirectUri(string uri) => redirectUri = uri;

    public static async Task<LoopbackIdentityProvider> StartAsync()
    {
        var port = AppProcess.FreePort();
        var authority = new Uri($"http://127.0.0.1:{port}/");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        // Not the dashboard's appsettings.json, which sits beside the test binaries.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(authority.ToString().TrimEnd('/'));

        LoopbackIdentityProvider? provider = null;
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            // Degraded mode: no database of clients and tokens; the one client is checked by the handlers below.
            options.EnableDegradedMode();
            options.SetIssuer(authority);
            options.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
            options.RegisterClaims(Claims.Email, Claims.PreferredUsername, "upn", Claims.Name);
            options.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
            options.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();

            options.AddEventHandler<ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                {
                    provider!.Note($"authorization refused: unknown client '{context.ClientId}'");
                    context.Reject(Errors.InvalidClient, "This client is not registered with the loopback provider.");
                }
                else if (context.RedirectUri is null || context.RedirectUri != provider!.redirectUri)
                {
                    provider!.Note($"authorization refused: redirect URI '{context.RedirectUri}' is not '{provider.redirectUri}'");
                    context.Reject(Errors.InvalidRequest, "The redirect_uri is not the one registered for this client.");
                }

                return default;
            }));
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    provider!.Note($"token request refused: client '{context.ClientId}' with a wrong or missing secret");
                    context.Reject(Errors.InvalidClient, "The client credentials are not right.");
                }

                return default;
            }));
        });

        var app = builder.Build();
        provider = new LoopbackIdentityProvider(app, authority);
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Func<HttpContext, Task<IResult>>)provider.AuthorizeAsync);
        await app.StartAsync();
        return provider;
    }

    private void Note(string line)
    {
        lock (log)
        {
            log.Add(line);
        }
    }

    private async Task<IResult> AuthorizeAsync(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return Results.Content(LoginForm(request), "text/html; charset=utf-8");
        }

        var form = await http.Request.ReadFormAsync();
        switch (form["login_action"].ToString())
        {
            case "cancel":
                // As when someone presses Cancel at Entra ID: the client gets error=access_denied.
                return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            case "fail":
                return Results.Forbid(
                    new AuthenticationProperties(new Dictionary<string, string?>
                    {
                        [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.TemporarilyUnavailable,
                        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The loopback provider was asked to fail.",
                    }),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var address = form["login_email"].ToString().Trim();
        var claim = form["login_claim"].ToString();
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, $"loopback-{Convert.ToHexString(Encoding.UTF8.GetBytes(address.ToUpperInvariant()))}");
        identity.SetClaim(Claims.Name, "A council employee");
        if (claim != "none" && address.Length > 0)
        {
            identity.SetClaim(claim, address);
        }

        // A provider's own idea of roles, which the dashboard must ignore: roles are held in the dashboard.
        identity.SetClaim(Claims.Role, "Administrator");
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static string LoginForm(OpenIddictRequest request)
    {
        var html = HtmlEncoder.Default;
        var hidden = new StringBuilder();
        foreach (var (name, value) in request.GetParameters())
        {
            hidden.Append($"<input type=\"hidden\" name=\"{html.Encode(name)}\" value=\"{html.Encode(value.ToString() ?? "")}\">");
        }

        var options = string.Concat(AddressClaims.Select(c => $"<option value=\"{c}\">{c}</option>"));
        return $"""
            <!DOCTYPE html>
            <html lang="en-GB"><head><meta charset="utf-8"><title>Loopback council identity provider</title></head>
            <body><main>
            <h1>Loopback council identity provider</h1>
            <form method="post" action="/connect/authorize">
            {hidden}
            <label for="login_email">Address to vouch for</label> <input id="login_email" name="login_email" type="text">
            <label for="login_claim">Give the address as</label> <select id="login_claim" name="login_claim">{options}</select>
            <button type="submit" name="login_action" value="vouch">Vouch for this address</button>
            <button type="submit" name="login_action" value="cancel">Cancel</button>
            <button type="submit" name="login_action" value="fail">Answer with an error</button>
            </form>
            </main></body></html>
            """;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
