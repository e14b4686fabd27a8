using Dashboard.Data;
using Dashboard.Domain.Organisation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Dashboard.Auth;

public static class AuthExtensions
{
    public const string SignInPath = "/sign-in";

    /// <summary>Only administrators; used by admin pages and the Hangfire dashboard.</summary>
    public const string AdministratorsOnly = "AdministratorsOnly";

    /// <summary>Managers, report owners and administrators: anyone who may change something they own.</summary>
    public const string Editors = "Editors";

    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddScoped<CurrentUser>();

        // Keys in the database: a sign-in cookie issued by one app server is read by every other (and survives restarts).
        services.AddDataProtection()
            .SetApplicationName("SharedServicesDashboard")
            .PersistKeysToDbContext<DashboardDbContext>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = SignInPath;
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "Dashboard.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);

            // A signed-out (or otherwise revoked) cookie is refused at its next request; Identity's fuller check keeps its interval.
            var periodicCheck = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = context => SignedOutCookies.ValidatePrincipalAsync(context, periodicCheck);

            // Signing in on the sign-in page redirects to its ReturnUrl as given; one holding "é" cannot be a header.
            o.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(SignInPage.SafeReturnUrl(context.RedirectUri));
                return Task.CompletedTask;
            };
        });

        var settings = AccountSettings.Read(builder.Configuration);
        services.AddAccounts(settings);

        // Every request's cookie is checked against the account as often as open pages are (see RevalidatingIdentityStateProvider),
        // so a deactivated person's downloads are refused as soon as their pages end.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = settings.RevalidationInterval);

        // Every page and endpoint needs a signed-in user unless it says otherwise (only sign-in does).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdministratorsOnly, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Editors, p => p.RequireRole(Roles.Administrator, Roles.ServiceManager, Roles.ReportOwner));

        return builder;
    }

    /// <summary>
    /// The sign-in accounts: Identity over the dashboard's database, with the councils' password and lockout rules and
    /// the token providers behind emailed links, and the dashboard's own account services. Tests use it as the app does.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, AccountSettings settings)
    {
        services.AddSingleton(settings);
        services.AddScoped<AccountAccess>();
        services.AddScoped<UserManagers>();
        services.AddScoped<PasswordLinks>();
        services.AddScoped<ForgotPassword>();
        services.AddScoped<PasswordResetJob>();
        services.AddSingleton(DecoyPasswordHash.Create);
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = settings.PasswordResetLinkLifespan);
        services.Configure<InvitationTokenProviderOptions>(o =>
        {
            o.Name = InvitationTokenProvider.ProviderName;
            o.TokenLifespan = settings.InvitationLinkLifespan;
        });

        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.User.RequireUniqueEmail = true;

                // Sign-in names are email addresses: every address a person's details accept (o'brien@…) must work as one.
                o.User.AllowedUserNameCharacters += "!#$%&'*/=?^`{|}~";
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DashboardDbContext>()
            .AddSignInManager<DashboardSignInManager>()
            .AddClaimsPrincipalFactory<DashboardClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<InvitationTokenProvider>(InvitationTokenProvider.ProviderName);
        return services;
    }

    public static WebApplication MapSignOut(this WebApplication app)
    {
        app.MapPost("/sign-out", async (SignInManager<ApplicationUser> signIn, HttpContext http) =>
        {
            // Deleting the browser's cookie does not stop a copy of it (from a shared computer, a proxy log, malware):
            // a new security stamp makes every cookie issued before now fail at its next request (SignedOutCookies) —
            // which also signs the person out of their other browsers, as signing out of a council system should.
            if (await signIn.UserManager.GetUserAsync(http.User) is { } user)
            {
                await signIn.UserManager.UpdateSecurityStampAsync(user);
            }

            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect(SignInPath);
        });
        return app;
    }
}
