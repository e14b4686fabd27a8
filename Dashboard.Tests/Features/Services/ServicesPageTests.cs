using AngleSharp.Dom;
using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Features.Services;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Features.Services;

public class ServicesPageTests : DashboardTestContext
{
    private static IReadOnlyList<IElement> RowsOf(IRenderedComponent<ServicesPage> page, string caption) =>
        page.FindAll("caption").Single(c => c.TextContent == caption).ParentElement!.QuerySelectorAll("tbody tr[data-service]").ToList();

    private static IElement Row(IRenderedComponent<ServicesPage> page, string service) =>
        page.FindAll("tr[data-service]").Single(r => r.GetAttribute("data-service") == service);

    private async Task<IRenderedComponent<ServicesPage>> OpenAsync(string person = "Cllr Jordan Ellis", params string[] roles)
    {
        await SignInAsAsync(person, roles.Length == 0 ? [Roles.BoardMember] : roles);
        var page = Render<ServicesPage>();
        page.WaitForAssertion(() => Assert.Equal(15, page.FindAll("tr[data-service]").Count), TimeSpan.FromSeconds(10));
        return page;
    }

    [Fact]
    public async Task The_nine_live_services_and_the_six_projects_show_in_their_own_tables_with_status_in_words()
    {
        var page = await OpenAsync();

        var live = RowsOf(page, "Live shared services");
        var projects = RowsOf(page, "Shared services projects underway");
        Assert.Equal(
            ["Community Safety", "Elections", "ICT", "CCTV & Lifeline", "Payroll", "Procurement", "Climate Change", "Internal Audit", "Property Services"],
            live.Select(r => r.GetAttribute("data-service")));
        Assert.Equal(6, projects.Count);

        var ict = Row(page, "ICT");
        Assert.NotNull(ict.QuerySelector("[aria-label='Status Green']"));
        Assert.Contains("Green", ict.TextContent, StringComparison.Ordinal);
        Assert.Contains("New Service Desk live at RBC", ict.TextContent, StringComparison.Ordinal);
        Assert.Contains("December 2010 card", ict.TextContent, StringComparison.Ordinal);
        Assert.Contains("by Alex Morgan", ict.TextContent, StringComparison.Ordinal);
        Assert.Equal("services/3", ict.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Services_without_a_card_for_this_month_are_flagged_overdue()
    {
        var page = await OpenAsync();

        var overdue = page.FindAll("tr[data-service]").Where(r => r.QuerySelector("[data-flag='overdue']") is not null).Select(r => r.GetAttribute("data-service"));

        Assert.Equal(["Payroll", "Procurement"], overdue);
        Assert.Contains("Overdue: no December 2010 card", Row(page, "Payroll").TextContent, StringComparison.Ordinal);
        Assert.Contains("November 2010 card", Row(page, "Payroll").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Amber_projects_without_a_highlight_report_for_last_month_are_flagged()
    {
        var page = await OpenAsync();

        var missing = page.FindAll("tr[data-service]").Where(r => r.QuerySelector("[data-flag='missing-highlight-report']") is not null).Select(r => r.GetAttribute("data-service"));

        // Environmental Services (Amber) has its November report; Emergency Planning (Amber) has none.
        Assert.Equal(["Emergency Planning / Business Continuity"], missing);
        Assert.Contains("Highlight report missing", Row(page, "Emergency Planning / Business Continuity").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_definitions_are_on_the_page()
    {
        var page = await OpenAsync();

        Assert.Contains("What the status means", page.Markup, StringComparison.Ordinal);
        Assert.Contains("these are not all expected to be resolved", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_is_offered_to_update_only_their_own_card_and_a_board_member_none()
    {
        var manager = await OpenAsync("Alex Morgan", Roles.ServiceManager, Roles.ReportOwner);
        Assert.Equal(["ICT"], manager.FindAll("tr[data-service]").Where(r => r.TextContent.Contains("Update card", StringComparison.Ordinal)).Select(r => r.GetAttribute("data-service")));
    }

    [Fact]
    public async Task A_board_member_is_offered_no_card_to_update()
    {
        var board = await OpenAsync();
        Assert.DoesNotContain("Update card", board.Markup, StringComparison.Ordinal);
    }
}

public sealed class ServicesPageTestsOnPostgres : ServicesPageTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
