using AngleSharp.Dom;
using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Features.Performance;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Dashboard.Tests.Features.Performance;

/// <summary>Retiring, reactivating and setting targets on an indicator's own page, and the list's retired indicators.</summary>
public class IndicatorPagesTests : DashboardTestContext
{
    private IRenderedComponent<MudDialogProvider> dialogs = null!;

    public IndicatorPagesTests() => Services.AddScoped<PerformanceCommands>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<int> IdAsync(string reference)
    {
        await using var db = await Database.OpenAsync();
        return await db.PerformanceIndicators.Where(p => p.Ref == reference).Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<IRenderedComponent<IndicatorDetailPage>> OpenAsync(string reference)
    {
        var id = await IdAsync(reference);
        Render<MudPopoverProvider>();
        dialogs = Render<MudDialogProvider>();
        var page = Render<IndicatorDetailPage>(p => p.Add(x => x.Id, id));
        WaitUntilSettled(page, () => Assert.Contains($"{reference}:", page.Find("h1").TextContent, StringComparison.Ordinal));
        return page;
    }

    private static IElement Field(IRenderedComponent<IndicatorDetailPage> page, string label) =>
        page.Find($"input#{page.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for")}");

    private static IElement Button(IRenderedComponent<IndicatorDetailPage> page, string text) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task The_history_table_tags_the_figure_the_minutes_print_and_the_illustrative_ones()
    {
        await SignInAsAsync("Cllr Jordan Ellis", Roles.BoardMember);
        var page = await OpenAsync("NI 192");
        await page.InvokeAsync(() => page.FindAll("button").First(b => b.TextContent.Trim() == "Show as table").Click());

        var september = page.FindAll(".pi-history tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() is "Sep 2010" or "Sept 2010");
        var bdc = september.QuerySelectorAll("td")[0];
        Assert.StartsWith("43.06", bdc.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Minute 40/10", bdc.QuerySelector(".provenance-tag")!.TextContent);
        var august = page.FindAll(".pi-history tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Aug 2010");
        Assert.Equal("illustrative", august.QuerySelectorAll("td")[0].QuerySelector(".provenance-tag")!.TextContent);
    }

    [Fact]
    public async Task An_administrator_retires_an_indicator_after_confirming_and_its_page_says_so_and_stops_taking_figures()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var page = await OpenAsync("LIF 01");
        Assert.Contains("Enter figures", page.Markup, StringComparison.Ordinal);

        await page.InvokeAsync(() => Button(page, "Retire LIF 01").Click());
        WaitUntilSettled(dialogs, () => Assert.Contains("will no longer be owed or counted in the summary figures", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Retire").Click());

        page.WaitForAssertion(() => Assert.Contains("Retired on 9 December 2010.", page.Find("[data-testid='retired']").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.DoesNotContain("Enter figures", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Save targets", page.Markup, StringComparison.Ordinal);
        Assert.Contains("Standing as at the end of November 2010", page.Markup, StringComparison.Ordinal);
        await using var db = await Database.OpenAsync();
        Assert.Equal(new DateOnly(2010, 12, 9), (await db.PerformanceIndicators.SingleAsync(p => p.Ref == "LIF 01", Ct)).RetiredOn);

        await page.InvokeAsync(() => Button(page, "Reactivate LIF 01").Click());
        WaitUntilSettled(dialogs, () => Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Trim() == "Reactivate"));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Reactivate").Click());
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid='retired']")), TimeSpan.FromSeconds(30));
        Assert.Contains("Enter figures", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_confirmation_retires_nothing()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var page = await OpenAsync("LIF 01");

        Button(page, "Retire LIF 01").Click();
        WaitUntilSettled(dialogs, () => Assert.Contains(dialogs.FindAll("button"), b => b.TextContent.Trim() == "Cancel"));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        await using var db = await Database.OpenAsync();
        Assert.Null((await db.PerformanceIndicators.SingleAsync(p => p.Ref == "LIF 01", Ct)).RetiredOn);
        Assert.Empty(page.FindAll("[data-testid='retired']"));
    }

    [Fact]
    public async Task The_indicator_list_shows_retired_indicators_only_on_request_and_never_counts_them()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        Assert.True((await Services.GetRequiredService<PerformanceCommands>().RetireAsync(await IdAsync("LIF 01"), Ct)).Succeeded);
        Render<MudPopoverProvider>();

        var page = Render<PerformancePage>();
        WaitUntilSettled(page, () => Assert.NotEmpty(page.FindAll(".pi-table tbody")));

        Assert.Empty(page.FindAll("tbody[data-pi='LIF 01']"));
        Assert.Equal(17, page.FindAll(".pi-table tbody").Count);
        string Combined() => page.FindAll(".pi-summary tbody tr")[1].QuerySelector("td[data-summary='Combined']")!.TextContent;
        var counted = Combined();

        // Seventeen indicators still reported at two councils, less the data-only one at both (eighteen and thirty-four before).
        Assert.Matches(@"\(\d+ of 32\)", counted);

        page.Find(".mud-switch input").Change(true);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tbody[data-pi='LIF 01']")), TimeSpan.FromSeconds(10));
        Assert.Contains("Retired on 9 December 2010", page.Find("tbody[data-pi='LIF 01']").TextContent, StringComparison.Ordinal);
        Assert.Equal(counted, Combined());
    }

    [Fact]
    public async Task An_administrator_corrects_a_monthly_target_and_the_years_target_follows()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var page = await OpenAsync("BV 12");
        var yearBefore = Field(page, "BDC Year 2010/11 target").GetAttribute("value");

        Field(page, "BDC Mar 2011 target").Input("2");
        await page.InvokeAsync(() => Button(page, "Save targets").Click());

        page.WaitForAssertion(() => Assert.Contains("Saved 1 target.", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await using var db = await Database.OpenAsync();
        var targets = await db.PiTargets.Where(t => t.PerformanceIndicatorId == db.PerformanceIndicators.Single(p => p.Ref == "BV 12").Id && t.Council!.Code == "BDC" && t.FinancialYear == 2010).ToListAsync(Ct);
        Assert.Equal(2m, targets.Single(t => t.PeriodStart == new DateOnly(2011, 3, 1)).Target);
        Assert.Equal(targets.Where(t => t.PeriodStart is not null).Sum(t => t.Target), targets.Single(t => t.PeriodStart is null).Target);
        page.WaitForAssertion(() => Assert.NotEqual(yearBefore, Field(page, "BDC Year 2010/11 target").GetAttribute("value")), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_target_being_typed_survives_a_live_refresh_from_someone_elses_save()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var page = await OpenAsync("LIF 01");
        var (bdc, rbc) = await CouncilsAsync();

        Field(page, "RBC Jan 2011 target").Input("98.5");
        var other = await Services.GetRequiredService<PerformanceCommands>().SaveTargetsAsync(await IdAsync("LIF 01"), new Dashboard.Domain.Time.FinancialYear(2010), [new(bdc, new DateOnly(2011, 2, 1), "99")], Ct);
        Assert.True(other.Succeeded);
        page.WaitForAssertion(() => Assert.Equal("99.00", Field(page, "BDC Feb 2011 target").GetAttribute("value")), TimeSpan.FromSeconds(10));

        await page.InvokeAsync(() => Button(page, "Save targets").Click());

        page.WaitForAssertion(() => Assert.Contains("Saved 1 target.", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await using var db = await Database.OpenAsync();
        Assert.Equal(98.5m, await db.PiTargets.Where(t => t.CouncilId == rbc && t.PeriodStart == new DateOnly(2011, 1, 1) && t.PerformanceIndicatorId == db.PerformanceIndicators.Single(p => p.Ref == "LIF 01").Id).Select(t => t.Target).SingleAsync(Ct));
    }

    private async Task<(int Bdc, int Rbc)> CouncilsAsync()
    {
        await using var db = await Database.OpenAsync();
        return (await db.Councils.Where(c => c.Code == "BDC").Select(c => c.Id).SingleAsync(Ct), await db.Councils.Where(c => c.Code == "RBC").Select(c => c.Id).SingleAsync(Ct));
    }
}

public sealed class IndicatorPagesTestsOnPostgres : IndicatorPagesTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
