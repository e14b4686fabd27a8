using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>The "done when": an administrator triggers the rollup for Q3 2010/11 and sees its figures next to Q2.</summary>
public sealed class DemoRollupTests(AppWithBrowser fixture) : IClassFixture<AppWithBrowser>
{
    [Fact]
    public async Task An_administrator_computes_q3_2010_11_and_sees_it_beside_q2()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.Administrator.Email, DemoAccounts.Administrator.Password);

        // Q2 2010/11, the quarter closed on the demo date, is rolled up at start-up.
        await AppWithBrowser.OpenAsync(page, "/reports/quarterly");
        await ReloadUntilVisibleAsync(page, page.Locator("tbody tr", new() { HasText = "Services No status" }).First);

        await page.GetByLabel("Quarter").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Q3 2010/11" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No snapshot of Q3 2010/11 has been computed yet.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Compute Q3 2010/11 now" }).ClickAsync();

        // It appears once computed, without a reload, and the note that it is being computed goes.
        // (The note itself is not awaited: on a quiet machine the job can finish before it is drawn.)
        var green = page.Locator("tbody tr", new() { HasText = "Services Green" }).First;
        await Assertions.Expect(green).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "is being computed" })).ToHaveCountAsync(0);

        await Assertions.Expect(page.Locator("thead").First).ToContainTextAsync("Q2 2010/11");
        Assert.Equal(["Services Green", "12", "0", "–"], (await green.Locator("td").AllInnerTextsAsync()).Select(t => t.Trim()));
        await page.Context.CloseAsync();
    }

    private static async Task ReloadUntilVisibleAsync(IPage page, ILocator locator)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await locator.IsVisibleAsync())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not shown: {await page.ContentAsync()}");
            await Task.Delay(1000, TestContext.Current.CancellationToken);
            await AppWithBrowser.OpenAsync(page, "/reports/quarterly");
        }
    }
}
