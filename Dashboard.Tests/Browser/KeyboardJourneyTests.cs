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

        // The first Tab reaches the skip link, which takes keyboard users past the menu.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to main content", await page.EvaluateAsync<string>("document.activeElement.textContent.trim()"));

        var risksLink = page.GetByRole(AriaRole.Link, new() { Name = "Risks", Exact = true });
        await risksLink.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Risk");
        await context.CloseAsync();
    }
}
