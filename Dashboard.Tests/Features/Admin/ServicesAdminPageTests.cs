using AngleSharp.Dom;
using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Services;
using Dashboard.Features.Admin.ServicesAndProjects;
using Dashboard.Features.Services;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Admin;

/// <summary>The ordering controls of /admin/services, as an administrator uses them with a keyboard or a screen reader.</summary>
public class ServicesAdminPageTests : DashboardTestContext
{
    public ServicesAdminPageTests() => Services.AddScoped<ServiceSetupCommands>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<IRenderedComponent<ServicesAdminPage>> OpenAsync()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var page = Render<ServicesAdminPage>();
        WaitUntilSettled(page, () => Assert.Equal(7, Names(page, ReportSection.LiveServices).Count));
        return page;
    }

    private static List<string> Names(IRenderedComponent<ServicesAdminPage> page, ReportSection section) =>
        [.. page.FindAll($"[data-section='{section}'] tbody tr[data-service]").Select(r => r.GetAttribute("data-service")!)];

    /// <summary>How often the page moved the keyboard focus (bUnit records the call, not which element has focus).</summary>
    private int FocusRequests() => JSInterop.Invocations.Count(i => i.Identifier == "Blazor._internal.domWrapper.focus");

    private static IElement Button(IRenderedComponent<ServicesAdminPage> page, string name) => page.Find($"button[aria-label='{name}']");

    [Fact]
    public async Task The_three_parts_of_the_report_are_listed_in_order_with_the_ends_unable_to_move_further()
    {
        var page = await OpenAsync();

        Assert.Equal(["Community Safety", "Elections", "ICT", "CCTV & Lifeline", "Payroll", "Procurement", "Climate Change"], Names(page, ReportSection.LiveServices));
        Assert.Equal(["Internal Audit", "Property Services"], Names(page, ReportSection.WettServicesReceived));
        Assert.Equal(6, Names(page, ReportSection.ProjectsUnderway).Count);
        Assert.True(Button(page, "Move Community Safety up").HasAttribute("disabled"));
        Assert.False(Button(page, "Move Community Safety down").HasAttribute("disabled"));
        Assert.True(Button(page, "Move Climate Change down").HasAttribute("disabled"));
        Assert.True(Button(page, "Move Internal Audit up").HasAttribute("disabled"));
        Assert.True(Button(page, "Move Property Services down").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Move_up_moves_the_service_says_where_it_now_stands_and_keeps_the_focus_where_the_user_can_press_again()
    {
        var page = await OpenAsync();

        Button(page, "Move ICT up").Click();

        WaitUntilSettled(page, () => Assert.Equal(["Community Safety", "ICT", "Elections"], Names(page, ReportSection.LiveServices).Take(3)));
        Assert.Equal("ICT moved up: now 2 of 7 in Live shared services.", page.Find("[data-testid='order-status']").TextContent.Trim());
        Assert.Equal("status", page.Find("[data-testid='order-status']").GetAttribute("role"));
        Assert.Equal(1, FocusRequests());

        // Once first, "Move up" is disabled: the focus goes to "Move down" instead of being lost (which button, the browser test checks).
        Button(page, "Move ICT up").Click();
        WaitUntilSettled(page, () => Assert.Equal("ICT", Names(page, ReportSection.LiveServices)[0]));
        Assert.True(Button(page, "Move ICT up").HasAttribute("disabled"));
        Assert.False(Button(page, "Move ICT down").HasAttribute("disabled"));
        Assert.Equal(2, FocusRequests());

        // The board's own tables follow.
        await using var db = await Database.OpenAsync();
        var board = await ServiceStatusQueries.LatestStatusesAsync(db, new DateOnly(2010, 12, 9), Ct);
        Assert.Equal(["ICT", "Community Safety", "Elections"], board.Take(3).Select(r => r.Name));
    }

    [Fact]
    public async Task Move_down_within_the_WETT_services_received_keeps_them_under_their_sub_heading()
    {
        var page = await OpenAsync();

        Button(page, "Move Internal Audit down").Click();

        WaitUntilSettled(page, () => Assert.Equal(["Property Services", "Internal Audit"], Names(page, ReportSection.WettServicesReceived)));
        Assert.Equal(7, Names(page, ReportSection.LiveServices).Count);
    }

    [Fact]
    public async Task Another_administrators_archive_shows_at_once_and_the_service_moves_to_the_archived_list()
    {
        var page = await OpenAsync();
        int elections;
        await using (var db = await Database.OpenAsync())
        {
            elections = await db.SharedServices.Where(s => s.Name == "Elections").Select(s => s.Id).SingleAsync(Ct);
        }

        Assert.True((await Services.GetRequiredService<ServiceSetupCommands>().ArchiveAsync(elections, Ct)).Succeeded);

        page.WaitForAssertion(() => Assert.DoesNotContain("Elections", Names(page, ReportSection.LiveServices)), TimeSpan.FromSeconds(10));
        Assert.Contains("Elections archived on 9 December 2010.", page.Find("[data-testid='order-status']").TextContent, StringComparison.Ordinal);
        Assert.Contains("Elections", page.Find(".archived-services").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_services_page_lists_the_services_received_under_the_WETT_sub_heading_and_leaves_archived_ones_out()
    {
        var page = await OpenAsync();
        Button(page, "Move Payroll up").Click();
        WaitUntilSettled(page, () => Assert.Equal("Payroll", Names(page, ReportSection.LiveServices)[3]));
        int procurement;
        await using (var db = await Database.OpenAsync())
        {
            procurement = await db.SharedServices.Where(s => s.Name == "Procurement").Select(s => s.Id).SingleAsync(Ct);
        }

        await Services.GetRequiredService<ServiceSetupCommands>().ArchiveAsync(procurement, Ct);

        var services = Render<ServicesPage>();
        WaitUntilSettled(services, () => Assert.NotEmpty(services.FindAll("tr[data-service]")));
        var live = services.FindAll("caption").Single(c => c.TextContent == "Live shared services").ParentElement!;
        Assert.Equal(
            ["Community Safety", "Elections", "ICT", "Payroll", "CCTV & Lifeline", "Climate Change", "Internal Audit", "Property Services"],
            live.QuerySelectorAll("tbody tr[data-service]").Select(r => r.GetAttribute("data-service")));
        var subHeading = live.QuerySelector("tbody tr.table-subheading th")!;
        Assert.Equal(("WETT services received", "rowgroup"), (subHeading.TextContent, subHeading.GetAttribute("scope")));
        Assert.Equal("Internal Audit", live.QuerySelectorAll("tbody")[1].QuerySelectorAll("tr[data-service]")[0].GetAttribute("data-service"));
    }
}

/// <summary>The same ordering controls against PostgreSQL.</summary>
public sealed class ServicesAdminPageTestsOnPostgres : ServicesAdminPageTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
