using AngleSharp.Dom;
using Bunit;
using Dashboard.Domain.Time;
using Dashboard.Features.Performance;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Performance;

public class PerformancePageTests : DashboardTestContext
{
    public PerformancePageTests() => Services.AddScoped<PerformanceCommands>();

    private IRenderedComponent<PerformancePage> RenderLoaded()
    {
        var page = Render<PerformancePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".pi-table tbody")), TimeSpan.FromSeconds(10));
        return page;
    }

    private static IElement Row(IRenderedComponent<PerformancePage> page, string reference, string council) =>
        page.Find($"tbody[data-pi='{reference}'] tr[data-council='{council}']");

    private static string Text(IElement element) => System.Text.RegularExpressions.Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    [Fact]
    public void Every_seeded_indicator_has_a_row_per_council_with_a_light_and_trend_arrows()
    {
        var page = RenderLoaded();

        Assert.Equal(18, page.FindAll(".pi-table tbody").Count);
        Assert.Equal(36, page.FindAll(".pi-table tbody tr").Count);
        Assert.Contains("Indicators as at the end of November 2010", page.Markup, StringComparison.Ordinal);
        var recycling = Text(Row(page, "NI 192", "BDC"));
        Assert.Matches("(Met target|Within tolerance|Missed target)", recycling);
        Assert.Matches("(Improving|Stable|Worsening) on Oct 2010", recycling);
        Assert.Matches("(Improving|Stable|Worsening) on Nov 2009", recycling);
        Assert.Contains("Run rate", recycling, StringComparison.Ordinal);
    }

    [Fact]
    public void Bromsgrove_household_waste_missed_its_first_quarter_target_as_the_report_says()
    {
        Services.AddSingleton(new ReportingClock(Time, new DateOnly(2010, 7, 9)));
        var page = RenderLoaded();

        var bdc = Row(page, "NI 191", "BDC");
        Assert.Contains("146.98 kg", Text(bdc), StringComparison.Ordinal);
        Assert.Contains("142.99 kg", Text(bdc), StringComparison.Ordinal);
        var light = bdc.QuerySelector("[role='img']")!;
        Assert.Equal("Missed target", light.GetAttribute("aria-label"));
        var why = page.Find($"#{light.GetAttribute("aria-describedby")}");
        Assert.Equal(
            "Missed target. Year-to-date actual 146.98 kg against a target of 142.99 kg; lower is better, so it is worse than target by 2.8%, beyond the 2% tolerance.",
            why.TextContent);

        // The report prints no RBC actual: RBC's series is illustrative and does not pass off its 578 target as figures.
        var rbc = Row(page, "NI 191", "RBC");
        Assert.DoesNotContain("578", Text(rbc), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_pages_share_one_snapshot_of_the_month_that_keeps_no_indicator_histories()
    {
        var page = RenderLoaded();
        var reads = Services.GetRequiredService<Dashboard.Live.SharedReads>();

        var snapshot = await reads.GetAsync(new PerformancePageView(new DateOnly(2010, 11, 1), new DateOnly(2010, 12, 9)));

        Assert.Same(snapshot, await reads.GetAsync(new PerformancePageView(new DateOnly(2010, 11, 1), new DateOnly(2010, 12, 9))));
        Assert.All(snapshot.Indicators.Concat(snapshot.Overview.Indicators.Select(i => i.Indicator)), pi => Assert.Empty(pi.Values.Concat<object>(pi.Targets).Concat(pi.Baselines)));
        Assert.All(snapshot.Overview.Indicators.SelectMany(i => i.Councils), c => Assert.Empty(c.Figures.Values));
        Assert.All(snapshot.YearSoFar, month => Assert.Empty(month.Indicators));
        // What the page still needs from the histories it took beforehand: the sparklines' rows and the latest figures' sources.
        Assert.NotEmpty(snapshot.Recent[snapshot.Indicators.Single(pi => pi.Ref == "NI 192").Id].Rows);
        Assert.NotEmpty(page.FindAll(".pi-table .provenance-tag"));
    }

    [Fact]
    public void A_late_figure_is_marked_stale_and_a_current_one_is_not()
    {
        var page = RenderLoaded();

        // The demo leaves out November's Lifeline figure, so October's is more than 32 days old on 9 December.
        Assert.Contains("Stale", Text(Row(page, "LIF 01", "BDC")), StringComparison.Ordinal);
        Assert.Contains("(Oct 2010)", Text(Row(page, "LIF 01", "BDC")), StringComparison.Ordinal);
        Assert.DoesNotContain("Stale", Text(Row(page, "NI 191", "BDC")), StringComparison.Ordinal);
    }

    [Fact]
    public void Data_only_indicators_have_no_light_and_are_left_out_of_the_met_target_figure()
    {
        var page = RenderLoaded();

        Assert.Equal("No traffic light", Row(page, "CS 01", "RBC").QuerySelector("[role='img']")!.GetAttribute("aria-label"));
        Assert.Contains("Data only", Text(Row(page, "CS 01", "RBC")), StringComparison.Ordinal);

        var summary = page.Find(".pi-summary");
        Assert.Contains("% of performance indicators stable or improving", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("% projected to meet their target at the year end", summary.TextContent, StringComparison.Ordinal);
        var met = summary.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("% of performance indicators that have a target that have met their target as at the month end", StringComparison.Ordinal));
        // Eighteen indicators at two councils, less the data-only one at both.
        Assert.Matches(@"\(\d+ of 34\)", Text(met.QuerySelector("td[data-summary='Combined']")!));
        Assert.Matches(@"\(\d+ of 17\)", Text(met.QuerySelector("td[data-summary='BDC']")!));
        Assert.Contains("Not counted in \"met their target\": 2 indicators without a target", Text(page.Find(".pi-exclusions")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_detail_page_shows_the_indicator_its_baselines_and_both_councils()
    {
        await SignInAsAsync("Cllr Jordan Ellis", Dashboard.Domain.Organisation.Roles.BoardMember);
        var id = PiId("NI 191");
        var page = Render<IndicatorDetailPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Contains("NI 191: Household waste (kg)", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        Assert.Contains("lower is better", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Baseline BDC", page.Markup, StringComparison.Ordinal);
        Assert.Equal(["BDC", "RBC"], page.FindAll(".pi-table tbody tr").Select(r => r.GetAttribute("data-council")));
    }

    [Fact]
    public async Task An_unknown_indicator_says_so()
    {
        await SignInAsAsync("Cllr Jordan Ellis", Dashboard.Domain.Organisation.Roles.BoardMember);
        var page = Render<IndicatorDetailPage>(p => p.Add(x => x.Id, 999_999));
        page.WaitForAssertion(() => Assert.Contains("Indicator not found", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    private int PiId(string reference)
    {
        using var db = Database.Factory.CreateDbContext();
        return db.PerformanceIndicators.Single(p => p.Ref == reference).Id;
    }
}

public sealed class PerformancePageTestsOnPostgres : PerformancePageTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
