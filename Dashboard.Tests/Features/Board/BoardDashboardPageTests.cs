using AngleSharp.Dom;
using Bunit;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Services;
using Dashboard.Features.Board;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Features.Board;

public class BoardDashboardPageTests : DashboardTestContext
{
    private static CancellationToken Cancel => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public void Lists_the_nine_live_services_with_their_status_in_words()
    {
        var page = Render<BoardDashboardPage>();

        page.WaitForAssertion(() => Assert.Equal(15, page.FindAll("tr[data-service]").Count), TimeSpan.FromSeconds(10));
        var rows = page.FindAll("caption").Single(c => c.TextContent == "Live shared services").ParentElement!.QuerySelectorAll("tr[data-service]");
        Assert.Equal(9, rows.Length);
        Assert.Equal("Community Safety", rows[0].GetAttribute("data-service"));
        Assert.Equal("Property Services", rows[8].GetAttribute("data-service"));

        // Property Services is a WETT service the councils receive (Appendix B); its December card is Amber (§6.3).
        var propertyServices = rows[8];
        Assert.Contains("Amber", propertyServices.TextContent, StringComparison.Ordinal);
        Assert.NotNull(propertyServices.QuerySelector("[aria-label='Status Amber']"));
        Assert.Contains("Service Level Agreement not yet agreed", propertyServices.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(rows, r => r.GetAttribute("data-service") == "North Worcestershire Economic Development");
        Assert.Contains(page.FindAll("tr[data-service]"), r => r.GetAttribute("data-service") == "North Worcestershire Economic Development");
    }

    /// <summary>The board dashboard's "open programme risks by score band" rows, as text.</summary>
    private List<string> ProgrammeRiskBandRows()
    {
        var page = Render<BoardDashboardPage>();
        page.WaitForAssertion(() => Assert.Contains("Open programme risks by score band", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        return page.FindAll("caption")
            .Single(c => c.TextContent.Contains("score band", StringComparison.Ordinal))
            .ParentElement!.QuerySelectorAll("tbody tr")
            .Select(r => r.TextContent)
            .ToList();
    }

    [Fact]
    public void Counts_open_programme_risks_by_written_band_name()
    {
        var bandRows = ProgrammeRiskBandRows();

        // Scores 9, 9, 8, 8 are Severe; 6, 6, 6, 6, 4, 4, 4, 4 Moderate; 3 Tolerable (Appendix A).
        Assert.Contains(bandRows, r => r.StartsWith("Severe", StringComparison.Ordinal) && r.EndsWith('4'));
        Assert.Contains(bandRows, r => r.StartsWith("Moderate", StringComparison.Ordinal) && r.EndsWith('9'));
        Assert.Contains(bandRows, r => r.StartsWith("Tolerable", StringComparison.Ordinal) && r.EndsWith('1'));
    }

    [Fact]
    public void Counts_live_services_and_projects_by_status_each_linking_to_the_filtered_tables()
    {
        var page = Render<BoardDashboardPage>();
        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll(".status-counts tbody tr").Count), TimeSpan.FromSeconds(10));

        string Counts(string status) => string.Join(" / ", page.FindAll($".status-counts tr[data-status='{status}'] td a").Select(a => a.TextContent.Split(' ')[0]));
        Assert.Equal("0 / 0", Counts("Red"));
        Assert.Equal("2 / 1", Counts("Amber"));
        Assert.Equal("7 / 5", Counts("Green"));
        Assert.Equal("services?status=Amber#live", page.Find(".status-counts tr[data-status='Amber'] td a").GetAttribute("href"));
    }

    [Fact]
    public void Lists_what_needs_attention_with_the_reasons_each_linking_to_its_service()
    {
        var page = Render<BoardDashboardPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".needs-attention li")), TimeSpan.FromSeconds(10));

        var items = page.FindAll(".needs-attention li").Select(li => System.Text.RegularExpressions.Regex.Replace(li.TextContent, @"\s+", " ").Trim()).ToList();

        // Amber cards first (in the report's order), then the services whose December card is overdue.
        Assert.Equal(
            [
                "Community Safety: Amber",
                "Emergency Planning / Business Continuity: Amber; highlight report missing",
                "Property Services: Amber",
                "Payroll: no December 2010 card",
                "Procurement: no December 2010 card",
            ],
            items);
        Assert.StartsWith("services/", page.Find(".needs-attention li a").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_the_reports_savings_estimate_as_forecast_against_target_and_says_delivered_to_date_is_not_reported()
    {
        var page = Render<BoardDashboardPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".savings-summary tbody tr").Count), TimeSpan.FromSeconds(10));

        string Row(string council) => string.Join(" | ", page.FindAll($".savings-summary tr[data-council='{council}'] th, .savings-summary tr[data-council='{council}'] td").Select(c => c.TextContent.Trim()));
        Assert.Equal("BDC | £450,000 | £450,000 | Not yet reported", Row("BDC"));
        Assert.Equal("RBC | £514,000 | £514,000 | Not yet reported", Row("RBC"));
        Assert.Equal("Forecast £964,000 of £964,000 target; delivered to date not yet reported.", page.Find(".savings-statement").TextContent.Trim());
        Assert.Contains("Single management team: forecast £330,000 of £330,000 target, not split between the councils and so not in the totals.",
            page.Find(".savings-not-split").TextContent.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries).Aggregate((a, b) => a + " " + b), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_shows_its_latest_month_even_when_an_older_month_was_entered_after_it()
    {
        await using (var db = await Database.OpenAsync())
        {
            var property = await db.SharedServices.SingleAsync(s => s.Name == "Property Services", Cancel);
            var someone = await db.People.Select(p => p.Id).FirstAsync(Cancel);
            db.StatusUpdates.Add(new StatusUpdate
            {
                SharedServiceId = property.Id,
                Period = new DateOnly(2005, 1, 1),
                Rag = Rag.Green,
                Commentary = "Backfilled from the 2005 papers",
                UpdatedById = someone,
                UpdatedAt = Time.GetUtcNow(),
            });
            await db.SaveChangesAsync(Cancel);
        }

        var page = Render<BoardDashboardPage>();

        page.WaitForAssertion(() => Assert.Equal(15, page.FindAll("tr[data-service]").Count), TimeSpan.FromSeconds(10));
        var row = page.FindAll("tr[data-service='Property Services']").Single();
        Assert.NotNull(row.QuerySelector("[aria-label='Status Amber']"));
        Assert.Contains("Service Level Agreement not yet agreed", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Backfilled", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_two_assessments_made_at_the_same_moment_the_one_entered_last_places_the_risk()
    {
        // Move the programme register's one Tolerable risk (score 3) to Severe with a reassessment stamped with the same moment.
        await using (var db = await Database.OpenAsync())
        {
            var programme = await db.RiskRegisters.Where(r => r.SharedServiceId == null).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(Cancel);
            var low = (await db.Risks.Where(r => r.RiskRegisterId == programme && r.Status == RiskStatus.Open).Include(r => r.Assessments).ToListAsync(Cancel))
                .Single(r => RiskHistory.Current(r.Assessments)!.Score.Value == 3);
            var current = RiskHistory.Current(low.Assessments)!;
            db.RiskAssessments.Add(new RiskAssessment
            {
                RiskId = low.Id,
                Likelihood = Likelihood.Significant,
                Impact = Impact.Major,
                AssessedAt = current.AssessedAt,
                AssessedById = current.AssessedById,
                Reason = "Corrected at the same meeting",
            });
            await db.SaveChangesAsync(Cancel);
        }

        var bandRows = ProgrammeRiskBandRows();
        Assert.Contains(bandRows, r => r.StartsWith("Severe", StringComparison.Ordinal) && r.EndsWith('5'));
        Assert.Contains(bandRows, r => r.StartsWith("Tolerable", StringComparison.Ordinal) && r.EndsWith('0'));
    }

    [Fact]
    public async Task Shows_the_next_board_meeting_with_what_falls_due_before_it_and_moves_on_when_it_is_cancelled()
    {
        var page = Render<BoardDashboardPage>();
        IElement Next() => page.Find("[data-testid='next-meeting']");

        page.WaitForAssertion(() => Assert.Equal("9 December 2010: Shared Services Board, Town Hall, Redditch", Next().TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("due by", page.Find(".next-meeting .deadline-list").TextContent, StringComparison.Ordinal);

        await using (var db = await Database.OpenAsync())
        {
            var today = await db.BoardMeetings.SingleAsync(m => m.Date == new DateOnly(2010, 12, 9), Cancel);
            today.CancelledAt = Time.GetUtcNow();
            await db.SaveChangesAsync(Cancel);
        }

        Notifier.Publish(new Dashboard.Live.DashboardChange(Dashboard.Live.ChangeArea.Meetings, 0, "The meeting of 9 December 2010 is cancelled."));
        page.WaitForAssertion(() => Assert.StartsWith("13 January 2011: Shared Services Board", Next().TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Says_so_when_no_board_meeting_is_scheduled()
    {
        await using (var db = await Database.OpenAsync())
        {
            await db.BoardMeetings.ExecuteDeleteAsync(Cancel);
        }

        var page = Render<BoardDashboardPage>();

        page.WaitForAssertion(() => Assert.Equal("No board meeting is scheduled yet.", page.Find("[data-testid='no-meeting']").TextContent), TimeSpan.FromSeconds(10));
    }
}

/// <summary>The board dashboard's widgets read through provider-specific SQL (latest card, latest assessment): the same page on PostgreSQL.</summary>
public sealed class BoardDashboardPageTestsOnPostgres : BoardDashboardPageTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
