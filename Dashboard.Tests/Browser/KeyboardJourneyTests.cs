using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>Journeys done with the keyboard alone, as a person who cannot use a mouse would.</summary>
public sealed class KeyboardJourneyTests(AppWithBrowser fixture) : IClassFixture<AppWithBrowser>
{
    [Fact]
    public async Task Sign_in_and_reach_the_risks_page_with_the_keyboard_only()
    {
        Support.Browser.RequireChromium();
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/sign-in");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("email", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync(DemoAccounts.BoardMember.Email);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("password", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync(DemoAccounts.BoardMember.Password);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Board dashboard" })).ToBeVisibleAsync();

        // Once interactive, Blazor moves focus to the page heading, so a screen reader announces the page.
        await AppWithBrowser.WaitUntilInteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Board dashboard" })).ToBeFocusedAsync();

        // Backwards from the heading: the menu's Risks link, then (before the menu) the skip link.
        await TabUntilAsync(page, name => name == "Risks", backwards: true);
        await TabUntilAsync(page, name => name == "Skip to main content", backwards: true);
        await TabUntilAsync(page, name => name == "Risks");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Risk");
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_manager_updates_their_status_card_with_the_keyboard_only()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.ServiceManager.Email, DemoAccounts.ServiceManager.Password);
        await AppWithBrowser.OpenAsync(page, "/services/3");
        await Assertions.Expect(page.Locator("#status-card")).ToContainTextAsync("Status card for December 2010");

        // The three statuses are one radio group: one Tab stop on the current choice, arrows to move.
        await TabUntilAsync(page, name => name == "Green");
        await page.Keyboard.PressAsync("ArrowRight");
        Assert.Equal("Amber", await page.EvaluateAsync<string>("document.activeElement.labels[0].textContent.trim()"));
        await TabUntilAsync(page, name => name.StartsWith("High level commentary", StringComparison.Ordinal));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Virtualisation slipped to January.");
        await TabUntilAsync(page, name => name.StartsWith("Reason for the change", StringComparison.Ordinal));
        await page.Keyboard.TypeAsync("Supplier delay.");
        await TabUntilAsync(page, name => name == "Save status card");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByText("Status card saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#status-card")).ToContainTextAsync("Virtualisation slipped to January.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_manager_enters_a_pi_value_with_the_keyboard_only()
    {
        // Sue Marsh owns Environmental Services' household waste indicator (NI 191).
        var page = await fixture.SignedInPageAsync($"sue.marsh@{Dashboard.Data.DemoSeed.Domain}", Dashboard.Data.DemoSeed.ManagerPassword);
        await AppWithBrowser.OpenAsync(page, "/performance/1");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save figures" })).ToBeVisibleAsync();

        var field = await TabUntilAsync(page, name => name.StartsWith("BDC ", StringComparison.Ordinal) && !name.EndsWith("note", StringComparison.Ordinal));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("47.25");
        await TabUntilAsync(page, name => name == "Save figures");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByText("Saved 1 figure.")).ToBeVisibleAsync();
        Assert.StartsWith("BDC ", field, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Presses Tab (or Shift+Tab) until the focused control's name — its label, aria-label or text — matches,
    /// as a keyboard user would; returns that name.
    /// </summary>
    private static async Task<string> TabUntilAsync(IPage page, Func<string, bool> matches, bool backwards = false)
    {
        const string focusedName = "(() => { const e = document.activeElement; return ((e.labels && e.labels[0] && e.labels[0].textContent) || e.getAttribute('aria-label') || e.textContent || '').trim(); })()";
        for (var presses = 0; presses < 80; presses++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var name = await page.EvaluateAsync<string>(focusedName);
            if (matches(name))
            {
                return name;
            }
        }

        Assert.Fail("The control cannot be reached with the keyboard.");
        return "";
    }
}
