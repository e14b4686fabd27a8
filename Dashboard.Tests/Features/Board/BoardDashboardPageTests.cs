using Bunit;
using Dashboard.Features.Board;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Features.Board;

public class BoardDashboardPageTests : DashboardTestContext
{
    [Fact]
    public void Lists_the_ten_live_services_with_their_status_in_words()
    {
        var page = Render<BoardDashboardPage>();

        page.WaitForAssertion(() => Assert.Equal(16, page.FindAll("tr[data-service]").Count), TimeSpan.FromSeconds(10));
        var rows = page.FindAll("caption").Single(c => c.TextContent == "Live shared services").ParentElement!.QuerySelectorAll("tr[data-service]");
        Assert.Equal(10, rows.Length);
        Assert.Equal("Community Safety", rows[0].GetAttribute("data-service"));
        Assert.Equal("Property Services", rows[9].GetAttribute("data-service"));

        var propertyServices = rows[9];
        Assert.Contains("Red", propertyServices.TextContent, StringComparison.Ordinal);
        Assert.NotNull(propertyServices.QuerySelector("[aria-label='Status Red']"));
        Assert.Contains("Service Level Agreement not agreed", propertyServices.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.GetAttribute("data-service") == "North Worcestershire Economic Development");
        Assert.Contains(page.FindAll("tr[data-service]"), r => r.GetAttribute("data-service") == "North Worcestershire Economic Development");
    }

    [Fact]
    public void Counts_open_programme_risks_by_written_band_name()
    {
        var page = Render<BoardDashboardPage>();

        page.WaitForAssertion(() => Assert.Contains("Open programme risks by score band", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var bandRows = page.FindAll("caption")
            .Single(c => c.TextContent.Contains("score band", StringComparison.Ordinal))
            .ParentElement!.QuerySelectorAll("tbody tr")
            .Select(r => r.TextContent)
            .ToList();

        // Scores 9, 9, 8, 8 are High; 6, 6, 6, 6, 4, 4, 4, 4 Medium; 3 Low (Appendix A).
        Assert.Contains(bandRows, r => r.StartsWith("High", StringComparison.Ordinal) && r.EndsWith('4'));
        Assert.Contains(bandRows, r => r.StartsWith("Medium", StringComparison.Ordinal) && r.EndsWith('9'));
        Assert.Contains(bandRows, r => r.StartsWith("Low", StringComparison.Ordinal) && r.EndsWith('1'));
    }

    [Fact]
    public void Counts_live_services_and_projects_by_status_each_linking_to_the_filtered_tables()
    {
        var page = Render<BoardDashboardPage>();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll(".status-counts tbody tr").Count), TimeSpan.FromSeconds(10));

        string Counts(string status) => string.Join(" / ", page.FindAll($".status-counts tr[data-status='{status}'] td a").Select(a => a.TextContent.Split(' ')[0]));
        Assert.Equal("1 / 0", Counts("Red"));
        Assert.Equal("2 / 2", Counts("Amber"));
        Assert.Equal("7 / 4", Counts("Green"));
        Assert.Equal("services?status=Red#live", page.Find(".status-counts tr[data-status='Red'] td a").GetAttribute("href"));
    }

    [Fact]
    public void Lists_what_needs_attention_with_the_reasons_each_linking_to_its_service()
    {
        var page = Render<BoardDashboardPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".needs-attention li")), TimeSpan.FromSeconds(10));

        var items = page.FindAll(".needs-attention li").Select(li => System.Text.RegularExpressions.Regex.Replace(li.TextContent, @"\s+", " ").Trim()).ToList();

        Assert.Equal("Property Services: Red", items[0]);
        Assert.Contains("Emergency Planning / Business Continuity: Amber; highlight report missing", items);
        Assert.Contains("Payroll: no December 2010 card", items);
        Assert.Contains("Procurement: no December 2010 card", items);
        Assert.Equal(7, items.Count);
        Assert.StartsWith("services/", page.Find(".needs-attention li a").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_savings_delivered_against_target_per_council()
    {
        var page = Render<BoardDashboardPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".savings-summary tbody tr").Count), TimeSpan.FromSeconds(10));

        string Row(string council) => string.Join(" | ", page.FindAll($".savings-summary tr[data-council='{council}'] th, .savings-summary tr[data-council='{council}'] td").Select(c => c.TextContent.Trim()));
        Assert.Equal("BDC | £218,000 | £450,000 | 48%", Row("BDC"));
        Assert.Equal("RBC | £235,000 | £514,000 | 46%", Row("RBC"));
    }
}

public sealed class BoardDashboardPageTestsOnPostgres : BoardDashboardPageTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
