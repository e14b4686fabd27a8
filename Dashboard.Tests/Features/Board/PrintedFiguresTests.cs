using AngleSharp.Dom;
using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Time;
using Dashboard.Features.Performance;
using Dashboard.Features.Rollups;
using Dashboard.Features.Services;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Features.Board;

/// <summary>
/// Each figure the councils' papers print, read off the screen a board member sees, with its provenance: Minute 40/10's
/// 59% / 59% / 76% and 43.06%, and the "illustrative" tag on what was made up.
/// (Savings §7, the Appendix A scores and the live services table of §15.2.1 are read off the screen by their own tests.)
/// </summary>
public class PrintedFiguresTests : DashboardTestContext
{
    private static string Text(IElement element) => System.Text.RegularExpressions.Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    [Fact]
    public async Task The_q2_2010_11_integrated_report_shows_minute_40_10s_bdc_percentages_worked_out_by_the_rollup()
    {
        var job = new QuarterlyRollupJob(Database.Factory, new ReportingClock(Time, new DateOnly(2010, 12, 9)), ScoreBandSet.Default, PerformanceRules.Default, NullLogger<QuarterlyRollupJob>.Instance);
        await job.RunAsync(2010, 2, QuarterlyRollupJob.Schedule, Xunit.TestContext.Current.CancellationToken);
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);

        var page = Render<QuarterlyReportPage>();

        page.WaitForAssertion(() => Assert.Contains("Minute 40/10", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("Integrated Finance and Performance Report", page.Find("h1").TextContent, StringComparison.Ordinal);
        var bdc = page.FindAll(".mud-table").Single(t => t.QuerySelector("h2")?.TextContent == "BDC");
        string Value(string measure) => bdc.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("td")!.TextContent == measure).QuerySelectorAll("td")[1].TextContent.Trim();
        Assert.Equal("59", Value(PerformanceSummary.StableOrImprovingWording));
        Assert.Equal("59", Value(PerformanceSummary.MetTargetWording));
        Assert.Equal("76", Value(PerformanceSummary.ProjectedToMeetWording));
        Assert.EndsWith("as at the month end", PerformanceSummary.MetTargetWording, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_performance_page_as_at_september_2010_shows_the_same_percentages_and_the_recycling_rate_with_its_minute()
    {
        Services.AddSingleton(new ReportingClock(Time, new DateOnly(2010, 10, 9)));
        Services.AddScoped<PerformanceCommands>();
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);

        var page = Render<PerformancePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".pi-table tbody")), TimeSpan.FromSeconds(10));

        Assert.Contains("Summary as at the end of September 2010", page.Markup, StringComparison.Ordinal);
        Assert.Equal(
            ["59% (10 of 17)", "59% (10 of 17)", "76% (13 of 17)"],
            page.FindAll(".pi-summary td[data-summary='BDC']").Select(Text));

        var recycling = page.Find("tbody[data-pi='NI 192'] tr[data-council='BDC']");
        Assert.Contains("43.06%", Text(recycling), StringComparison.Ordinal);
        Assert.Equal("Minute 40/10", recycling.QuerySelector(".provenance-tag")!.TextContent);
        Assert.Equal("illustrative", page.Find("tbody[data-pi='NI 192'] tr[data-council='RBC'] .provenance-tag").TextContent);
    }

    [Fact]
    public async Task Each_card_says_where_its_commentary_is_printed_and_that_its_status_is_illustrative()
    {
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);

        var page = Render<ServicesPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tr[data-service]")), TimeSpan.FromSeconds(10));

        Assert.Equal("Progress report §6.3; status illustrative", page.Find("tr[data-service='Property Services'] .provenance-tag").TextContent);
        Assert.Equal("Minute 40/10; status illustrative", page.Find("tr[data-service='Community Safety'] .provenance-tag").TextContent);
        Assert.Equal("Progress report §5.3; status illustrative", page.Find("tr[data-service='Environmental Services'] .provenance-tag").TextContent);
        // Payroll has not written December's card: its latest, November's, is the report's §3.2.4.
        Assert.Equal("Progress report §3.2.4; status illustrative", page.Find("tr[data-service='Payroll'] .provenance-tag").TextContent);
        Assert.All(page.FindAll(".provenance-tag"), tag => Assert.False(string.IsNullOrEmpty(tag.GetAttribute("title"))));
    }
}

public sealed class PrintedFiguresTestsOnPostgres : PrintedFiguresTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
