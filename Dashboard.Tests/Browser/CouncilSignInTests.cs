using System.Text.RegularExpressions;
using Dashboard.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// Signing in through the council's identity provider, against a real OpenID Connect provider on loopback:
/// the provider vouches for an address, the dashboard decides who that is and what they may do.
/// </summary>
public sealed class CouncilSignInTests(CouncilProviderApp fixture) : IClassFixture<CouncilProviderApp>
{
    [Fact]
    public async Task A_known_person_signs_in_through_the_provider_and_lands_on_the_page_they_asked_for()
    {
        var page = await fixture.AnonymousPageAsync();
        await page.GotoAsync("/admin");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?returnUrl=%2Fadmin$", RegexOptions.IgnoreCase));

        // The provider gives the address in its own letter case; the dashboard has it in lower case.
        await CouncilProviderApp.SignInAtProviderAsync(page, EmptyCouncilApp.AdminEmail.ToUpperInvariant());

        await Assertions.Expect(page).ToHaveURLAsync($"{fixture.Council.App.BaseUrl}/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Administration" })).ToBeVisibleAsync();
        Assert.Contains($"{EmptyCouncilApp.AdminEmail} signed in through the council's identity provider", fixture.Council.App.Output, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Roles_come_from_the_dashboard_not_from_the_provider()
    {
        var page = await fixture.AnonymousPageAsync();
        await page.GotoAsync("/admin");

        // The loopback provider also claims the role "Administrator" for everyone it vouches for.
        await CouncilProviderApp.SignInAtProviderAsync(page, CouncilProviderApp.BoardMemberEmail);

        await Assertions.Expect(page.GetByText("You do not have access to this page.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(CouncilProviderApp.BoardMemberName)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToHaveCountAsync(0);

        await AppWithBrowser.OpenAsync(page, "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Board dashboard" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("preferred_username")]
    [InlineData("upn")]
    public async Task Without_an_email_claim_the_sign_in_name_is_matched(string claim)
    {
        var page = await fixture.AnonymousPageAsync();
        await page.GotoAsync("/sign-in?returnUrl=%2Frisks");

        await CouncilProviderApp.SignInAtProviderAsync(page, CouncilProviderApp.BoardMemberEmail, claim);

        await Assertions.Expect(page).ToHaveURLAsync($"{fixture.Council.App.BaseUrl}/risks");
        await Assertions.Expect(page.GetByText(CouncilProviderApp.BoardMemberName)).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_address_is_refused_with_a_page_saying_what_happened_and_whom_to_ask()
    {
        var page = await fixture.AnonymousPageAsync();
        await page.GotoAsync("/sign-in?returnUrl=%2Frisks");

        await CouncilProviderApp.SignInAtProviderAsync(page, "stranger@worcestershire.example");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are not signed in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#refusal-reason")).ToHaveTextAsync("Nobody with this email address has been added to the dashboard.");
        await Assertions.Expect(page.Locator("#provider-email")).ToHaveTextAsync("stranger@worcestershire.example");
        await Assertions.Expect(page.Locator("#whom-to-ask")).ToContainTextAsync("administrators (the policy and performance team) to add you");
        Assert.Contains("refused for stranger@worcestershire.example: UnknownEmail", fixture.Council.App.Output, StringComparison.Ordinal);

        AssertNoSeriousViolations(await page.RunAxe(), "the refusal page");

        // Not signed in: the dashboard still sends them to sign in, and the way back keeps where they were going.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?returnUrl=%2Frisks$", RegexOptions.IgnoreCase));
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?returnUrl=", RegexOptions.IgnoreCase));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(CouncilProviderApp.DeactivatedEmail, "The dashboard account with this email address has been switched off by an administrator.")]
    [InlineData(CouncilProviderApp.DemoAccountEmail, "This email address belongs to a demonstration account, and demonstration accounts are switched off on this server.")]
    [InlineData(CouncilProviderApp.NoAccountEmail, "This email address belongs to " + CouncilProviderApp.NoAccountName + " on the dashboard, but they have not been given a dashboard account yet.")]
    public async Task A_person_who_may_not_sign_in_is_refused(string address, string reason)
    {
        var page = await fixture.AnonymousPageAsync();
        await page.GotoAsync("/sign-in");

        await CouncilProviderApp.SignInAtProviderAsync(page, address);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are not signed in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#refusal-reason")).ToHaveTextAsync(reason);
        await Assertions.Expect(page.Locator("#provider-email")).ToHaveTextAsync(address);
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?returnUrl=", RegexOptions.IgnoreCase));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_person_deactivated_after_their_first_sign_in_is_refused_the_next_time()
    {
        const string email = "pat.lee@bromsgrove.example";
        await using (var services = TestDatabase.IdentityServices(fixture.Council.Database.Database))
        await using (var scope = services.CreateAsyncScope())
        {
            await AddAccountAsync(scope, "Pat Lee", email);
        }

        var first = await fixture.AnonymousPageAsync();
        await first.GotoAsync("/sign-in");
        await CouncilProviderApp.SignInAtProviderAsync(first, email);
        await Assertions.Expect(first.GetByText("Pat Lee")).ToBeVisibleAsync();
        await first.Context.CloseAsync();

        await using (var db = await fixture.Council.Database.OpenAsync())
        {
            var person = await db.People.SingleAsync(p => p.Email == email, TestContext.Current.CancellationToken);
            person.DeactivatedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var second = await fixture.AnonymousPageAsync();
        await second.GotoAsync("/sign-in");
        await CouncilProviderApp.SignInAtProviderAsync(second, email);
        await Assertions.Expect(second.Locator("#refusal-reason")).ToHaveTextAsync("The dashboard account with this email address has been switched off by an administrator.");
        await second.Context.CloseAsync();
    }

    [Fact]
    public async Task A_provider_that_gives_no_address_is_refused()
    {
        var page = await fixture.AnonymousPageAsync();
        await page.GotoAsync("/sign-in");

        await CouncilProviderApp.SignInAtProviderAsync(page, CouncilProviderApp.BoardMemberEmail, "none");

        await Assertions.Expect(page.Locator("#refusal-reason")).ToContainTextAsync("did not tell the dashboard your email address");
        await Assertions.Expect(page.Locator("#provider-email")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#whom-to-ask")).ToContainTextAsync("IT service desk");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("Cancel", "Signing in at your council's sign-in service was cancelled")]
    [InlineData("Answer with an error", "Your council's sign-in service reported a problem")]
    public async Task Cancelling_or_an_error_at_the_provider_is_explained(string button, string reason)
    {
        var page = await fixture.AnonymousPageAsync();
        await page.GotoAsync("/sign-in?returnUrl=%2Fperformance");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your council account" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are not signed in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#refusal-reason")).ToContainTextAsync(reason);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?returnUrl=%2Fperformance$", RegexOptions.IgnoreCase));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_provider_that_cannot_be_reached_is_explained_and_passwords_still_work()
    {
        // Nothing listens on this port: the provider is down, or the server cannot reach it.
        await using var app = await EmptyCouncilApp.StartAsync(new Dictionary<string, string>
        {
            ["Authentication__OpenIdConnect__Authority"] = $"http://127.0.0.1:{AppProcess.FreePort()}/",
            ["Authentication__OpenIdConnect__ClientId"] = LoopbackIdentityProvider.ClientId,
            ["Authentication__OpenIdConnect__ClientSecret"] = LoopbackIdentityProvider.ClientSecret,
        });
        var page = await (await app.Browser.NewContextAsync(new() { BaseURL = app.App.BaseUrl })).NewPageAsync();
        await page.GotoAsync("/sign-in?returnUrl=%2Fadmin");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your council account" }).ClickAsync();

        await Assertions.Expect(page.Locator("#refusal-reason")).ToHaveTextAsync("The dashboard could not reach your council's sign-in service.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to sign in" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?returnUrl=%2Fadmin$", RegexOptions.IgnoreCase));
        await page.GetByLabel("Email address").FillAsync(EmptyCouncilApp.AdminEmail);
        await page.GetByLabel("Password").FillAsync(EmptyCouncilApp.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync($"{app.App.BaseUrl}/admin");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_finish_page_opened_again_signs_nobody_in()
    {
        var page = await fixture.AnonymousPageAsync();
        await page.GotoAsync("/sign-in/council/finish?returnUrl=%2Fadmin");

        await Assertions.Expect(page.Locator("#refusal-reason")).ToContainTextAsync("There is no sign-in to finish");
        await page.GotoAsync("/admin");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?returnUrl=%2Fadmin$", RegexOptions.IgnoreCase));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_not_followed()
    {
        var page = await fixture.AnonymousPageAsync();
        await page.GotoAsync("/sign-in?returnUrl=%2F%2Fevil.example%2Fsteal");

        await CouncilProviderApp.SignInAtProviderAsync(page, CouncilProviderApp.BoardMemberEmail);

        await Assertions.Expect(page).ToHaveURLAsync($"{fixture.Council.App.BaseUrl}/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Board dashboard" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Password_sign_in_still_works_beside_the_provider()
    {
        var page = await fixture.AnonymousPageAsync();
        await page.GotoAsync("/sign-in");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in with your council account" })).ToBeVisibleAsync();
        AssertNoSeriousViolations(await page.RunAxe(), "/sign-in with the council's provider on");

        await AppWithBrowser.SignInAsync(page, EmptyCouncilApp.AdminEmail, EmptyCouncilApp.AdminPassword);
        await AppWithBrowser.OpenAsync(page, "/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Administration" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    private static async Task AddAccountAsync(IServiceScope scope, string name, string email)
    {
        var db = scope.ServiceProvider.GetRequiredService<Dashboard.Data.DashboardDbContext>();
        var person = new Dashboard.Domain.Organisation.Person { Name = name, Email = email };
        db.People.Add(person);
        await db.SaveChangesAsync();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Dashboard.Auth.ApplicationUser>>();
        var user = new Dashboard.Auth.ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, PersonId = person.Id };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Dashboard.Domain.Organisation.Roles.BoardMember)).Succeeded);
    }

    private static void AssertNoSeriousViolations(Deque.AxeCore.Commons.AxeResult result, string where)
    {
        Assert.NotEmpty(result.Passes);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe found on {where}:\n" + string.Join("\n", serious.Select(v =>
            $"- [{v.Impact}] {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }
}
