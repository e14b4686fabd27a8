using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Data;
using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// Making the updates the board is owed: whoever is reminded can make the update from the link they are given, and
/// nothing typed is lost by leaving the page without saving.
/// </summary>
public sealed partial class MakingUpdatesBrowserTests(AppWithBrowser fixture) : IClassFixture<AppWithBrowser>
{
    private sealed record Item(string Title, string Href);

    private static readonly string[] Managers =
    [
        "Jamie Fox", "Chris Patel", "Alex Morgan", "Lee Carter", "Rosa Grant", "Tom Baker", "Nina Walsh",
        "Ruth Lane", "Dev Singh", "Helen Cole", "Mark Quinn", "Gail Porter", "Ian Brooks", "Sue Marsh",
    ];

    private static IEnumerable<(string Email, string Password)> AccountsOwingUpdates() =>
        Managers.Select(name => ($"{name.ToLowerInvariant().Replace(' ', '.')}@{DemoSeed.Domain}", DemoSeed.ManagerPassword))
            .Prepend(DemoAccounts.ReportOwner);

    [Fact]
    public async Task Every_link_on_every_demo_accounts_list_opens_a_page_where_its_owner_saves_the_update()
    {
        Support.Browser.RequireChromium();
        var followed = new List<string>();
        foreach (var (email, password) in AccountsOwingUpdates())
        {
            var page = await fixture.SignedInPageAsync(email, password);
            foreach (var item in await ItemsAsync(page))
            {
                await page.GetByRole(AriaRole.Link, new() { Name = $"Update {item.Title}", Exact = true }).ClickAsync();
                await AppWithBrowser.WaitUntilInteractiveAsync(page);
                await PageChecks.WaitUntilSettledAsync(page);
                Assert.DoesNotContain("Only the", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

                await SaveUpdateAsync(page, item);

                Assert.DoesNotContain(await ItemsAsync(page), i => i.Title == item.Title);
                followed.Add($"{KindOf(item.Href)}: {item.Title}");
            }

            await page.Context.CloseAsync();
        }

        // The demo gives the report owner and the managers work of every kind the reminders chase.
        var kinds = followed.Select(f => f[..f.IndexOf(':', StringComparison.Ordinal)]).Distinct().Order();
        Assert.True(kinds.SequenceEqual(["figure", "highlight report", "risk review", "status card"]), string.Join("\n", followed));
        Assert.Contains(followed, f => f.StartsWith("figure: BV 8 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Leaving_a_status_card_with_unsaved_text_asks_first_and_staying_keeps_the_text()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.ServiceManager.Email, DemoAccounts.ServiceManager.Password);
        await AppWithBrowser.OpenAsync(page, "/services/3");
        await PageChecks.WaitUntilSettledAsync(page);
        var commentary = page.GetByLabel("High level commentary");
        await commentary.FillAsync("Virtualisation slipped to January; supplier confirms a new date next week.");
        var risksLink = page.Locator("nav.mud-navmenu").GetByRole(AriaRole.Link, new() { Name = "Risks", Exact = true });

        await risksLink.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Your changes to this month's status card are not saved.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stay on this page" }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        Assert.EndsWith("/services/3", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(commentary).ToHaveValueAsync("Virtualisation slipped to January; supplier confirms a new date next week.");

        await risksLink.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Leave without saving" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Risk");

        // With nothing typed, links just go.
        await AppWithBrowser.OpenAsync(page, "/services/3");
        await PageChecks.WaitUntilSettledAsync(page);
        await risksLink.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Risk");
        await page.Context.CloseAsync();
    }

    private static async Task<List<Item>> ItemsAsync(IPage page)
    {
        await AppWithBrowser.OpenAsync(page, "/my-updates");
        await PageChecks.WaitUntilSettledAsync(page);
        if (await page.GetByText("Nothing is due").CountAsync() > 0)
        {
            return [];
        }

        var rows = await page.Locator("main tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.cells[0].innerText.trim(), r.querySelector('a').getAttribute('href')])");
        Assert.NotEmpty(rows);
        return [.. rows.Select(r => new Item(r[0], r[1]))];
    }

    private static string KindOf(string href) => href switch
    {
        _ when href.EndsWith("/highlight-reports/new", StringComparison.Ordinal) => "highlight report",
        _ when href.StartsWith("risks/", StringComparison.Ordinal) => "risk review",
        _ when href.StartsWith("performance/", StringComparison.Ordinal) => "figure",
        _ when href.StartsWith("services/", StringComparison.Ordinal) => "status card",
        _ => throw new InvalidOperationException($"My updates links to {href}, which no update is made on."),
    };

    private static async Task SaveUpdateAsync(IPage page, Item item)
    {
        switch (KindOf(item.Href))
        {
            case "status card":
                await page.GetByLabel("Green", new() { Exact = true }).CheckAsync();
                await page.GetByLabel("High level commentary").FillAsync("Running to plan for both councils.");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save status card" }).ClickAsync();
                await Assertions.Expect(page.GetByText("Status card saved.")).ToBeVisibleAsync();
                break;

            case "figure":
                // "BV 8 Undisputed invoices paid within 30 days (%) (BDC): value for November 2010" → the "BDC Nov 2010" field.
                var owed = FigureOwed().Match(item.Title);
                Assert.True(owed.Success, item.Title);
                var month = DateOnly.ParseExact(owed.Groups["period"].Value, "MMMM yyyy", CultureInfo.InvariantCulture);
                var field = $"{owed.Groups["council"].Value} {month.ToString("MMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}";
                await page.GetByLabel(field, new() { Exact = true }).FillAsync("95");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save figures" }).ClickAsync();
                await Assertions.Expect(page.GetByText("Saved 1 figure.")).ToBeVisibleAsync();
                break;

            case "risk review":
                // The form starts from the current scores: a review that finds nothing changed just says so.
                await page.GetByLabel("Why").FillAsync("Reviewed with the service team; no change.");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }).ClickAsync();
                await Assertions.Expect(page.GetByText("Assessment saved.")).ToBeVisibleAsync();
                break;

            case "highlight report":
                await page.GetByLabel("% of project complete").FillAsync("40");
                var completion = page.GetByLabel("Projected completion date");
                if (await completion.InputValueAsync() == "")
                {
                    await completion.FillAsync("31 Mar 2011");
                    await completion.PressAsync("Tab");
                }

                await page.GetByLabel("Summary position").FillAsync("Plans drafted; awaiting approval by the management team.");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save highlight report" }).ClickAsync();
                await Assertions.Expect(page.GetByText("Highlight report saved.")).ToBeVisibleAsync();
                break;
        }
    }

    [GeneratedRegex(@"\((?<council>[A-Z]+)\): value for (?<period>[A-Z][a-z]+ \d{4})$")]
    private static partial Regex FigureOwed();
}
