using Dashboard.Features.Risks;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>Board members keep the dashboard open in meetings: a manager's save elsewhere must appear on it without reload.</summary>
public sealed class LiveDashboardBrowserTests
{
    [Fact]
    public async Task A_card_saved_in_one_browser_appears_on_a_board_members_open_dashboard_in_another()
    {
        Support.Browser.RequireChromium();
        await using var database = await TestDatabase.CreateSeededAsync();
        await using var app = await AppProcess.StartAsync(database, cancellationToken: TestContext.Current.CancellationToken);
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        try
        {
            await using var boardContext = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
            await using var managerContext = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl });

            var board = await boardContext.NewPageAsync();
            await AppWithBrowser.SignInAsync(board, DemoAccounts.BoardMember.Email, DemoAccounts.BoardMember.Password);
            await AppWithBrowser.OpenAsync(board, "/");
            var ictOnBoard = board.Locator("tr[data-service='ICT']");
            await Assertions.Expect(ictOnBoard.GetByRole(AriaRole.Img, new() { Name = "Status Green" })).ToBeVisibleAsync(new() { Timeout = 15_000 });
            var boardNavigations = 0;
            board.FrameNavigated += (_, frame) => boardNavigations += frame == board.MainFrame ? 1 : 0;

            var manager = await managerContext.NewPageAsync();
            await AppWithBrowser.SignInAsync(manager, DemoAccounts.ServiceManager.Email, DemoAccounts.ServiceManager.Password);
            await AppWithBrowser.OpenAsync(manager, "/services/3");
            var card = manager.Locator("#status-card");
            await Assertions.Expect(card).ToContainTextAsync("Status card for December 2010", new() { Timeout = 15_000 });
            await card.GetByText("Amber", new() { Exact = true }).ClickAsync();
            await card.GetByLabel("High level commentary").FillAsync("Virtualisation slipped to January; email domain live.");
            await card.GetByLabel("Reason for the change").FillAsync("Supplier delay on the virtual servers.");
            await card.GetByRole(AriaRole.Button, new() { Name = "Save status card" }).ClickAsync();
            await Assertions.Expect(manager.GetByText("Status card saved.")).ToBeVisibleAsync(new() { Timeout = 15_000 });

            // Within a second of the save (allowing for this loaded test machine), without reload.
            await Assertions.Expect(ictOnBoard.GetByRole(AriaRole.Img, new() { Name = "Status Amber" })).ToBeVisibleAsync(new() { Timeout = 5_000 });
            await Assertions.Expect(ictOnBoard).ToContainTextAsync("Virtualisation slipped to January; email domain live.");
            await Assertions.Expect(board.GetByRole(AriaRole.Status).Filter(new() { HasText = "ICT status set to Amber" })).ToBeVisibleAsync();
            Assert.Equal(0, boardNavigations);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task A_programme_risk_closed_in_one_browser_leaves_the_board_members_risk_matrix_without_reload()
    {
        Support.Browser.RequireChromium();
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateSeededAsync();
        int riskId;
        string cell;
        int before;
        await using (var db = await database.OpenAsync())
        {
            var programme = await RiskQueries.ProgrammeRegisterAsync(db, ct);
            var entries = await RiskQueries.OpenRisksOnMatrixAsync(db, programme!.Id, ct);
            var closing = entries[0];
            riskId = await db.Risks.Where(r => r.RiskRegisterId == programme.Id && r.Ref == closing.Ref).Select(r => r.Id).SingleAsync(ct);
            cell = $"{(int)closing.Position.Likelihood}-{(int)closing.Position.Impact}";
            before = entries.Count(e => e.Position == closing.Position);
        }

        await using var app = await AppProcess.StartAsync(database, cancellationToken: ct);
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        try
        {
            await using var boardContext = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
            await using var adminContext = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl });

            var board = await boardContext.NewPageAsync();
            await AppWithBrowser.SignInAsync(board, DemoAccounts.BoardMember.Email, DemoAccounts.BoardMember.Password);
            await AppWithBrowser.OpenAsync(board, "/");
            var count = board.Locator($"table.risk-matrix-compact td[data-cell='{cell}'] .risk-matrix-count");
            await Assertions.Expect(count).ToHaveTextAsync(before.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
            var boardNavigations = 0;
            board.FrameNavigated += (_, frame) => boardNavigations += frame == board.MainFrame ? 1 : 0;

            var admin = await adminContext.NewPageAsync();
            await AppWithBrowser.SignInAsync(admin, DemoAccounts.Administrator.Email, DemoAccounts.Administrator.Password);
            await AppWithBrowser.OpenAsync(admin, $"/risks/{riskId}");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Close risk", Exact = true }).ClickAsync();
            await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Close risk", Exact = true }).ClickAsync();
            await Assertions.Expect(admin.GetByText("Risk closed.")).ToBeVisibleAsync(new() { Timeout = 15_000 });

            await Assertions.Expect(count).ToHaveTextAsync((before - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 5_000 });
            Assert.Equal(0, boardNavigations);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
