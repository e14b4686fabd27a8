using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

public sealed class RiskRegisterBrowserTests(AppWithBrowser fixture) : IClassFixture<AppWithBrowser>
{
    [Fact]
    public async Task A_board_member_filters_the_register_by_clicking_a_matrix_cell()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.BoardMember.Email, DemoAccounts.BoardMember.Password);
        await AppWithBrowser.OpenAsync(page, "/risks");
        var register = page.Locator(".risk-register tbody tr");
        await Assertions.Expect(register).ToHaveCountAsync(14);

        var significantMajor = page.GetByRole(AriaRole.Button, new() { Name = "Likelihood Significant, Impact Major, 2 risks, band High" });
        await significantMajor.ClickAsync();

        await Assertions.Expect(register).ToHaveCountAsync(2);
        await Assertions.Expect(register.Nth(0)).ToContainTextAsync("Differences in terms and conditions");
        await Assertions.Expect(register.Nth(1)).ToContainTextAsync("Potential conflict with WETT work");
        await Assertions.Expect(register.Nth(1)).ToContainTextAsync("Increased from 6");

        // Keyboard: the same cell toggles off with Enter.
        await significantMajor.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(register).ToHaveCountAsync(14);

        await page.GetByRole(AriaRole.Button, new() { Name = "Likelihood Medium, Impact Critical, 2 risks, band High" }).ClickAsync();
        await Assertions.Expect(register).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".risk-register")).ToContainTextAsync("Lack of staff capacity to implement the recommendations.");
        await Assertions.Expect(page.Locator(".risk-register")).ToContainTextAsync("Downturn in performance during implementation.");
        await page.Context.CloseAsync();
    }
}
