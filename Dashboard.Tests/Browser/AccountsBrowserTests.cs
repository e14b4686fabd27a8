using Dashboard.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// People and accounts on a council's empty database, through the browser alone: invitations read from the
/// emails the app wrote, one-time links, deactivation reaching an open session, and the password pages.
/// </summary>
public sealed class AccountsBrowserTests
{
    private const string ManagerEmail = "morgan.lee@redditch.example";
    private const string ManagerPassword = "Shared-ICT-2026!";

    private static async Task<IPage> AnonymousPageAsync(EmptyCouncilApp council)
    {
        var context = await council.Browser.NewContextAsync(new() { BaseURL = council.App.BaseUrl });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task An_invited_manager_sets_a_password_signs_in_and_is_signed_out_of_an_open_page_when_deactivated()
    {
        await using var council = await EmptyCouncilApp.StartAsync(new Dictionary<string, string> { ["Authentication__RevalidationInterval"] = "00:00:02" });
        var admin = await council.AdministratorPageAsync();

        // The administrator adds the person, gives them a role and invites them.
        await AppWithBrowser.OpenAsync(admin, "/admin/people");
        await Assertions.Expect(admin.GetByText("it.admin@bromsgrove.example").First).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Add a person" })).ToBeVisibleAsync();
        await AppWithBrowser.OpenAsync(admin, "/admin/people/new");
        await admin.GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync("Morgan Lee");
        await admin.GetByLabel("Job title").FillAsync("Head of Shared ICT");
        await admin.GetByLabel("Email address").FillAsync(ManagerEmail);
        await Assertions.Expect(admin.GetByRole(AriaRole.Textbox, new() { Name = "Name" })).ToHaveValueAsync("Morgan Lee");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add person" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Morgan Lee", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("#account-state")).ToContainTextAsync("No sign-in account");

        await admin.GetByLabel("Service manager").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();
        await Assertions.Expect(admin.GetByText("Roles saved for Morgan Lee.")).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Invite to sign in" }).ClickAsync();
        await Assertions.Expect(admin.GetByText($"Invitation sent to {ManagerEmail}.")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("#account-state")).ToContainTextAsync("they have not signed in yet");

        // The manager follows the emailed link, chooses a password and signs in.
        var invitation = Assert.Single(await council.EmailsToAsync(ManagerEmail));
        var link = SetUpSteps.LinkIn(invitation);
        Assert.StartsWith(council.App.BaseUrl, link, StringComparison.Ordinal);
        var manager = await AnonymousPageAsync(council);
        await manager.GotoAsync(link);
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Choose your password" })).ToBeVisibleAsync();
        await SetUpSteps.SetPasswordAsync(manager, link, ManagerPassword);
        await AppWithBrowser.SignInAsync(manager, ManagerEmail, ManagerPassword);
        await AppWithBrowser.OpenAsync(manager, "/");
        await Assertions.Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Board dashboard" })).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByText("Morgan Lee").First).ToBeVisibleAsync();

        // The same link a second time is refused, with a way to ask for a new one.
        var again = await AnonymousPageAsync(council);
        await again.GotoAsync(link);
        await Assertions.Expect(again.GetByRole(AriaRole.Heading, new() { Name = "This link can no longer be used" })).ToBeVisibleAsync();
        await Assertions.Expect(again.GetByRole(AriaRole.Link, new() { Name = "Ask for a new link" })).ToBeVisibleAsync();

        // The administrator's page shows the manager as active once they have signed in.
        await admin.ReloadAsync();
        await AppWithBrowser.WaitUntilInteractiveAsync(admin);
        await Assertions.Expect(admin.Locator("#account-state")).ToContainTextAsync("Active: last signed in");

        // Deactivated: downloads are refused at once, the open page is signed out, and signing in again is refused.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Deactivate Morgan Lee" }).ClickAsync();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#deactivated-notice")).ToBeVisibleAsync();

        // The cookie is checked once it is older than the revalidation interval (2 s here); until then it stands.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        IAPIResponse download;
        while ((download = await manager.Context.APIRequest.GetAsync("/performance/figures.csv", new() { MaxRedirects = 0 })).Status == 200)
        {
            Assert.True(DateTime.UtcNow < deadline, "A deactivated person could still download the figures.");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        Assert.Equal(302, download.Status);
        Assert.Contains("/sign-in", download.Headers["location"], StringComparison.Ordinal);

        await manager.WaitForURLAsync(url => url.Contains("/sign-in", StringComparison.Ordinal), new() { Timeout = 30_000 });
        await manager.GetByLabel("Email address").FillAsync(ManagerEmail);
        await manager.GetByLabel("Password").FillAsync(ManagerPassword);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your account has been deactivated");
        Assert.Contains("/sign-in", manager.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forgot_password_says_the_same_for_unknown_and_known_addresses_and_only_a_known_one_gets_a_link()
    {
        await using var council = await EmptyCouncilApp.StartAsync();
        var page = await AnonymousPageAsync(council);

        async Task<string> AskAsync(string address)
        {
            await page.GotoAsync("/sign-in");
            await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
            await page.GetByLabel("Email address").FillAsync(address);
            await page.GetByRole(AriaRole.Button, new() { Name = "Email me a link" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();
            return (await page.Locator("main").InnerTextAsync()).Replace(address, "<address>", StringComparison.Ordinal);
        }

        var unknown = await AskAsync("nobody@redditch.example");
        var known = await AskAsync(EmptyCouncilApp.AdminEmail);

        Assert.Equal(unknown, known);
        var reset = Assert.Single(await council.EmailsToAsync(EmptyCouncilApp.AdminEmail));
        Assert.Contains("asked to set a new password", reset.TextBody, StringComparison.Ordinal);
        Assert.Empty(await council.EmailsToAsync("nobody@redditch.example"));

        await SetUpSteps.SetPasswordAsync(page, SetUpSteps.LinkIn(reset), "Second-day-admin-2026");
        await AppWithBrowser.SignInAsync(page, EmptyCouncilApp.AdminEmail, "Second-day-admin-2026");
        await AppWithBrowser.OpenAsync(page, "/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Administration" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_signed_in_user_changes_their_password_from_the_account_menu_and_stays_signed_in()
    {
        await using var council = await EmptyCouncilApp.StartAsync();
        var page = await council.AdministratorPageAsync();
        await AppWithBrowser.OpenAsync(page, "/");

        await page.GetByRole(AriaRole.Button, new() { Name = $"{EmptyCouncilApp.AdminEmail}: account menu" }).ClickAsync();
        var menuItem = page.GetByRole(AriaRole.Menuitem, new() { Name = "Change my password" });
        await Assertions.Expect(menuItem).ToBeVisibleAsync();
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
        await menuItem.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change my password" })).ToBeVisibleAsync();
        await page.GetByLabel("Current password").FillAsync("not-my-password");
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Changed-admin-2026");
        await page.GetByLabel("Type the new password again").FillAsync("Changed-admin-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Your current password is not right.");

        await page.GetByLabel("Current password").FillAsync(EmptyCouncilApp.AdminPassword);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Changed-admin-2026");
        await page.GetByLabel("Type the new password again").FillAsync("Changed-admin-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password has been changed.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the dashboard" }).ClickAsync();
        await AppWithBrowser.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Board dashboard" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = $"{EmptyCouncilApp.AdminEmail}: account menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/sign-in", StringComparison.Ordinal));
        await AppWithBrowser.SignInAsync(page, EmptyCouncilApp.AdminEmail, "Changed-admin-2026");
        await AppWithBrowser.OpenAsync(page, "/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Administration" })).ToBeVisibleAsync();
    }
}
