using Dashboard.Domain.Organisation;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>An indicator's life on a council's own database (demo off): added with a target, reported, then retired.</summary>
public sealed class IndicatorLifecycleBrowserTests
{
    [Fact]
    public async Task An_administrator_adds_an_indicator_with_targets_and_later_retires_it_and_the_summary_stops_counting_it()
    {
        await using var council = await EmptyCouncilApp.StartAsync();
        var page = await council.AdministratorPageAsync();

        // Add the indicator: annual, higher is better, reported by the administrator.
        await SetUpSteps.AddAnnualPercentageIndicatorAsync(page, "LPI 01", "Residents satisfied with street cleanliness (%)", EmptyCouncilApp.AdminEmail);

        // Targets for both councils for the year the summary shows (the year of the last complete month), then figures.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var year = Dashboard.Domain.Time.FinancialYear.Of(new DateOnly(today.Year, today.Month, 1).AddMonths(-1)).Label;
        if (Dashboard.Domain.Time.FinancialYear.Of(today).Label != year)
        {
            await SetUpSteps.ChooseAsync(page, "Financial year to edit", year);
        }

        await page.GetByLabel($"BDC Year {year} target", new() { Exact = true }).FillAsync("75");
        await page.GetByLabel($"RBC Year {year} target", new() { Exact = true }).FillAsync("70");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save targets" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved 2 targets.")).ToBeVisibleAsync();
        await page.GetByLabel($"BDC {year}", new() { Exact = true }).FillAsync("78");
        await page.GetByLabel($"RBC {year}", new() { Exact = true }).FillAsync("60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save figures" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved 2 figures.")).ToBeVisibleAsync();

        // The summary counts it for both councils: BDC met its target, RBC did not.
        await AppWithBrowser.OpenAsync(page, "/performance");
        var met = page.Locator(".pi-summary tbody tr").Nth(1);
        await Assertions.Expect(met.Locator("td[data-summary='Combined']")).ToHaveTextAsync("50% (1 of 2)");
        await Assertions.Expect(page.Locator("tbody[data-pi='LPI 01']")).ToBeVisibleAsync();

        // Retire it, after confirming, on its own page.
        await page.GetByRole(AriaRole.Link, new() { Name = "LPI 01" }).ClickAsync();
        await AppWithBrowser.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Retire LPI 01" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Retire" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("retired")).ToContainTextAsync("Retired on ");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save figures" })).ToHaveCountAsync(0);

        // The summary no longer counts it, on the performance page and the board dashboard; its page and history stay.
        await AppWithBrowser.OpenAsync(page, "/performance");
        await Assertions.Expect(page.Locator(".pi-summary tbody tr").Nth(1).Locator("td[data-summary='Combined']")).ToHaveTextAsync("– (0 of 0)");
        await Assertions.Expect(page.Locator("tbody[data-pi='LPI 01']")).ToHaveCountAsync(0);
        // The retirement's live update can re-render the list just as the switch is clicked, on a busy machine: the
        // switch is set until it shows as on (SetChecked fails when its click did not take), as a person would click again.
        var showRetired = page.GetByRole(AriaRole.Switch, new() { Name = "Show retired indicators (1)" });
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await showRetired.SetCheckedAsync(true);
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }

        await Assertions.Expect(page.Locator("tbody[data-pi='LPI 01']")).ToContainTextAsync("Retired on");
        await AppWithBrowser.OpenAsync(page, "/");
        await Assertions.Expect(page.Locator(".pi-summary tbody tr").Nth(1).Locator("td[data-summary='Combined']")).ToHaveTextAsync("– (0 of 0)");
    }

    /// <summary>
    /// The two councils, as the app creates them on an empty database's first start (added here only where this
    /// build does not yet do so itself).
    /// </summary>
    private static async Task EnsureTheCouncilsAsync(TestDatabase database)
    {
        await using var db = await database.OpenAsync();
        if (!await db.Councils.AnyAsync(TestContext.Current.CancellationToken))
        {
            db.Councils.AddRange(
                new Council { Code = "BDC", Name = "Bromsgrove District Council" },
                new Council { Code = "RBC", Name = "Redditch Borough Council" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
    }

}
