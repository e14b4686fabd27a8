using Dashboard.Tests.Support;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// Every page as each role, in the light theme and then the dark one: any axe finding fails it (WCAG 2.2 AA, as the UK
/// public-sector accessibility regulations require, colour contrast included), and so does a page wider than the window
/// at 390, 768, 1280 or 1920 px, or a keyboard focus ring under 3:1 against what it sits on. One class per role, so the
/// roles' pages are checked side by side.
/// </summary>
public abstract class PageChecks(AppWithBrowser fixture)
{
    /// <summary>Every page a role can open. Add new pages here.</summary>
    protected static TheoryData<string> PagesFor((string Email, string Password) account)
    {
        var data = new TheoryData<string>
        {
            "/", "/risks", "/services", "/performance", "/reports", "/reports/board-pack", "/accessibility", "/risks/1",
            "/risks/registers/1/add", "/risks/registers/1/import", "/risks/issues/1", "/my-updates", "/reports/quarterly",
            "/performance/1", "/services/3", "/services/15", "/performance/import", "/savings",
        };
        if (account == DemoAccounts.Administrator)
        {
            foreach (var path in (string[])[
                "/admin", "/admin/audit", "/admin/reminders", "/services/15/highlight-reports/new", "/performance/new",
                "/admin/meetings", "/services/3/benefits", "/admin/services", "/admin/services/new", "/admin/services/3",
                "/admin/registers", "/admin/registers/new", "/admin/registers/1", "/admin/people", "/admin/people/new",
                "/admin/people/9", "/admin/people/import", "/admin/services/import"])
            {
                data.Add(path);
            }
        }
        else if (account != DemoAccounts.ReportOwner)
        {
            data.Add("/services/3/benefits");
        }

        return data;
    }

    // Only the findings are read, so axe need not return every passing node (most of its time on a long page).
    private static readonly AxeRunOptions EveryRule = new() { ResultTypes = [ResultType.Violations] };

    // The dark theme changes colours only, so it is checked again by the rules that read colours.
    private static readonly AxeRunOptions ColourRules = new()
    {
        ResultTypes = [ResultType.Violations],
        RunOnly = new RunOnlyOptions { Type = "rule", Values = ["color-contrast", "link-in-text-block"] },
    };

    /// <summary>How many keyboard stops from the start of the page's own content have their focus ring measured.</summary>
    private const int FocusStops = 12;

    protected async Task CheckAsync((string Email, string Password) account, string path)
    {
        var page = await fixture.PageSignedInAsAsync(account.Email, account.Password);
        await page.GotoAsync(path);
        await WaitUntilSettledAsync(page);
        Assert.DoesNotContain("/sign-in", page.Url, StringComparison.Ordinal);

        var problems = new List<string>();
        foreach (var theme in (string[])["light", "dark"])
        {
            if (theme == "dark")
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Use the dark theme" }).ClickAsync();
                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use the light theme" })).ToBeVisibleAsync();
                // MudBlazor fades colours from one theme to the other; axe must see where they end, not a frame halfway.
                await page.WaitForFunctionAsync(TransitionsFinished);
            }

            await page.SetViewportSizeAsync(1280, 900);
            problems.AddRange(Findings(await page.RunAxe(theme == "light" ? EveryRule : ColourRules)).Select(f => $"{theme}: {f}"));
            problems.AddRange((await FaintFocusRingsAsync(page)).Select(f => $"{theme}: {f}"));
            problems.AddRange((await WidthsOverflowingAsync(page)).Select(f => $"{theme}: {f}"));
        }

        await page.Context.CloseAsync();
        Assert.True(problems.Count == 0, $"{path} as {account.Email}:\n" + string.Join("\n", problems));
    }

    private const string TransitionsFinished =
        "() => document.getAnimations().every(a => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)";

    /// <summary>Interactive pages render a progress bar first; axe should see the loaded page.</summary>
    public static async Task WaitUntilSettledAsync(IPage page)
    {
        // No wait for network idle: that costs half a second of silence per page, and interactive with no progress bar
        // left is the loaded page.
        await AppWithBrowser.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".mud-progress-linear")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
    }

    /// <summary>Every axe finding, whatever its impact: each is a WCAG failure someone will meet.</summary>
    public static IEnumerable<string> Findings(AxeResult result)
    {
        Assert.NotEmpty(result.Passes);
        return result.Violations.Select(v =>
            $"axe [{v.Impact}] {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
    }

    public static void AssertNoFindings(AxeResult result, string where)
    {
        var findings = Findings(result).ToList();
        Assert.True(findings.Count == 0, $"axe found on {where}:\n" + string.Join("\n", findings));
    }

    /// <summary>
    /// Tabs from the start of the page's own content (the menu and app bar are the same on every page and have their own
    /// check) and measures each focused element's ring against what it sits on.
    /// </summary>
    public static async Task<List<string>> FaintFocusRingsAsync(IPage page, string? startAt = "#main-content", int stops = FocusStops)
    {
        if (startAt is not null)
        {
            await page.FocusAsync(startAt);
        }

        var faint = new List<string>();
        for (var i = 0; i < stops; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var ring = await page.EvaluateAsync<FocusRing?>(FocusRing.Script);
            if (ring is { Ratio: < 3 })
            {
                faint.Add($"focus ring {ring.Ratio:0.00}:1 on {ring.Where}");
            }
        }

        return faint;
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
                tooWide.Add($"{await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide in a {width} px window: a page must never scroll sideways");
            }
        }

        return tooWide;
    }
}

public sealed class AdministratorPagesTests(AppWithBrowser fixture) : PageChecks(fixture), IClassFixture<AppWithBrowser>
{
    public static TheoryData<string> Pages() => PagesFor(DemoAccounts.Administrator);

    [Theory]
    [MemberData(nameof(Pages))]
    public Task Page_passes_axe_fits_every_width_and_shows_focus_in_both_themes(string path) => CheckAsync(DemoAccounts.Administrator, path);
}

public sealed class BoardMemberPagesTests(AppWithBrowser fixture) : PageChecks(fixture), IClassFixture<AppWithBrowser>
{
    public static TheoryData<string> Pages() => PagesFor(DemoAccounts.BoardMember);

    [Theory]
    [MemberData(nameof(Pages))]
    public Task Page_passes_axe_fits_every_width_and_shows_focus_in_both_themes(string path) => CheckAsync(DemoAccounts.BoardMember, path);
}

public sealed class ServiceManagerPagesTests(AppWithBrowser fixture) : PageChecks(fixture), IClassFixture<AppWithBrowser>
{
    public static TheoryData<string> Pages() => PagesFor(DemoAccounts.ServiceManager);

    [Theory]
    [MemberData(nameof(Pages))]
    public Task Page_passes_axe_fits_every_width_and_shows_focus_in_both_themes(string path) => CheckAsync(DemoAccounts.ServiceManager, path);
}

public sealed class ReportOwnerPagesTests(AppWithBrowser fixture) : PageChecks(fixture), IClassFixture<AppWithBrowser>
{
    public static TheoryData<string> Pages() => PagesFor(DemoAccounts.ReportOwner);

    [Theory]
    [MemberData(nameof(Pages))]
    public Task Page_passes_axe_fits_every_width_and_shows_focus_in_both_themes(string path) => CheckAsync(DemoAccounts.ReportOwner, path);
}
