using AngleSharp.Dom;
using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Time;
using Dashboard.Features.Performance;
using Dashboard.Features.Services;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Board;

/// <summary>
/// Each figure the councils' papers print, read off the screen a board member sees, with its provenance: Minute 40/10's
/// 59% / 59% / 76% and 43.06%, and the "illustrative" tag on what was made up.
/// (The Q2 2010/11 report, savings §7, the Appendix A scores and the live services table of §15.2.1 are read off the screen by their own tests.)
/// </summary>
public class PrintedFiguresTests : DashboardTestContext
{
    private static string Text(IElement element) => System.Text.RegularExpressions.Regex.Replace(element.TextContent, @"\s+", " ").Trim();

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
