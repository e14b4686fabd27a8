using System.Globalization;
using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>A council's first day: the app on an empty database with the demo off, set up through the UI alone.</summary>
public sealed class FirstDayTests
{
    private const string Administrator = $"{EmptyCouncilApp.AdminEmail} (Administrator)";
    private const string ManagerEmail = "sam.okafor@redditch.example";
    private const string ManagerPassword = "Elections-2026-Sam";
    private const string MemberEmail = "cllr.ruth.hale@bromsgrove.example";
    private const string MemberPassword = "Board-member-2026-Ruth";

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
        await Assertions.Expect(page.GetByTestId("no-meeting")).ToHaveTextAsync("No board meeting is scheduled yet.");
    }

    /// <summary>
    /// The whole first day: people invited by email, services, a project, a register with two risks, a meeting, a
    /// savings line and an indicator with a target, a manager's first status card, and the board member's view of
    /// all of it. Deactivating the manager then ends their open session.
    /// </summary>
    [Fact]
    public async Task A_council_sets_itself_up_through_the_browser_and_the_board_sees_it_all()
    {
        await using var council = await EmptyCouncilApp.StartAsync(new Dictionary<string, string> { ["Authentication__RevalidationInterval"] = "00:00:02" });
        var admin = await council.AdministratorPageAsync();

        // People: a service manager and a board member, invited by email.
        await SetUpSteps.AddAndInviteAsync(admin, "Sam Okafor", "Electoral Services Manager", ManagerEmail, "Service manager");
        await SetUpSteps.AddAndInviteAsync(admin, "Cllr Ruth Hale", "Board member (BDC)", MemberEmail, "Board member");

        // Two services (one kept by the new manager) and a project.
        await AppWithBrowser.OpenAsync(admin, "/admin/services");
        await SetUpSteps.AddServiceAsync(admin, "Elections", project: false, host: "Redditch Borough Council", "Sam Okafor (Electoral Services Manager)");
        await SetUpSteps.AddServiceAsync(admin, "Community Safety", project: false, host: "Bromsgrove District Council", Administrator);
        await SetUpSteps.AddServiceAsync(admin, "Revenues & Benefits transformation", project: true, host: null, Administrator);

        // The programme's risk register with two risks.
        await AppWithBrowser.OpenAsync(admin, "/admin/registers/new");
        await admin.GetByRole(AriaRole.Radio, new() { Name = "The shared services programme's" }).CheckAsync();
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Shared Services Programme");
        await SetUpSteps.ChooseAsync(admin, "Owner", Administrator);
        await admin.GetByLabel("Risk appetite (score 1–16)").FillAsync("6");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create register" }).ClickAsync();
        await Assertions.Expect(admin.Locator("tr[data-register='Shared Services Programme']")).ToBeVisibleAsync();
        await AddRiskAsync(admin, "Loss of key staff during the move to shared services", "3 – Significant", "3 – Major");
        await AddRiskAsync(admin, "Councils' systems cannot exchange data", "2 – Medium", "2 – Marginal");

        // The board's next meeting and a savings line.
        var meeting = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        await AppWithBrowser.OpenAsync(admin, "/admin/meetings");
        await admin.GetByLabel("Date", new() { Exact = true }).FillAsync(meeting.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await admin.GetByLabel("Venue (optional)").FillAsync("Parkside, Bromsgrove");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Add meeting" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".meetings-upcoming tbody tr")).ToHaveCountAsync(1);

        await AppWithBrowser.OpenAsync(admin, "/savings");
        await SetUpSteps.AddSavingsLineAsync(admin, "Redditch Borough Council", "Shared electoral registration", EmptyCouncilApp.AdminEmail, "40,000", "35000");
        await Assertions.Expect(admin.Locator(".savings-lines tbody tr")).ToHaveCountAsync(1);

        // An indicator with a target for each council, reported by the new manager.
        var year = await AddIndicatorWithTargetsAsync(admin);

        // The manager follows the invitation, chooses a password, signs in and saves the month's status card.
        var manager = await AnonymousPageAsync(council);
        await SetUpSteps.SetPasswordAsync(manager, SetUpSteps.LinkIn(Assert.Single(await council.EmailsToAsync(ManagerEmail))), ManagerPassword);
        await AppWithBrowser.SignInAsync(manager, ManagerEmail, ManagerPassword);
        await AppWithBrowser.OpenAsync(manager, "/services");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Elections", Exact = true }).First.ClickAsync();
        await AppWithBrowser.WaitUntilInteractiveAsync(manager);
        var card = manager.Locator("#status-card");
        await card.GetByText("Amber", new() { Exact = true }).ClickAsync();
        await card.GetByLabel("High level commentary").FillAsync("Canvass forms printed; postal vote supplier still to be agreed.");
        await card.GetByLabel("Reason for the change (needed when the status moves to Amber or Red)").FillAsync("Supplier not yet appointed.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Save status card" }).ClickAsync();
        await Assertions.Expect(manager.GetByText("Status card saved.")).ToBeVisibleAsync();

        // The board member signs in and sees it all on the board dashboard.
        var member = await AnonymousPageAsync(council);
        await SetUpSteps.SetPasswordAsync(member, SetUpSteps.LinkIn(Assert.Single(await council.EmailsToAsync(MemberEmail))), MemberPassword);
        await AppWithBrowser.SignInAsync(member, MemberEmail, MemberPassword);
        await AppWithBrowser.OpenAsync(member, "/");
        var elections = member.Locator("tr[data-service='Elections']");
        await Assertions.Expect(elections.GetByRole(AriaRole.Img, new() { Name = "Status Amber" })).ToBeVisibleAsync();
        await Assertions.Expect(elections).ToContainTextAsync("postal vote supplier still to be agreed");
        await Assertions.Expect(member.Locator("tr[data-service='Community Safety']")).ToBeVisibleAsync();
        await Assertions.Expect(member.Locator("tr[data-service='Revenues & Benefits transformation']")).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByTestId("next-meeting")).ToContainTextAsync($"{meeting.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}: Shared Services Board, Parkside, Bromsgrove");
        await Assertions.Expect(member.Locator(".savings-summary tr[data-council='RBC']")).ToContainTextAsync("£40,000");
        var bands = member.Locator("table", new() { Has = member.Locator("caption", new() { HasText = "Open programme risks by score band" }) });
        await Assertions.Expect(bands.Locator("tbody tr", new() { HasText = "Severe" })).ToContainTextAsync("1");
        await Assertions.Expect(bands.Locator("tbody tr", new() { HasText = "Moderate" })).ToContainTextAsync("1");
        await AppWithBrowser.OpenAsync(member, "/performance");
        await Assertions.Expect(member.Locator("tbody[data-pi='EL 01']")).ToContainTextAsync("Electoral register entries checked within 28 days (%)");

        // Deactivating the manager ends their open session within the revalidation interval.
        await AppWithBrowser.OpenAsync(admin, "/admin/people");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Sam Okafor", Exact = true }).ClickAsync();
        await AppWithBrowser.WaitUntilInteractiveAsync(admin);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Deactivate Sam Okafor" }).ClickAsync();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#deactivated-notice")).ToBeVisibleAsync();
        await manager.WaitForURLAsync(url => url.Contains("/sign-in", StringComparison.Ordinal), new() { Timeout = 30_000 });
    }

    private static async Task<IPage> AnonymousPageAsync(EmptyCouncilApp council)
    {
        var context = await council.Browser.NewContextAsync(new() { BaseURL = council.App.BaseUrl });
        return await context.NewPageAsync();
    }

    private static async Task AddRiskAsync(IPage page, string title, string likelihood, string impact)
    {
        await AppWithBrowser.OpenAsync(page, "/risks");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a risk to Shared Services Programme" }).ClickAsync();
        await AppWithBrowser.WaitUntilInteractiveAsync(page);
        await page.GetByLabel("Risk", new() { Exact = true }).FillAsync(title);
        await SetUpSteps.ChooseAsync(page, "Likelihood", likelihood);
        await SetUpSteps.ChooseAsync(page, "Impact", impact);
        await page.GetByLabel("Why it is scored so").FillAsync("Assessed at the programme board's first meeting");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add risk" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(title);
    }

    /// <summary>Adds EL 01 with a year's target for both councils; returns the financial year it set targets for.</summary>
    private static async Task<string> AddIndicatorWithTargetsAsync(IPage page)
    {
        await SetUpSteps.AddAnnualPercentageIndicatorAsync(page, "EL 01", "Electoral register entries checked within 28 days (%)", "Sam Okafor");

        var year = Dashboard.Domain.Time.FinancialYear.Of(DateOnly.FromDateTime(DateTime.UtcNow)).Label;
        await page.GetByLabel($"BDC Year {year} target", new() { Exact = true }).FillAsync("95");
        await page.GetByLabel($"RBC Year {year} target", new() { Exact = true }).FillAsync("92");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save targets" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved 2 targets.")).ToBeVisibleAsync();
        return year;
    }
}
