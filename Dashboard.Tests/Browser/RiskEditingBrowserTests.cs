using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>A manager's journeys that change data, each on its own app and database.</summary>
public sealed class RiskEditingBrowserTests
{
    [Fact]
    public async Task A_manager_adds_a_risk_to_their_register_and_sees_it_counted_on_the_matrix()
    {
        Support.Browser.RequireChromium();
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateSeededAsync();
        int ict;
        await using (var db = await database.OpenAsync())
        {
            ict = await db.RiskRegisters.Where(r => r.Name == "ICT").Select(r => r.Id).SingleAsync(ct);
        }

        await using var app = await AppProcess.StartAsync(database, cancellationToken: ct);
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new() { BaseURL = app.BaseUrl });
            await AppWithBrowser.SignInAsync(page, DemoAccounts.ServiceManager.Email, DemoAccounts.ServiceManager.Password);
            await AppWithBrowser.OpenAsync(page, $"/risks/registers/{ict}/add");
            await Assertions.Expect(page.GetByText("The risk will be risk ICT-3")).ToBeVisibleAsync();

            await page.GetByLabel("Risk", new() { Exact = true }).FillAsync("Telephony contract ends before the new system is live");
            await SetUpSteps.ChooseAsync(page, "Likelihood", "3 – Significant");
            await SetUpSteps.ChooseAsync(page, "Impact", "3 – Major");
            await page.GetByLabel("Why it is scored so").FillAsync("Supplier confirmed the end date");
            await Assertions.Expect(page.GetByText("reviewed every 90 days")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add risk" }).ClickAsync();

            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Risk ICT-3: Telephony contract ends before the new system is live");

            await AppWithBrowser.OpenAsync(page, "/risks");
            await page.GetByLabel("Register", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "ICT" });
            var cell = page.GetByRole(AriaRole.Button, new() { Name = "Likelihood Significant, Impact Major, 1 risk, band Severe" });
            await Assertions.Expect(cell).ToBeVisibleAsync();
            await cell.ClickAsync();
            var register = page.Locator(".risk-register tbody tr");
            await Assertions.Expect(register).ToHaveCountAsync(1);
            await Assertions.Expect(register).ToContainTextAsync("Telephony contract ends before the new system is live");
            await Assertions.Expect(register).ToContainTextAsync("Above appetite (6)");
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

}
