using Dashboard.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// axe-core on every page, signed in as each role: any serious or critical violation fails the build
/// (WCAG 2.2 AA, as the UK public-sector accessibility regulations require), and so does a page wider than the
/// window at 390, 768, 1280 or 1920 px.
/// </summary>
public sealed class AccessibilityTests(AppWithBrowser fixture) : IClassFixture<AppWithBrowser>
{
    /// <summary>Every page a role can open. Add new pages here.</summary>
    public static TheoryData<string, string> PagesByRole()
    {
        string[] everyone =
        [
            "/", "/risks", "/services", "/performance", "/reports", "/reports/board-pack", "/accessibility", "/risks/1",
            "/risks/registers/1/add", "/risks/registers/1/import", "/risks/issues/1", "/my-updates", "/reports/quarterly",
            "/performance/1", "/services/3", "/services/15", "/performance/import", "/savings",
        ];
        var data = new TheoryData<string, string>();
        foreach (var role in new[] { "Administrator", "Board member", "Service manager", "Report owner" })
        {
            foreach (var page in everyone)
            {
                data.Add(role, page);
            }
        }

        data.Add("Administrator", "/admin");
        data.Add("Administrator", "/admin/audit");
        data.Add("Administrator", "/admin/reminders");
        data.Add("Administrator", "/services/15/highlight-reports/new");
        data.Add("Administrator", "/performance/new");
        data.Add("Administrator", "/admin/meetings");
        data.Add("Administrator", "/services/3/benefits");
        data.Add("Service manager", "/services/3/benefits");
        data.Add("Board member", "/services/3/benefits");
        data.Add("Administrator", "/admin/services");
        data.Add("Administrator", "/admin/services/new");
        data.Add("Administrator", "/admin/services/3");
        data.Add("Administrator", "/admin/registers");
        data.Add("Administrator", "/admin/registers/new");
        data.Add("Administrator", "/admin/registers/1");
        data.Add("Administrator", "/admin/people");
        data.Add("Administrator", "/admin/people/new");
        data.Add("Administrator", "/admin/people/9");
        data.Add("Administrator", "/admin/people/import");
        data.Add("Administrator", "/admin/services/import");
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesByRole))]
    public async Task Page_has_no_serious_or_critical_violations(string role, string path)
    {
        var (email, password) = role switch
        {
            "Administrator" => DemoAccounts.Administrator,
            "Board member" => DemoAccounts.BoardMember,
            "Service manager" => DemoAccounts.ServiceManager,
            _ => DemoAccounts.ReportOwner,
        };
        var page = await fixture.PageSignedInAsAsync(email, password);
        await page.GotoAsync(path);
        await WaitUntilSettledAsync(page);
        Assert.DoesNotContain("/sign-in", page.Url, StringComparison.Ordinal);

        AssertNoSeriousViolations(await page.RunAxe(), $"{path} as {role}");
        var tooWide = await WidthsOverflowingAsync(page);
        await page.Context.CloseAsync();
        Assert.True(tooWide.Count == 0, $"{path} as {role} is {string.Join("; ", tooWide)}: a page must never scroll sideways.");
    }

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
    public async Task The_sign_in_page_has_no_serious_or_critical_violations()
    {
        Support.Browser.RequireChromium();
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");

        AssertNoSeriousViolations(await page.RunAxe(), "/sign-in");
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("/account/forgot-password")]
    [InlineData("/account/set-password?kind=invitation&user=nobody&code=used-or-expired")]
    public async Task The_password_pages_anyone_can_open_have_no_serious_or_critical_violations(string path)
    {
        Support.Browser.RequireChromium();
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        AssertNoSeriousViolations(await page.RunAxe(), path);
        await context.CloseAsync();
    }

    /// <summary>The page that explains a refused sign-in through the council's identity provider (see also CouncilSignInTests).</summary>
    [Theory]
    [InlineData("/sign-in/council/finish")]
    [InlineData("/sign-in/council/finish?failure=cancelled&returnUrl=%2Frisks")]
    public async Task The_council_sign_in_refusal_page_has_no_serious_or_critical_violations(string path)
    {
        Support.Browser.RequireChromium();
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are not signed in" })).ToBeVisibleAsync();

        AssertNoSeriousViolations(await page.RunAxe(), path);
        await context.CloseAsync();
    }

    [Fact]
    public async Task The_change_password_page_has_no_serious_or_critical_violations()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.ReportOwner.Email, DemoAccounts.ReportOwner.Password);
        await page.GotoAsync("/account/password");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Change my password" })).ToBeVisibleAsync();

        AssertNoSeriousViolations(await page.RunAxe(), "/account/password");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_dark_theme_keeps_contrast()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.BoardMember.Email, DemoAccounts.BoardMember.Password);
        await WaitUntilSettledAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use the dark theme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use the light theme" })).ToBeVisibleAsync();

        AssertNoSeriousViolations(await page.RunAxe(), "/ in the dark theme");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_quarterly_trend_charts_and_their_tables_have_no_serious_or_critical_violations()
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

        await WaitUntilSettledAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show as table: Trend in the summary figures: Both councils" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show as table: Trend in shared services by RAG status" }).ClickAsync();
        await Assertions.Expect(page.Locator("caption", new() { HasText = "Shared services by RAG status at each quarter's end" })).ToBeVisibleAsync();

        AssertNoSeriousViolations(await page.RunAxe(), "/reports/quarterly with the trend tables shown");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_savings_editor_and_the_meeting_move_form_have_no_serious_or_critical_violations()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.Administrator.Email, DemoAccounts.Administrator.Password);
        await AppWithBrowser.OpenAsync(page, "/savings");
        await WaitUntilSettledAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a savings line" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Add a savings line" })).ToBeVisibleAsync();
        AssertNoSeriousViolations(await page.RunAxe(), "/savings with the editor open");

        await AppWithBrowser.OpenAsync(page, "/admin/meetings");
        await WaitUntilSettledAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the meeting of 13 January 2011" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Move the meeting of 13 January 2011" })).ToBeVisibleAsync();
        AssertNoSeriousViolations(await page.RunAxe(), "/admin/meetings with the move form open");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_benefits_realisation_forms_have_no_serious_or_critical_violations()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.ServiceManager.Email, DemoAccounts.ServiceManager.Password);
        await page.GotoAsync("/services/3/benefits");
        await WaitUntilSettledAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an expected result" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a row of figures as printed" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an indicator from the catalogue" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("RBC YTD actual")).ToBeVisibleAsync();

        AssertNoSeriousViolations(await page.RunAxe(), "/services/3/benefits with its forms open");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The page at a phone's, a tablet's, a laptop's and a large screen's width: each width at which the document is
    /// wider than the window. Charts redraw a moment after a resize, so the page has a few seconds to settle.
    /// </summary>
    private static async Task<List<string>> WidthsOverflowingAsync(IPage page)
    {
        var tooWide = new List<string>();
        foreach (var width in (int[])[390, 768, 1280, 1920])
        {
            await page.SetViewportSizeAsync(width, 900);
            try
            {
                await page.WaitForFunctionAsync("w => document.documentElement.scrollWidth <= w", width, new() { Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
                tooWide.Add($"{await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide in a {width} px window");
            }
        }

        return tooWide;
    }

    /// <summary>Interactive pages render a progress bar first; axe should see the loaded page.</summary>
    private static async Task WaitUntilSettledAsync(IPage page)
    {
        // No wait for network idle: that costs half a second of silence per page, and interactive with no progress bar
        // left is the loaded page.
        await AppWithBrowser.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".mud-progress-linear")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }

    private static void AssertNoSeriousViolations(AxeResult result, string where)
    {
        Assert.NotEmpty(result.Passes);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe found on {where}:\n" + string.Join("\n", serious.Select(v =>
            $"- [{v.Impact}] {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")));
    }
}
