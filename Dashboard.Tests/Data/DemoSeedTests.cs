using Dashboard.Domain.Risks;
using Dashboard.Domain.Services;
using Dashboard.Features.Risks;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Data;

public class DemoSeedTests
{
    /// <summary>Overridden by <see cref="DemoSeedTestsOnPostgres"/>.</summary>
    protected virtual Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Sqlite;

    [Fact]
    public async Task Seeds_the_reports_fourteen_programme_risks_with_their_scores()
    {
        await using var database = await TestDatabase.CreateSeededAsync(Provider);
        await using var db = await database.OpenAsync();
        var programme = await RiskQueries.ProgrammeRegisterAsync(db, TestContext.Current.CancellationToken);
        var risks = await RiskQueries.CurrentRisksAsync(db, programme!.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(14, risks.Count);
        Assert.Equal(
            ["6", "8", "3", "4", "6", "8", "6", "9", "6", "9", "4", "6", "4", "4"],
            risks.Select(r => r.Score!.Value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var risk8 = risks.Single(r => r.Ref == "8");
        Assert.Equal("Differences in terms and conditions", risk8.Title);
        Assert.Equal(Likelihood.Significant, risk8.Score!.Value.Likelihood);
        Assert.Equal(Impact.Major, risk8.Score!.Value.Impact);
        Assert.StartsWith("The potential WETT programme (Phase 2) now conflicts", risks.Single(r => r.Ref == "10").Mitigation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Risks_the_report_says_moved_carry_their_earlier_assessment()
    {
        await using var database = await TestDatabase.CreateSeededAsync(Provider);
        await using var db = await database.OpenAsync();
        var history = await db.Risks.Where(r => r.RiskRegister!.SharedServiceId == null)
            .Select(r => new { r.Ref, Scores = r.Assessments.OrderBy(a => a.AssessedAt).Select(a => (int)a.Likelihood * (int)a.Impact).ToList() })
            .ToListAsync(TestContext.Current.CancellationToken);

        foreach (var reduced in new[] { "3", "11", "13", "14" })
        {
            var scores = history.Single(h => h.Ref == reduced).Scores;
            Assert.True(scores.Count == 2 && scores[0] > scores[1], $"Risk {reduced} should have been reduced: {string.Join(" → ", scores)}");
        }

        var increased = history.Single(h => h.Ref == "10").Scores;
        Assert.True(increased.Count == 2 && increased[0] < increased[1], $"Risk 10 should have been increased: {string.Join(" → ", increased)}");
        Assert.All(history.Where(h => h.Ref is "1" or "2" or "8"), h => Assert.Single(h.Scores));
    }

    [Fact]
    public async Task Seeds_the_reports_nine_live_services_and_the_projects_with_environmental_services_a_review_without_highlight_reports()
    {
        await using var database = await TestDatabase.CreateSeededAsync(Provider);
        await using var db = await database.OpenAsync();
        var ct = TestContext.Current.CancellationToken;

        var live = await db.SharedServices.Where(s => s.Phase == ServicePhase.Live).OrderBy(s => s.Id).Select(s => s.Name).ToListAsync(ct);
        Assert.Equal(
            ["Community Safety", "Elections", "ICT", "CCTV & Lifeline", "Payroll", "Procurement", "Climate Change", "Internal Audit", "Property Services"],
            live);
        Assert.Contains("North Worcestershire Economic Development",
            await db.SharedServices.Where(s => s.Phase == ServicePhase.ProjectUnderway).Select(s => s.Name).ToListAsync(ct));
    }

    [Fact]
    public async Task Every_seeded_record_says_where_it_is_printed_or_that_it_is_illustrative()
    {
        await using var database = await TestDatabase.CreateSeededAsync(Provider);
        await using var db = await database.OpenAsync();
        var ct = TestContext.Current.CancellationToken;

        Assert.False(await db.StatusUpdates.AnyAsync(u => u.Source == null, ct));
        Assert.False(await db.BenefitEntries.AnyAsync(b => b.Source == null, ct));
        Assert.False(await db.RiskRegisters.AnyAsync(r => r.Source == null, ct));
        Assert.False(await db.Risks.AnyAsync(r => r.Source == null, ct));
        Assert.False(await db.RiskAssessments.AnyAsync(a => a.Source == null, ct));
        Assert.False(await db.RiskIssues.AnyAsync(i => i.Source == null, ct));
        Assert.False(await db.PiValues.AnyAsync(v => v.Source == null, ct));
        Assert.False(await db.HighlightReports.AnyAsync(ct));

        // What the papers print is never called illustrative; invented earlier scores never pass as the report's.
        Assert.Equal("Minute 40/10", await db.PiValues.Where(v => v.PerformanceIndicator!.Ref == "NI 192" && v.Council!.Code == "BDC" && v.PeriodStart == new DateOnly(2010, 9, 1)).Select(v => v.Source).SingleAsync(ct));
        var risk3 = await db.RiskAssessments.Where(a => db.Risks.Any(r => r.Id == a.RiskId && r.Ref == "3" && r.RiskRegister!.Kind == RiskRegisterKind.Programme))
            .OrderBy(a => a.AssessedAt).Select(a => a.Source).ToListAsync(ct);
        Assert.Equal([Dashboard.Domain.Provenance.Illustrative, "Appendix A; date illustrative"], risk3);
    }

    [Fact]
    public async Task Savings_are_section_7_as_printed_with_no_invented_delivered_figure_or_second_management_team_line()
    {
        await using var database = await TestDatabase.CreateSeededAsync(Provider);
        await using var db = await database.OpenAsync();
        var ct = TestContext.Current.CancellationToken;

        var lines = (await db.SavingsLines.Include(s => s.Council).ToListAsync(ct))
            .Select(s => (s.FinancialYear, Council: s.Council?.Code, s.Description, s.Target, s.Forecast, s.Delivered, s.Source))
            .OrderBy(l => l.FinancialYear).ThenBy(l => l.Council is null).ThenBy(l => l.Council)
            .ToList();

        Assert.Equal(
        [
            (2010, "BDC", "Shared services and joint working", 450_000m, 450_000m, (decimal?)null, "Progress report §7.2"),
            (2010, "RBC", "Shared services and joint working", 514_000m, 514_000m, null, "Progress report §7.2"),
            (2010, null, "Single management team", 330_000m, 330_000m, null, "Progress report §7.1"),
            (2011, null, "Single management team", 450_000m, 450_000m, null, "Progress report §7.1"),
        ], lines);
    }

    [Fact]
    public async Task Household_waste_reproduces_the_appendix_b_row()
    {
        await using var database = await TestDatabase.CreateSeededAsync(Provider);
        await using var db = await database.OpenAsync();
        var ct = TestContext.Current.CancellationToken;
        var q1 = new[] { new DateOnly(2010, 4, 1), new DateOnly(2010, 5, 1), new DateOnly(2010, 6, 1) };

        var actual = (await db.PiValues.Where(v => v.PerformanceIndicator!.Ref == "NI 191" && v.Council!.Code == "BDC" && q1.Contains(v.PeriodStart)).Select(v => v.Value).ToListAsync(ct)).Sum();
        var target = (await db.PiTargets.Where(t => t.Council!.Code == "BDC" && t.PeriodStart != null && q1.Contains(t.PeriodStart.Value) && db.PerformanceIndicators.Any(p => p.Id == t.PerformanceIndicatorId && p.Ref == "NI 191")).Select(t => t.Target).ToListAsync(ct)).Sum();
        var recycling = await db.PiValues.Where(v => v.PerformanceIndicator!.Ref == "NI 192" && v.Council!.Code == "BDC" && v.PeriodStart == new DateOnly(2010, 9, 1)).Select(v => v.Value).SingleAsync(ct);

        Assert.Equal(146.98m, actual);
        Assert.Equal(142.99m, target);
        Assert.Equal(43.06m, recycling);

        // The row itself, exactly as printed: no ref, no baselines, RBC with a target and nothing else, and its source.
        var row = await db.KeyStandards.Include(k => k.Figures).ThenInclude(f => f.Council).SingleAsync(k => k.Description == "Household waste (kg)", ct);
        Assert.Equal(((int?)null, (string?)null), (row.PerformanceIndicatorId, row.Ref));
        Assert.StartsWith("Progress report of 9 December 2010, Appendix B", row.Source, StringComparison.Ordinal);
        var bdc = row.Figures.Single(f => f.Council!.Code == "BDC");
        var rbc = row.Figures.Single(f => f.Council!.Code == "RBC");
        Assert.Equal(((decimal?)null, 142.99m, 146.98m, Dashboard.Domain.Performance.Trend.Worsening), (bdc.Baseline, bdc.YtdTarget, bdc.YtdActual, bdc.Trend));
        Assert.Equal(((decimal?)null, 578m, (decimal?)null, (Dashboard.Domain.Performance.Trend?)null), (rbc.Baseline, rbc.YtdTarget, rbc.YtdActual, rbc.Trend));

        // RBC's household waste series is illustrative and no longer adds up to the printed 578.
        var rbcQuarter = (await db.PiValues.Where(v => v.PerformanceIndicator!.Ref == "NI 191" && v.Council!.Code == "RBC" && q1.Contains(v.PeriodStart)).Select(v => v.Value).ToListAsync(ct)).Sum();
        Assert.NotEqual(578m, rbcQuarter);
    }
}

public sealed class DemoSeedTestsOnPostgres : DemoSeedTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
