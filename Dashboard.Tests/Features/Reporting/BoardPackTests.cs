using Dashboard.Domain.Performance;
using Bunit;
using Dashboard.Auth;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Services;
using Dashboard.Features.Reporting;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Reporting;

public class BoardPackTests : DashboardTestContext
{
    private async Task<BoardPack> PackFor9December2010Async()
    {
        await using var db = await Database.OpenAsync();
        var meeting = await db.BoardMeetings.SingleAsync(m => m.Date == new DateOnly(2010, 12, 9), Xunit.TestContext.Current.CancellationToken);
        return await BoardPackBuilder.BuildAsync(db, meeting, ScoreBandSet.Default, Dashboard.Domain.Performance.PerformanceRules.Default, Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_pack_for_9_December_2010_reproduces_the_progress_report()
    {
        var pack = await PackFor9December2010Async();

        Assert.Equal(9, pack.LiveServices.Count);
        Assert.Equal(["Internal Audit", "Property Services"], pack.LiveServices.Where(s => s.ReceivedUnderWett).Select(s => s.Name));
        Assert.Equal("Progress report §6.3; status illustrative", pack.LiveServices.Single(s => s.Name == "Property Services").Source);
        Assert.Contains(pack.Projects, p => p.Name == "North Worcestershire Economic Development");
        Assert.Empty(pack.HighlightReports);
        Assert.Equal(["Emergency Planning / Business Continuity"], pack.ProjectsMissingHighlightReports);
        Assert.Equal(14, pack.Risks.Count);
        Assert.Equal((9, 6), (pack.Risks.Single(r => r.Ref == "10").Score, pack.Risks.Single(r => r.Ref == "10").ScoreAQuarterEarlier));
        Assert.Equal(450_000m, pack.Savings.Single(s => s.CouncilCode == "BDC").Target);
        Assert.Equal(514_000m, pack.Savings.Single(s => s.CouncilCode == "RBC").Target);
    }

    [Fact]
    public async Task The_printed_sections_follow_the_report_with_words_for_every_status()
    {
        var pack = await PackFor9December2010Async();

        var view = Render<BoardPackView>(p => p.Add(v => v.Pack, pack).Add(v => v.Bands, ScoreBandSet.Default));

        var headings = view.FindAll("h3").Select(h => h.TextContent).ToList();
        Assert.Equal(
            ["1. Summary", "2. Live shared services", "3. Shared services projects underway", "4. Highlight reports (Amber and Red projects)", "5. Benefits realisation (live shared services)", "6. Savings", "7. Performance", "Appendix A. Risks — Shared Services Programme"],
            headings);
        Assert.Contains("Increased from 6", view.Markup, StringComparison.Ordinal);
        Assert.Contains("£450,000", view.Markup, StringComparison.Ordinal);
        var significantMajor = view.Find("td[data-cell='3-3']");
        Assert.Contains("2 risks, band Severe", significantMajor.TextContent, StringComparison.Ordinal);
        Assert.Contains("Risks 8, 10", significantMajor.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_performance_section_shows_the_performance_pages_figures_as_at_the_last_month_end_before_the_meeting()
    {
        var pack = await PackFor9December2010Async();
        Dashboard.Features.Performance.PerformanceOverview page;
        await using (var db = await Database.OpenAsync())
        {
            page = await Dashboard.Features.Performance.PerformanceQueries.OverviewAsAtAsync(
                db, new DateOnly(2010, 11, 1), new DateOnly(2010, 12, 9), PerformanceRules.Default, Xunit.TestContext.Current.CancellationToken);
        }

        var view = Render<BoardPackView>(p => p.Add(v => v.Pack, pack).Add(v => v.Bands, ScoreBandSet.Default));

        Assert.Equal(new DateOnly(2010, 11, 1), pack.Performance!.AsAtMonth);
        Assert.Contains("Summary as at the end of November 2010", view.Markup, StringComparison.Ordinal);
        foreach (var column in page.Summaries)
        {
            var shown = view.FindAll($"td[data-summary='{column.Label}'] strong").Select(c => c.TextContent).ToList();
            Assert.Equal(
                [column.Summary.StableOrImproving.Percent, column.Summary.MetTarget.Percent, column.Summary.ProjectedToMeet.Percent],
                shown.Select(text => (int?)int.Parse(text.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public async Task A_frozen_pack_is_unchanged_by_later_updates()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var admin = AddAuthorization();
        admin.SetAuthorized("Priya Shah");
        admin.SetRoles(Roles.Administrator);
        var user = Services.GetRequiredService<CurrentUser>();
        int meetingId;
        await using (var db = await Database.OpenAsync())
        {
            meetingId = (await db.BoardMeetings.SingleAsync(m => m.Date == new DateOnly(2010, 12, 9), ct)).Id;
        }

        Assert.Null((await BoardPackFreezing.FreezeAsync(Database.Factory, user, meetingId, ScoreBandSet.Default, PerformanceRules.Default, ct)).Error);

        await using (var db = await Database.OpenAsync())
        {
            var card = await db.StatusUpdates.SingleAsync(u => u.SharedService!.Name == "Property Services" && u.Period == new DateOnly(2010, 12, 1), ct);
            card.Rag = Rag.Green;
            card.Commentary = "SLA agreed after the meeting.";
            await db.SaveChangesAsync(ct);
        }

        await using var check = await Database.OpenAsync();
        var frozen = BoardPack.Deserialise((await check.FrozenBoardPacks.SingleAsync(p => p.BoardMeetingId == meetingId, ct)).Content);
        var live = await BoardPackBuilder.BuildAsync(check, await check.BoardMeetings.SingleAsync(m => m.Id == meetingId, ct), ScoreBandSet.Default, PerformanceRules.Default, ct);
        Assert.Equal(Rag.Amber, frozen.LiveServices.Single(s => s.Name == "Property Services").Rag);
        Assert.Equal(Rag.Green, live.LiveServices.Single(s => s.Name == "Property Services").Rag);
        Assert.Equal("This pack was already frozen; reopen the page to see it.", (await BoardPackFreezing.FreezeAsync(Database.Factory, user, meetingId, ScoreBandSet.Default, PerformanceRules.Default, ct)).Error);
    }

    [Fact]
    public async Task Only_administrators_can_freeze_a_pack()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var board = AddAuthorization();
        board.SetAuthorized("Cllr Jordan Ellis");
        board.SetRoles(Roles.BoardMember);
        var user = Services.GetRequiredService<CurrentUser>();
        await using var db = await Database.OpenAsync();
        var meeting = await db.BoardMeetings.FirstAsync(ct);

        var result = await BoardPackFreezing.FreezeAsync(Database.Factory, user, meeting.Id, ScoreBandSet.Default, PerformanceRules.Default, ct);

        Assert.Equal("Only administrators can freeze a board pack.", result.Error);
        Assert.False(await db.FrozenBoardPacks.AnyAsync(ct));
    }
}

/// <summary>The board pack, frozen packs included, built from PostgreSQL.</summary>
public sealed class BoardPackTestsOnPostgres : BoardPackTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
