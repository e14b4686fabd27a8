using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

public sealed class PerformanceChartBrowserTests(AppWithBrowser fixture) : IClassFixture<AppWithBrowser>
{
    [Fact]
    public async Task The_indicator_page_draws_both_councils_actual_and_target_lines()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.BoardMember.Email, DemoAccounts.BoardMember.Password);
        await AppWithBrowser.OpenAsync(page, "/performance");
        await page.GetByRole(AriaRole.Link, new() { Name = "NI 191" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "NI 191: Household waste (kg)" })).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var chart = page.GetByRole(AriaRole.Img, new() { Name = "NI 191 Household waste (kg): actual against target for each council" });
        var series = chart.Locator("svg .apexcharts-line-series .apexcharts-series");
        await Assertions.Expect(series).ToHaveCountAsync(4, new() { Timeout = 30_000 });
        var legend = chart.Locator(".apexcharts-legend-text");
        await Assertions.Expect(legend).ToHaveTextAsync(["BDC actual", "BDC target", "RBC actual", "RBC target"], new() { Timeout = 30_000 });
        await Assertions.Expect(chart.Locator("svg.apexcharts-svg")).ToContainTextAsync("2010/11", new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Button, new() { Name = "Show as table: NI 191 Household waste (kg): actual against target for each council" }).ClickAsync();
        var june = page.Locator(".pi-history tr", new() { HasText = "Jun 2010" });
        await Assertions.Expect(june).ToContainTextAsync("49.15 kg", new() { Timeout = 30_000 });
        await page.Context.CloseAsync();
    }
}
