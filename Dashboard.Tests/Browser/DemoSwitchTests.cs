using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>Demo accounts exist only while the demo is on; without it the first administrator comes from configuration.</summary>
public sealed class DemoSwitchTests
{
    [Fact]
    public async Task With_the_demo_off_demo_accounts_are_refused_and_the_bootstrap_administrator_signs_in()
    {
        Support.Browser.RequireChromium();
        await using var database = await TestDatabase.CreateSeededAsync();
        await using var app = await AppProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["Demo__Enabled"] = "false",
            ["Bootstrap__AdminEmail"] = "it.admin@bromsgrove.example",
            ["Bootstrap__AdminPassword"] = "Long-enough-2011",
        }, TestContext.Current.CancellationToken);
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new() { BaseURL = app.BaseUrl });
            await page.GotoAsync("/sign-in");
            await page.GetByLabel("Email address").FillAsync(DemoAccounts.BoardMember.Email);
            await page.GetByLabel("Password").FillAsync(DemoAccounts.BoardMember.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Demo accounts are switched off on this server.");

            await AppWithBrowser.SignInAsync(page, "it.admin@bromsgrove.example", "Long-enough-2011");
            await page.GotoAsync("/admin");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Administration" })).ToBeVisibleAsync();
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task A_bootstrap_password_the_policy_refuses_stops_start_up_naming_the_setting()
    {
        await using var database = await TestDatabase.CreateEmptyAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AppProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["Demo__Enabled"] = "false",
            ["Bootstrap__AdminEmail"] = "it.admin@bromsgrove.example",
            ["Bootstrap__AdminPassword"] = "short",
        }, TestContext.Current.CancellationToken));

        Assert.Contains("Dashboard cannot start: Setting Bootstrap:AdminPassword is not accepted", error.Message, StringComparison.Ordinal);
        await using var db = await database.OpenAsync();
        Assert.Empty(db.People);
    }
}
