using Dashboard.Tests.Support;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// axe-core on the pages anyone can open, on forms opened inside pages, and the app bar and menu's focus rings; every
/// page as each role is checked by <see cref="PageChecks"/>.
/// </summary>
public sealed class AccessibilityTests(AppWithBrowser fixture) : IClassFixture<AppWithBrowser>
{
    [Fact]
    public async Task The_dark_theme_is_remembered_after_a_reload()
    {
        var page = await fixture.PageSignedInAsAsync(DemoAccounts.BoardMember.Email, DemoAccounts.BoardMember.Password);
        await AppWithBrowser.OpenAsync(page, "/risks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use the dark theme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use the light theme" })).ToBeVisibleAsync();

        await page.ReloadAsync();
        await AppWithBrowser.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use the light theme" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Use the light theme" }).ClickAsync();
        await page.ReloadAsync();
        await AppWithBrowser.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use the dark theme" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_sign_in_page_passes_axe()
    {
        Support.Browser.RequireChromium();
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");

        PageChecks.AssertNoFindings(await page.RunAxe(), "/sign-in");
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("/account/forgot-password")]
    [InlineData("/account/set-password?kind=invitation&user=nobody&code=used-or-expired")]
    public async Task The_password_pages_anyone_can_open_pass_axe(string path)
    {
        Support.Browser.RequireChromium();
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        PageChecks.AssertNoFindings(await page.RunAxe(), path);
        await context.CloseAsync();
    }

    /// <summary>The page that explains a refused sign-in through the council's identity provider (see also CouncilSignInTests).</summary>
    [Theory]
    [InlineData("/sign-in/council/finish")]
    [InlineData("/sign-in/council/finish?failure=cancelled&returnUrl=%2Frisks")]
    public async Task The_council_sign_in_refusal_page_passes_axe(string path)
    {
        Support.Browser.RequireChromium();
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are not signed in" })).ToBeVisibleAsync();

        PageChecks.AssertNoFindings(await page.RunAxe(), path);
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_change_password_page_passes_axe()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.ReportOwner.Email, DemoAccounts.ReportOwner.Password);
        await page.GotoAsync("/account/password");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change my password" })).ToBeVisibleAsync();

        PageChecks.AssertNoFindings(await page.RunAxe(), "/account/password");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_app_bar_and_the_menu_show_focus_in_both_themes()
    {
        var page = await fixture.PageSignedInAsAsync(DemoAccounts.Administrator.Email, DemoAccounts.Administrator.Password);
        await page.GotoAsync("/risks");
        await PageChecks.WaitUntilSettledAsync(page);
        var faint = await PageChecks.FaintFocusRingsAsync(page, startAt: null, stops: 20);

        await page.GetByRole(AriaRole.Button, new() { Name = "Use the dark theme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use the light theme" })).ToBeVisibleAsync();
        await page.ReloadAsync();
        await PageChecks.WaitUntilSettledAsync(page);
        faint.AddRange(await PageChecks.FaintFocusRingsAsync(page, startAt: null, stops: 20));

        await page.Context.CloseAsync();
        Assert.True(faint.Count == 0, string.Join("\n", faint));
    }

    [Fact]
    public async Task The_quarterly_trend_charts_and_their_tables_pass_axe()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.BoardMember.Email, DemoAccounts.BoardMember.Password);

        // The start-up rollup of Q2 2010/11 may still be running, and the trends appear only once a snapshot exists.
        var trends = page.GetByRole(AriaRole.Heading, new() { Name = "Trends" });
        var deadline = DateTime.UtcNow.AddSeconds(60);
        await AppWithBrowser.OpenAsync(page, "/reports/quarterly");
        while (!await trends.IsVisibleAsync())
        {
            Assert.True(DateTime.UtcNow < deadline, "The quarterly trends did not appear.");
            await Task.Delay(1000, TestContext.Current.CancellationToken);
            await AppWithBrowser.OpenAsync(page, "/reports/quarterly");
        }

        await PageChecks.WaitUntilSettledAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show as table: Trend in the summary figures: Both councils" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show as table: Trend in shared services by RAG status" }).ClickAsync();
        await Assertions.Expect(page.Locator("caption", new() { HasText = "Shared services by RAG status at each quarter's end" })).ToBeVisibleAsync();

        PageChecks.AssertNoFindings(await page.RunAxe(), "/reports/quarterly with the trend tables shown");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_savings_editor_and_the_meeting_move_form_pass_axe()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.Administrator.Email, DemoAccounts.Administrator.Password);
        await AppWithBrowser.OpenAsync(page, "/savings");
        await PageChecks.WaitUntilSettledAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a savings line" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a savings line" })).ToBeVisibleAsync();
        PageChecks.AssertNoFindings(await page.RunAxe(), "/savings with the editor open");

        await AppWithBrowser.OpenAsync(page, "/admin/meetings");
        await PageChecks.WaitUntilSettledAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the meeting of 13 January 2011" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Move the meeting of 13 January 2011" })).ToBeVisibleAsync();
        PageChecks.AssertNoFindings(await page.RunAxe(), "/admin/meetings with the move form open");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_benefits_realisation_forms_pass_axe()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.ServiceManager.Email, DemoAccounts.ServiceManager.Password);
        await page.GotoAsync("/services/3/benefits");
        await PageChecks.WaitUntilSettledAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an expected result" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a row of figures as printed" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an indicator from the catalogue" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("RBC YTD actual")).ToBeVisibleAsync();

        PageChecks.AssertNoFindings(await page.RunAxe(), "/services/3/benefits with its forms open");
        await page.Context.CloseAsync();
    }
}
