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
        await ShiftTabUntilAsync(page, "Risks");
        await ShiftTabUntilAsync(page, "Skip to main content");
        await ShiftTabUntilAsync(page, "Risks", forwards: true);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Risk");
        await context.CloseAsync();
    }

    /// <summary>Presses Shift+Tab (or Tab) until the focused element's text is the given one, as a keyboard user would.</summary>
    private static async Task ShiftTabUntilAsync(IPage page, string text, bool forwards = false)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            await page.Keyboard.PressAsync(forwards ? "Tab" : "Shift+Tab");
            if (await page.EvaluateAsync<string>("document.activeElement.textContent.trim()") == text)
            {
                return;
            }
        }

        Assert.Fail($"'{text}' cannot be reached with the keyboard.");
    }
}
