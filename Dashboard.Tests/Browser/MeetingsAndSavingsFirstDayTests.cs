using System.Globalization;
using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// A council's first day (empty database, demo off): the administrator schedules the board's next meeting and adds a
/// savings line through the UI alone, and the board dashboard shows the saving, saying which figure it shows.
/// </summary>
public sealed class MeetingsAndSavingsFirstDayTests
{
    [Fact]
    public async Task The_administrator_adds_a_meeting_and_a_savings_line_and_the_board_dashboard_shows_the_saving()
    {
        await using var council = await EmptyCouncilApp.StartAsync();
        var page = await council.AdministratorPageAsync();

        // The app runs on the real London date; the meeting is a month away.
        var meeting = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var written = meeting.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        await AppWithBrowser.OpenAsync(page, "/admin/meetings");
        await Assertions.Expect(page.GetByText("No meetings are scheduled from")).ToBeVisibleAsync();
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(meeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Venue (optional)").FillAsync("Parkside, Bromsgrove");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add meeting" }).ClickAsync();
        var upcoming = page.Locator(".meetings-upcoming tbody tr");
        await Assertions.Expect(upcoming).ToHaveCountAsync(1);
        await Assertions.Expect(upcoming).ToContainTextAsync(written);
        await Assertions.Expect(upcoming).ToContainTextAsync("Shared Services Board");
        await Assertions.Expect(upcoming).ToContainTextAsync("Status cards for");

        await AppWithBrowser.OpenAsync(page, "/savings");
        await Assertions.Expect(page.GetByText("No savings lines for")).ToBeVisibleAsync();
        await SetUpSteps.AddSavingsLineAsync(page, "Bromsgrove District Council", "Shared ICT service", EmptyCouncilApp.AdminEmail, "120,000", "100000");
        await Assertions.Expect(page.Locator(".savings-lines tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".savings-totals tr[data-council='BDC']")).ToContainTextAsync("£120,000");

        await AppWithBrowser.OpenAsync(page, "/");
        var bdc = page.Locator(".savings-summary tr[data-council='BDC']");
        await Assertions.Expect(bdc).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"BDC\s*£120,000\s*£100,000\s*Not yet reported"));
        await Assertions.Expect(page.Locator(".savings-statement")).ToHaveTextAsync("Forecast £100,000 of £120,000 target; delivered to date not yet reported.");
    }

}
