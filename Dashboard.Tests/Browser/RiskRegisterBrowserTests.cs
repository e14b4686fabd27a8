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

        var significantMajor = page.GetByRole(AriaRole.Button, new() { Name = "Likelihood Significant, Impact Major, 2 risks, band Severe" });
        await significantMajor.ClickAsync();

        await Assertions.Expect(register).ToHaveCountAsync(2);
        await Assertions.Expect(register.Nth(0)).ToContainTextAsync("Differences in terms and conditions");
        await Assertions.Expect(register.Nth(1)).ToContainTextAsync("Potential conflict with WETT work");
        await Assertions.Expect(register.Nth(1)).ToContainTextAsync("Increased from 6");

        // Keyboard: the same cell toggles off with Enter.
        await significantMajor.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(register).ToHaveCountAsync(14);

        await page.GetByRole(AriaRole.Button, new() { Name = "Likelihood Medium, Impact Critical, 2 risks, band Severe" }).ClickAsync();
        await Assertions.Expect(register).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".risk-register")).ToContainTextAsync("Lack of staff capacity to implement the recommendations.");
        await Assertions.Expect(page.Locator(".risk-register")).ToContainTextAsync("Downturn in performance during implementation.");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_register_export_needs_a_signed_in_user_and_holds_the_view_on_screen()
    {
        Support.Browser.RequireChromium();
        var anonymous = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.App.BaseUrl });
        var refused = await anonymous.APIRequest.GetAsync("/risks/registers/1/export.csv", new() { MaxRedirects = 0 });
        Assert.Equal(302, refused.Status);
        Assert.Contains("/sign-in", refused.Headers["location"], StringComparison.Ordinal);
        await anonymous.CloseAsync();

        var page = await fixture.SignedInPageAsync(DemoAccounts.BoardMember.Email, DemoAccounts.BoardMember.Password);
        var csv = await page.APIRequest.GetAsync("/risks/registers/1/export.csv?cell=3-3");
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
        var lines = (await csv.TextAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Ref,Risk,L,I,Score,Mitigation,Band,Owner,Council,Next review", lines[0]);
        Assert.Equal(["8", "10"], lines.Skip(1).Select(l => l.Split(',')[0]));

        var xlsx = await page.APIRequest.GetAsync("/risks/registers/1/export.xlsx");
        Assert.Equal(200, xlsx.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Headers["content-type"]);
        await page.Context.CloseAsync();
    }
}
