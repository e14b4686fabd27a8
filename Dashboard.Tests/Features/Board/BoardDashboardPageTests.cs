using Bunit;
using Dashboard.Features.Board;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Features.Board;

public sealed class BoardDashboardPageTests : DashboardTestContext
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
}
