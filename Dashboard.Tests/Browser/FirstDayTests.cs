using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>A council's first day: the app on an empty database with the demo off, set up through the UI alone.</summary>
public sealed class FirstDayTests
{
    [Fact]
    public async Task The_bootstrap_administrator_finds_every_area_to_set_up_and_an_empty_board_dashboard()
    {
        await using var council = await EmptyCouncilApp.StartAsync();
        var page = await council.AdministratorPageAsync();

        await AppWithBrowser.OpenAsync(page, "/admin");
        foreach (var area in new[] { "People and accounts", "Services and projects", "Risk registers", "Board meetings and bank holidays", "Savings", "Performance indicators" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = area, Exact = true })).ToBeVisibleAsync();
        }

        await AppWithBrowser.OpenAsync(page, "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Board dashboard" })).ToBeVisibleAsync();
    }
}
