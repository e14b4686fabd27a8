using Dashboard.Auth;
using Dashboard.Domain.Organisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.Support;

/// <summary>
/// A council's first day with single sign-on: the app on an empty database (demo off, a bootstrap administrator)
/// signing in through a real OpenID Connect provider on loopback, with a few people added straight to the
/// database the way the administrators would have added them. None of them has a password.
/// </summary>
public sealed class CouncilProviderApp : IAsyncLifetime
{
    public const string BoardMemberEmail = "sam.patel@redditch.example";
    public const string BoardMemberName = "Cllr Sam Patel";
    public const string DeactivatedEmail = "former.manager@bromsgrove.example";
    public const string DemoAccountEmail = "demo.visitor@bromsgroveandredditch.example";
    public const string NoAccountEmail = "no.account@redditch.example";
    public const string NoAccountName = "Robin Ashby";

    private LoopbackIdentityProvider? provider;
    private EmptyCouncilApp? council;

    public LoopbackIdentityProvider Provider => provider ?? throw new InvalidOperationException("Not started.");

    public EmptyCouncilApp Council => council ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Support.Browser.ChromiumPath))
        {
            return;
        }

        provider = await LoopbackIdentityProvider.StartAsync();
        var settings = provider.AppSettings;
        settings["Logging__LogLevel__Dashboard.Auth.CouncilSignIn"] = "Information";
        council = await EmptyCouncilApp.StartAsync(settings);
        provider.RegisterRedirectUri($"{council.App.BaseUrl}{CouncilIdentityProviderExtensions.CallbackPath}");

        await using var services = TestDatabase.IdentityServices(council.Database.Database);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await AddPersonAsync(scope, users, BoardMemberName, BoardMemberEmail, Roles.BoardMember);
        await AddPersonAsync(scope, users, "Jo Former", DeactivatedEmail, Roles.ServiceManager, deactivated: true);
        await AddPersonAsync(scope, users, "Demo Visitor", DemoAccountEmail, Roles.BoardMember, demoAccount: true);
        await AddPersonAsync(scope, users, NoAccountName, NoAccountEmail, role: null);
    }

    private static async Task AddPersonAsync(IServiceScope scope, UserManager<ApplicationUser> users, string name, string email, string? role, bool deactivated = false, bool demoAccount = false)
    {
        var db = scope.ServiceProvider.GetRequiredService<Dashboard.Data.DashboardDbContext>();
        var person = new Person { Name = name, Email = email, DeactivatedAt = deactivated ? DateTimeOffset.UtcNow : null };
        db.People.Add(person);
        await db.SaveChangesAsync();
        if (role is null)
        {
            return;
        }

        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, PersonId = person.Id, IsDemoAccount = demoAccount };
        AssertSucceeded(await users.CreateAsync(user));
        AssertSucceeded(await users.AddToRoleAsync(user, role));
    }

    private static void AssertSucceeded(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));

    /// <summary>A fresh browser context (its own cookies) on a page of the app, not signed in.</summary>
    public async Task<IPage> AnonymousPageAsync()
    {
        Support.Browser.RequireChromium();
        var context = await Council.Browser.NewContextAsync(new() { BaseURL = Council.App.BaseUrl });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// From the dashboard's sign-in page: the council button, then the provider's own login form, where the
    /// provider is told which address to vouch for and in which claim.
    /// </summary>
    public static async Task SignInAtProviderAsync(IPage page, string address, string claim = "email")
    {
        await page.GetByRole(AriaRole.Button, new() { Name = CouncilIdentityProviderOptions.DefaultDisplayName }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Loopback council identity provider" })).ToBeVisibleAsync();
        await page.GetByLabel("Address to vouch for").FillAsync(address);
        await page.GetByLabel("Give the address as").SelectOptionAsync(claim);
        await page.GetByRole(AriaRole.Button, new() { Name = "Vouch for this address" }).ClickAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (council is not null)
        {
            await council.DisposeAsync();
        }

        if (provider is not null)
        {
            await provider.DisposeAsync();
        }
    }
}
