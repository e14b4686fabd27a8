using Dashboard.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Dashboard.Auth;

public static class CouncilIdentityProviderExtensions
{
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;

    /// <summary>Where the provider sends the browser back; register https://&lt;site&gt;/signin-oidc with the provider.</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>The sign-in page's button posts here to go to the provider.</summary>
    public const string StartPath = "/sign-in/council";

    /// <summary>Where the browser lands after the provider: signed in and sent on, or told why not.</summary>
    public const string FinishPath = "/sign-in/council/finish";

    private const string ReturnUrlItem = "returnUrl";

    /// <summary>
    /// Sign-in through the council's identity provider (OpenID Connect, authorization code flow with PKCE), when
    /// Authentication:OpenIdConnect:Authority is set. The provider only vouches for an email address; the dashboard
    /// decides who that is and what they may do (<see cref="CouncilSignIn"/>).
    /// </summary>
    public static WebApplicationBuilder AddCouncilIdentityProvider(this WebApplicationBuilder builder)
    {
        var provider = builder.Configuration.Bind<CouncilIdentityProviderOptions>(CouncilIdentityProviderOptions.Section).Validate();
        builder.Services.AddSingleton(provider);
        builder.Services.AddScoped<CouncilSignIn>();
        if (!provider.Enabled)
        {
            return builder;
        }

        builder.Services.AddAuthentication().AddOpenIdConnect(Scheme, provider.DisplayName, o =>
        {
            o.Authority = provider.Authority!.ToString();
            o.ClientId = provider.ClientId;
            o.ClientSecret = provider.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");
            o.RequireHttpsMetadata = !provider.Authority.IsLoopback;
            o.CallbackPath = CallbackPath;

            // The provider's word goes into the short-lived external cookie only; CouncilSignIn turns it into the
            // ordinary dashboard cookie, so nothing the provider says (roles included) reaches the session.
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.Events = new OpenIdConnectEvents
            {
                OnAccessDenied = context =>
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILogger<CouncilSignIn>>()
                        .LogInformation("Sign-in through the council's identity provider was cancelled or refused at the provider");
                    context.Response.Redirect(FailureUrl(CouncilSignInRefusal.Cancelled, ReturnUrlOf(context.Properties)));
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
                OnRemoteFailure = context =>
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILogger<CouncilSignIn>>()
                        .LogWarning(context.Failure, "Sign-in through the council's identity provider failed: {Reason}", context.Failure?.Message);
                    context.Response.Redirect(FailureUrl(CouncilSignInRefusal.ProviderError, ReturnUrlOf(context.Properties)));
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
            };
        });
        return builder;
    }

    /// <summary>The button's endpoint: a POST with the antiforgery token, so no other site can start a sign-in.</summary>
    public static WebApplication MapCouncilIdentityProvider(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<CouncilIdentityProvider>().Enabled)
        {
            return app;
        }

        app.MapPost(StartPath, async (HttpContext http, [FromForm] string? returnUrl, ILogger<CouncilSignIn> logger) =>
        {
            var safeReturnUrl = SignInPage.SafeReturnUrl(returnUrl);
            var properties = new AuthenticationProperties { RedirectUri = $"{FinishPath}?returnUrl={Uri.EscapeDataString(safeReturnUrl)}" };
            properties.Items[ReturnUrlItem] = safeReturnUrl;
            try
            {
                await http.ChallengeAsync(Scheme, properties);
                return Results.Empty;
            }
            catch (InvalidOperationException e)
            {
                // Thrown when the provider's metadata cannot be read (the provider is down, or unreachable from the server).
                logger.LogError(e, "The council's identity provider could not be reached: {Reason}", e.Message);
                return Results.LocalRedirect(FailureUrl(CouncilSignInRefusal.ProviderUnreachable, safeReturnUrl));
            }
        }).AllowAnonymous();
        return app;
    }

    private static string? ReturnUrlOf(AuthenticationProperties? properties) =>
        properties is not null && properties.Items.TryGetValue(ReturnUrlItem, out var returnUrl) ? returnUrl : null;

    private static string FailureUrl(CouncilSignInRefusal refusal, string? returnUrl) =>
        $"{FinishPath}?failure={CouncilSignInRules.FailureCode(refusal)}&returnUrl={Uri.EscapeDataString(SignInPage.SafeReturnUrl(returnUrl))}";
}
