using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// Every page fits a phone, a tablet, a laptop and a large screen: the document is never wider than the window
/// (wide tables scroll inside their own box). And the theme a person chooses stays chosen.
/// </summary>
public sealed class LayoutTests(AppWithBrowser fixture) : IClassFixture<AppWithBrowser>
{
    private static readonly int[] Widths = [390, 768, 1280, 1920];

    public static TheoryData<string> Pages() =>
    [
        "/", "/risks", "/services", "/performance", "/performance/1", "/reports", "/reports/board-pack", "/reports/quarterly",
        "/savings", "/services/3", "/services/16", "/services/3/benefits", "/my-updates", "/risks/1", "/risks/issues/1",
        "/admin", "/admin/people", "/admin/people/9", "/admin/people/import", "/admin/services", "/admin/services/3",
        "/admin/services/import", "/admin/registers", "/admin/meetings", "/admin/audit", "/admin/reminders",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_never_scrolls_sideways(string path)
    {
        var page = await fixture.PageSignedInAsAsync(DemoAccounts.Administrator.Email, DemoAccounts.Administrator.Password);
        await page.SetViewportSizeAsync(Widths[0], 900);
        await page.GotoAsync(path);
        await AppWithBrowser.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.Locator(".mud-progress-linear")).ToHaveCountAsync(0, new() { Timeout = 15_000 });

        var tooWide = new List<string>();
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            try
            {
                // Charts redraw for the new width a moment after the window changes: the page must settle within the window.
                await page.WaitForFunctionAsync("w => document.documentElement.scrollWidth <= w", width, new() { Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
                tooWide.Add($"{await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide in a {width} px window");
            }
        }

        await page.Context.CloseAsync();
        Assert.True(tooWide.Count == 0, $"{path} is {string.Join("; ", tooWide)}.");
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
}
