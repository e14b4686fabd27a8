using AngleSharp.Dom;
using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Features.Services;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Features.Services;

public class ServicePageTests : DashboardTestContext
{
    public ServicePageTests()
    {
        Services.AddScoped<StatusCardCommands>();
        Services.AddScoped<ProjectCommands>();
    }

    private async Task<IRenderedComponent<ServicePage>> OpenAsync(string service, string person = "Cllr Jordan Ellis", params string[] roles)
    {
        await SignInAsAsync(person, roles.Length == 0 ? [Roles.BoardMember] : roles);
        int id;
        await using (var db = await Database.OpenAsync())
        {
            id = await db.SharedServices.Where(s => s.Name == service).Select(s => s.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
        }

        Render<MudPopoverProvider>();
        var page = Render<ServicePage>(p => p.Add(s => s.Id, id));
        page.WaitForAssertion(() => Assert.Equal(service, page.Find("h1").TextContent), TimeSpan.FromSeconds(10));
        return page;
    }

    private static IReadOnlyList<IElement> TableRows(IRenderedComponent<ServicePage> page, string caption) =>
        page.FindAll("caption").Single(c => c.TextContent.Contains(caption, StringComparison.Ordinal)).ParentElement!.QuerySelectorAll("tbody tr").ToList();

    [Fact]
    public async Task The_timeline_shows_every_months_status_and_commentary_newest_first()
    {
        var page = await OpenAsync("Property Services");

        var months = page.FindAll(".status-timeline tbody tr").Select(r => r.TextContent).ToList();

        Assert.Equal(3, months.Count);
        Assert.StartsWith("December 2010Amber", months[0], StringComparison.Ordinal);
        Assert.Contains("Service Level Agreement not yet agreed, and will not be until the issues raised", months[0], StringComparison.Ordinal);
        Assert.StartsWith("November 2010Amber", months[1], StringComparison.Ordinal);
        Assert.StartsWith("October 2010Green", months[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_month_without_a_card_shows_in_the_timeline_and_the_service_is_flagged_overdue()
    {
        var page = await OpenAsync("Payroll");

        Assert.Equal("No card written for this month", page.Find(".status-timeline tr[data-month='2010-12'] [data-flag='no-card']").TextContent);
        Assert.Contains("Overdue: no December 2010 card", page.Find("#current-status").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_service_shows_its_risks_its_indicators_and_its_benefits_realisation()
    {
        var page = await OpenAsync("ICT");

        Assert.Contains(TableRows(page, "Open risks of ICT"), r => r.TextContent.Contains("ICT-1", StringComparison.Ordinal) && r.TextContent.Contains("Loss of data through failure of the server room environment", StringComparison.Ordinal));
        Assert.Contains(TableRows(page, "Performance indicators of ICT"), r => r.TextContent.StartsWith("ICT 01", StringComparison.Ordinal));
        Assert.Contains(TableRows(page, "Expected and actual results"), r => r.TextContent.Contains("Single email service and domain for both councils.", StringComparison.Ordinal));
        Assert.Contains("The service recovered well from the air conditioning failure", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Shared disaster recovery", page.Markup, StringComparison.Ordinal);

        var standard = page.Find("tr[data-indicator='ICT 01']");
        Assert.Equal(2, standard.QuerySelectorAll("[aria-label^='Status']").Length); // a traffic light for BDC and for RBC
        Assert.Equal(["BDC", "RBC"], page.FindAll(".key-standards th[scope='colgroup']").Select(th => th.TextContent));
        Assert.DoesNotContain("Highlight reports", page.FindAll("h2").Select(h => h.TextContent));
    }

    [Fact]
    public async Task A_project_shows_its_latest_highlight_report_and_earlier_periods()
    {
        await HighlightReportFixtures.AddEnvironmentalServicesReportsAsync(Database);
        var page = await OpenAsync("Environmental Services");

        var latest = page.Find(".highlight-report");
        Assert.Equal("2010-11-30", latest.GetAttribute("data-period-ending"));
        Assert.Contains("Highlight report for the period ending 30 November 2010", latest.TextContent, StringComparison.Ordinal);
        Assert.Contains("65%", latest.TextContent, StringComparison.Ordinal);
        Assert.Contains("Two posts remain vacant; re-advertised.", latest.TextContent, StringComparison.Ordinal);
        Assert.Contains("Period ending 31 October 2010 — Green, 55% complete", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Benefits realisation", page.FindAll("h2").Select(h => h.TextContent));
    }

    [Fact]
    public async Task An_unknown_service_number_says_so()
    {
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);

        var page = Render<ServicePage>(p => p.Add(s => s.Id, 9999));

        page.WaitForAssertion(() => Assert.Equal("Service not found", page.Find("h1").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("There is no shared service or project with that number.", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_services_manager_gets_the_card_editor()
    {
        var board = await OpenAsync("ICT");
        Assert.Empty(board.FindAll("#status-card"));
        Assert.Contains("Only the service's manager (Alex Morgan) or an administrator can update its status card.", board.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_services_manager_gets_no_card_editor()
    {
        var otherManager = await OpenAsync("ICT", "Sue Marsh", Roles.ServiceManager);
        Assert.Empty(otherManager.FindAll("#status-card"));
    }

    [Fact]
    public async Task The_services_manager_gets_the_card_editor()
    {
        var manager = await OpenAsync("ICT", "Alex Morgan", Roles.ServiceManager);
        manager.WaitForAssertion(() => Assert.Contains("Status card for December 2010", manager.Find("#status-card").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }
}

public sealed class ServicePageTestsOnPostgres : ServicePageTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
