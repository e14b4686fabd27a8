using AngleSharp.Dom;
using Bunit;
using Dashboard.Domain.Risks;
using Dashboard.Features.Risks;
using Dashboard.Live;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Risks;

public class RiskRegisterPageTests : DashboardTestContext
{
    private IRenderedComponent<RiskRegisterPage> RenderLoaded()
    {
        var page = Render<RiskRegisterPage>();
        // Loaded: the shared read has arrived (it completes on another thread) and the table shows it, then settled.
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("table.risk-matrix")), TimeSpan.FromSeconds(10));
        WaitUntilSettled(page, () => Assert.NotEmpty(TableRefs(page)));
        return page;
    }

    private static IElement Cell(IRenderedComponent<RiskRegisterPage> page, int likelihood, int impact) => page.Find($"td[data-cell='{likelihood}-{impact}']");

    /// <summary>The cell button's name as a screen reader computes it from content (hidden text included).</summary>
    private static string AccessibleText(IElement element) =>
        System.Text.RegularExpressions.Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    private static List<string> TableRefs(IRenderedComponent<RiskRegisterPage> page) =>
        page.FindAll(".risk-register tbody tr td[data-label='Ref']").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public void Programme_risks_sit_in_the_cells_the_report_gives_them()
    {
        var page = RenderLoaded();

        Assert.Contains("Risks 8, 10", Cell(page, 3, 3).TextContent, StringComparison.Ordinal);
        Assert.Contains("Risks 2, 6", Cell(page, 2, 4).TextContent, StringComparison.Ordinal);
        Assert.Equal("Likelihood Significant, Impact Major, 2 risks, band Severe: Risks 8, 10", AccessibleText(Cell(page, 3, 3).QuerySelector("button")!));
        Assert.Equal("Likelihood High, Impact Critical, 0 risks, band Severe", AccessibleText(Cell(page, 4, 4).QuerySelector("button")!));
    }

    [Fact]
    public void Cell_counts_add_up_to_the_register()
    {
        var page = RenderLoaded();

        var counts = page.FindAll(".risk-matrix .risk-matrix-count").Sum(c => int.Parse(c.TextContent, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(14, counts);
        Assert.Contains("Register (14)", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Selecting_a_cell_filters_the_register_and_selecting_it_again_clears_the_filter()
    {
        var page = RenderLoaded();

        Cell(page, 3, 3).QuerySelector("button")!.Click();
        Assert.Equal(["8", "10"], TableRefs(page));
        Assert.Equal("true", Cell(page, 3, 3).QuerySelector("button")!.GetAttribute("aria-pressed"));

        Cell(page, 3, 3).QuerySelector("button")!.Click();
        Assert.Equal(14, TableRefs(page).Count);
        Assert.Equal("false", Cell(page, 3, 3).QuerySelector("button")!.GetAttribute("aria-pressed"));
    }

    [Fact]
    public void Movement_since_a_quarter_ago_shows_risk_10_increased_and_four_risks_reduced()
    {
        var page = RenderLoaded();

        var rows = page.FindAll(".risk-register tbody tr");
        string MovementOf(string reference) => rows.Single(r => r.QuerySelector("td[data-label='Ref']")!.TextContent.Trim() == reference)
            .QuerySelector("td[data-label='Movement'] .movement")!.TextContent.Trim();

        Assert.Equal("Increased from 6", MovementOf("10"));
        Assert.Equal("Reduced from 6", MovementOf("3"));
        Assert.Equal("Reduced from 8", MovementOf("14"));
        Assert.Equal("No change", MovementOf("8"));
    }

    [Fact]
    public void Every_cell_writes_its_band_name()
    {
        var page = RenderLoaded();

        foreach (var cell in page.FindAll(".risk-matrix tbody td"))
        {
            Assert.Matches("^(Tolerable|Moderate|Severe)$", cell.QuerySelector(".risk-matrix-band")!.TextContent);
        }
    }

    private static IElement? LinkNamed(IRenderedComponent<RiskRegisterPage> page, string text) =>
        page.FindAll("a").FirstOrDefault(a => a.TextContent.Trim() == text);

    [Fact]
    public async Task An_administrator_can_add_import_and_export_the_register_shown()
    {
        await SignInAsAsync("Priya Shah", Dashboard.Domain.Organisation.Roles.Administrator);
        var page = RenderLoaded();

        var add = LinkNamed(page, "Add a risk to Shared Services Programme")!.GetAttribute("href")!;
        Assert.Matches("^risks/registers/[0-9]+/add$", add);
        Assert.Matches("^risks/registers/[0-9]+/import$", LinkNamed(page, "Import from Excel or CSV")!.GetAttribute("href")!);
        Assert.NotNull(LinkNamed(page, "Add an issue"));
    }

    [Fact]
    public async Task A_board_member_can_export_but_not_add_or_import()
    {
        await SignInAsAsync("Cllr Jordan Ellis", Dashboard.Domain.Organisation.Roles.BoardMember);
        var page = RenderLoaded();

        Assert.Null(LinkNamed(page, "Add a risk to Shared Services Programme"));
        Assert.Null(LinkNamed(page, "Import from Excel or CSV"));
        Assert.Null(LinkNamed(page, "Add an issue"));
        Assert.Matches("^risks/registers/[0-9]+/export\\.xlsx\\?compare=2010-09-09$", LinkNamed(page, "Export this view to Excel")!.GetAttribute("href")!);
        Assert.EndsWith("export.csv?compare=2010-09-09", LinkNamed(page, "Export this view to CSV")!.GetAttribute("href")!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_export_takes_the_view_on_screen_with_it()
    {
        var page = RenderLoaded();

        Cell(page, 3, 3).QuerySelector("button")!.Click();
        page.Find(".risk-register input").Input("WETT");

        Assert.Equal(["10"], TableRefs(page));
        Assert.EndsWith("export.xlsx?compare=2010-09-09&cell=3-3&search=WETT", LinkNamed(page, "Export this view to Excel")!.GetAttribute("href")!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_issues_log_beside_the_register_lists_its_open_issues()
    {
        var page = RenderLoaded();

        var log = page.Find(".issues-log");
        Assert.Contains("Issues log (1)", log.TextContent, StringComparison.Ordinal);
        Assert.Contains("I-1", log.TextContent, StringComparison.Ordinal);
        Assert.Contains("Raised from risk 2", log.TextContent, StringComparison.Ordinal);
        Assert.Contains("In progress", log.TextContent, StringComparison.Ordinal);
    }

    /// <summary>Closes a programme risk straight in the database, announcing nothing (the test announces).</summary>
    private async Task CloseProgrammeRiskAsync(string reference)
    {
        await using var db = await Database.OpenAsync();
        var risk = await db.Risks.SingleAsync(r => r.Ref == reference && r.RiskRegister!.SharedServiceId == null, Xunit.TestContext.Current.CancellationToken);
        risk.Status = RiskStatus.Closed;
        await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_open_register_refreshes_for_a_risk_change_and_ignores_a_change_it_does_not_show()
    {
        var page = RenderLoaded();
        page.WaitForAssertion(() => Assert.Equal(1, Notifier.SubscriberCount), TimeSpan.FromSeconds(10));
        // Renders arrive on the renderer's thread while the test reads: a snapshot-safe collection.
        var shown = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.OnMarkupUpdated += (_, _) => shown.Enqueue(page.Markup);
        await CloseProgrammeRiskAsync("8");

        Notifier.Publish(new DashboardChange(ChangeArea.StatusCards, 1, "ICT status set to Amber"));
        Notifier.Publish(new DashboardChange(ChangeArea.Risks, 8, "Risk 8 closed"));

        page.WaitForAssertion(() => Assert.Contains("Updated just now: Risk 8 closed", page.Find(".live-change").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("8", TableRefs(page));
        Assert.Equal(13, TableRefs(page).Count);
        Assert.DoesNotContain(shown, markup => markup.Contains("ICT status set to Amber", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Open_registers_showing_the_same_view_share_one_read_until_a_change_is_announced()
    {
        var reads = Services.GetRequiredService<Dashboard.Live.SharedReads>();
        var quarterAgo = new RiskFilter { ComparedWith = new DateOnly(2010, 9, 9) }.ComparisonPoint;

        var first = await reads.GetAsync(new RiskRegisterView(null, quarterAgo));
        await CloseProgrammeRiskAsync("8");
        var second = await reads.GetAsync(new RiskRegisterView(null, quarterAgo));
        Assert.Same(first, second);

        Notifier.Publish(new DashboardChange(ChangeArea.Risks, 8, "Risk 8 closed"));
        var afterChange = await reads.GetAsync(new RiskRegisterView(null, quarterAgo));

        Assert.NotSame(first, afterChange);
        Assert.Equal(RiskStatus.Closed, afterChange.Risks.Single(r => r.Ref == "8" && r.Register == "Shared Services Programme").Status);
        Assert.NotSame(first, await reads.GetAsync(new RiskRegisterView(null, DateTimeOffset.MinValue)));
    }
}

public sealed class RiskRegisterPageTestsOnPostgres : RiskRegisterPageTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
