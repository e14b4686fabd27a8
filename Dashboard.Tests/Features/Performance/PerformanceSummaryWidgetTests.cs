using Bunit;
using Dashboard.Domain.Time;
using Dashboard.Features.Board;
using Dashboard.Features.Performance;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Performance;

public class PerformanceSummaryWidgetTests : DashboardTestContext
{
    [Fact]
    public void The_board_dashboard_shows_the_three_figures_per_council_and_combined()
    {
        var page = Render<BoardDashboardPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".pi-summary")), TimeSpan.FromSeconds(10));
        var summary = page.Find(".pi-summary");
        Assert.Contains("Summary as at the end of November 2010", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Measure", "BDC", "RBC", "Combined"], summary.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(3, summary.QuerySelectorAll("tbody tr").Length);
        Assert.All(summary.QuerySelectorAll("td"), td => Assert.Matches(@"^(\d+%|–) \(\d+ of \d+\)$", System.Text.RegularExpressions.Regex.Replace(td.TextContent, @"\s+", " ").Trim()));
    }

    [Fact]
    public void Indicators_that_missed_their_target_are_listed_with_a_link_to_them()
    {
        Services.AddSingleton(new ReportingClock(Time, new DateOnly(2010, 7, 9)));
        var widget = Render<PerformanceSummaryWidget>();

        widget.WaitForAssertion(() => Assert.NotEmpty(widget.FindAll(".pi-missed tbody tr")), TimeSpan.FromSeconds(10));
        var rows = widget.FindAll(".pi-missed tbody tr");
        var waste = Assert.Single(rows, r => r.TextContent.Contains("NI 191", StringComparison.Ordinal));
        Assert.Equal("BDC", waste.QuerySelector("th")!.TextContent.Trim());
        Assert.Contains("146.98 kg against 142.99 kg", waste.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("performance/", waste.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Equal("Missed target", r.QuerySelector("[role='img']")!.GetAttribute("aria-label")));
    }
}

public sealed class PerformanceSummaryWidgetTestsOnPostgres : PerformanceSummaryWidgetTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
