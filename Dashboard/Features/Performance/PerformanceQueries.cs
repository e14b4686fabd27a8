using Dashboard.Components.Charts;
using Dashboard.Data;
using Dashboard.Domain;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Time;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Performance;

/// <summary>One council's standing on an indicator, with its figures for charts.</summary>
public sealed record CouncilStanding(Council Council, PiStanding Standing, PiFigures Figures);

/// <summary>An indicator as the performance pages show it: the catalogue entry and each council's standing.</summary>
public sealed record IndicatorStanding(PerformanceIndicator Indicator, IReadOnlyList<CouncilStanding> Councils);

/// <summary>The board's summary figures for one set of councils ("BDC", "RBC" or "Combined").</summary>
public sealed record SummaryColumn(string Label, PerformanceSummary Summary);

/// <summary>Everything the performance page shows as at one month; the summaries count only indicators still reported.</summary>
public sealed record PerformanceOverview(DateOnly AsAtMonth, IReadOnlyList<IndicatorStanding> Indicators, IReadOnlyList<SummaryColumn> Summaries)
{
    public IEnumerable<(IndicatorStanding Indicator, CouncilStanding Council)> Missed =>
        Indicators.Where(i => !i.Indicator.IsRetired).SelectMany(i => i.Councils.Where(c => c.Standing.Light == TrafficLight.Missed).Select(c => (i, c)));

    /// <summary>
    /// The overview without the histories it was worked out from, to be shared between circuits: each indicator a
    /// catalogue entry with no values, targets or baselines, each council's figures only the rules' settings. What
    /// a screen still needs from the history (a chart, a figure's source) it takes into its snapshot beforehand.
    /// </summary>
    public PerformanceOverview WithoutHistories() => this with
    {
        Indicators = [.. Indicators.Select(i => new IndicatorStanding(
            PerformanceQueries.CatalogueEntry(i.Indicator),
            [.. i.Councils.Select(c => c with { Figures = c.Figures with { Values = NoFigures, PeriodTargets = NoFigures, AnnualTargets = new Dictionary<int, decimal>() } })]))],
    };

    /// <summary>Only the summaries, as the month-by-month summary chart and table read them.</summary>
    public PerformanceOverview SummariesOnly() => this with { Indicators = [] };

    private static readonly IReadOnlyDictionary<DateOnly, decimal> NoFigures = new Dictionary<DateOnly, decimal>();
}

/// <summary>An indicator's last twelve periods on the performance page: the rows of its table and the ready sparkline.</summary>
public sealed record RecentTrend(IReadOnlyList<SeriesRow> Rows, ChartOptions Sparkline)
{
    public static RecentTrend Of(IReadOnlyList<SeriesRow> rows) => new(rows, PerformanceCharts.Sparkline(rows));
}

/// <summary>
/// What <c>/performance</c> shows as at one month, shared by every circuit showing that month (see
/// <see cref="PerformancePageView"/>): catalogue entries, standings, ready charts and the latest figures' sources,
/// but none of the histories they were worked out from.
/// </summary>
public sealed record PerformancePageSnapshot(
    IReadOnlyList<PerformanceIndicator> Indicators,
    IReadOnlyList<DateOnly> Months,
    PerformanceOverview Overview,
    IReadOnlyList<PerformanceOverview> YearSoFar,
    ChartOptions SummaryBars,
    IReadOnlyDictionary<int, RecentTrend> Recent,
    IReadOnlyDictionary<(int IndicatorId, int CouncilId), string> LatestSources)
{
    /// <summary>Where the council's latest figure (as at the month) comes from, if anyone said.</summary>
    public string? LatestSource(PerformanceIndicator pi, CouncilStanding council) =>
        LatestSources.GetValueOrDefault((pi.Id, council.Council.Id));
}

/// <summary>The performance page as at one month on one reporting date: every circuit showing it shares one read per change.</summary>
public sealed record PerformancePageView(DateOnly AsAtMonth, DateOnly Today) : ISharedView<PerformancePageSnapshot>
{
    public async Task<PerformancePageSnapshot> ReadAsync(DashboardDbContext db, IServiceProvider services)
    {
        var rules = services.GetRequiredService<PerformanceRules>();
        var months = await PerformanceQueries.ReportingMonthsAsync(db, Today);
        var data = await PerformanceQueries.LoadAsync(db);
        var overview = data.OverviewAsAt(AsAtMonth, Today, rules);
        var yearSoFar = data.MonthsOfYearTo(AsAtMonth, Today, rules).Select(m => m.SummariesOnly()).ToList();
        var recent = overview.Indicators.ToDictionary(i => i.Indicator.Id, i => RecentTrend.Of(PerformanceCharts.History(i, AsAtMonth, lastPeriods: 12)));
        var sources = overview.Indicators
            .SelectMany(i => i.Councils.Select(c => (i.Indicator, c)))
            .Select(x => (Key: (x.Indicator.Id, x.c.Council.Id), x.Indicator.Values.FirstOrDefault(v => v.CouncilId == x.c.Council.Id && v.PeriodStart == x.c.Standing.LatestPeriod)?.Source))
            .Where(x => x.Source is not null)
            .ToDictionary(x => x.Key, x => x.Source!);
        return new PerformancePageSnapshot(
            [.. data.Indicators.Select(PerformanceQueries.CatalogueEntry)], months, overview.WithoutHistories(), yearSoFar,
            PerformanceCharts.SummaryBars(yearSoFar), recent, sources);
    }
}

/// <summary>The board dashboard's performance summary, on one reporting date: shared by every open board.</summary>
public sealed record BoardPerformanceView(DateOnly Today) : ISharedView<PerformanceOverview>
{
    public async Task<PerformanceOverview> ReadAsync(DashboardDbContext db, IServiceProvider services) =>
        (await PerformanceQueries.OverviewAsAtAsync(db, PerformanceQueries.LatestCompleteMonth(Today), Today, services.GetRequiredService<PerformanceRules>()))
            .WithoutHistories();
}

public static class PerformanceQueries
{
    /// <summary>The default "as at" month: the last month that has ended by the reporting date.</summary>
    public static DateOnly LatestCompleteMonth(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-1);

    /// <summary>
    /// The day staleness is judged on for a month's figures: the reporting date for recent months, but for a
    /// past month the end of the month after it, when its report was written — not today, or every old figure would be stale.
    /// </summary>
    public static DateOnly JudgedOn(DateOnly asAtMonth, DateOnly today)
    {
        var reportWritten = asAtMonth.AddMonths(2).AddDays(-1);
        return reportWritten < today ? reportWritten : today;
    }

    /// <summary>The months a user can choose to see the figures as at: from the first figure to the latest complete month.</summary>
    public static async Task<IReadOnlyList<DateOnly>> ReportingMonthsAsync(DashboardDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var latest = LatestCompleteMonth(today);
        var first = await db.PiValues.MinAsync(v => (DateOnly?)v.PeriodStart, cancellationToken);
        if (first is not { } start)
        {
            return [latest];
        }

        var months = new List<DateOnly>();
        for (var m = FinancialYear.Of(start).Start; m <= latest; m = m.AddMonths(1))
        {
            months.Add(m);
        }

        return months;
    }

    /// <summary>
    /// Every indicator's standing for each council as at one month, reading only the figures a standing depends on:
    /// the values of that month's financial year to date, the earlier values its trends compare the latest with (the
    /// period before it and the same period last year), the latest earlier value of a council with none this year
    /// (so it still shows as stale), and that year's targets — not the whole history <see cref="LoadAsync"/> reads
    /// for charts. The standings and summaries are those <see cref="PerformanceData.OverviewAsAt"/> works out from
    /// the whole history; each <see cref="CouncilStanding.Figures"/> holds only the periods read.
    /// </summary>
    public static async Task<PerformanceOverview> OverviewAsAtAsync(DashboardDbContext db, DateOnly asAtMonth, DateOnly today, PerformanceRules rules, CancellationToken cancellationToken = default)
    {
        var year = FinancialYear.Of(asAtMonth);
        var councils = await db.Councils.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        // Retired indicators keep their figures but no longer count: the summary is over those still reported.
        var indicators = await db.PerformanceIndicators.AsNoTracking().Where(p => p.RetiredOn == null).ToListAsync(cancellationToken);
        var values = await ValuesAsync(db.PiValues.Where(v => v.PeriodStart >= year.Start && v.PeriodStart <= asAtMonth), cancellationToken);

        // The rules read earlier values only by these periods, and a council's latest only from the year when it
        // has one there, so any other earlier value read alongside is never looked at.
        var frequencyOf = indicators.ToDictionary(pi => pi.Id, pi => pi.Frequency);
        values.RemoveAll(v => !frequencyOf.ContainsKey(v.PerformanceIndicatorId));
        var compared = values
            .GroupBy(v => (v.PerformanceIndicatorId, v.CouncilId))
            .Select(g => (Frequency: frequencyOf[g.Key.PerformanceIndicatorId], Latest: g.Max(v => v.PeriodStart)))
            .SelectMany(x => new[] { PiPeriods.Previous(x.Frequency, x.Latest), PiPeriods.SamePeriodLastYear(x.Latest) })
            .Where(p => p < year.Start)
            .Distinct()
            .ToList();
        var reported = values.Select(v => (v.PerformanceIndicatorId, v.CouncilId)).ToHashSet();
        var silent = indicators.Where(pi => councils.Any(c => !reported.Contains((pi.Id, c.Id)))).Select(pi => pi.Id).ToList();
        if (compared.Count > 0)
        {
            values.AddRange(await ValuesAsync(db.PiValues.Where(v => compared.Contains(v.PeriodStart)), cancellationToken));
        }

        if (silent.Count > 0)
        {
            values.AddRange(await ValuesAsync(
                db.PiValues.Where(v => silent.Contains(v.PerformanceIndicatorId) && v.PeriodStart < year.Start
                    && v.PeriodStart == db.PiValues
                        .Where(w => w.PerformanceIndicatorId == v.PerformanceIndicatorId && w.CouncilId == v.CouncilId && w.PeriodStart < year.Start)
                        .Max(w => w.PeriodStart)),
                cancellationToken));
        }

        var targets = (await db.PiTargets.AsNoTracking().Where(t => t.FinancialYear == year.StartYear).ToListAsync(cancellationToken))
            .ToLookup(t => t.PerformanceIndicatorId);
        var valuesOf = values.DistinctBy(v => (v.PerformanceIndicatorId, v.CouncilId, v.PeriodStart)).ToLookup(v => v.PerformanceIndicatorId);
        foreach (var pi in indicators)
        {
            pi.Values = [.. valuesOf[pi.Id]];
            pi.Targets = [.. targets[pi.Id]];
        }

        return new PerformanceData(councils, indicators.OrderBy(p => p.Ref, NaturalOrder.Instance).ToList()).OverviewAsAt(asAtMonth, today, rules);
    }

    private static Task<List<PiValue>> ValuesAsync(IQueryable<PiValue> query, CancellationToken cancellationToken) =>
        query.AsNoTracking()
            .Select(v => new PiValue { PerformanceIndicatorId = v.PerformanceIndicatorId, CouncilId = v.CouncilId, PeriodStart = v.PeriodStart, Value = v.Value, Source = v.Source })
            .ToListAsync(cancellationToken);

    /// <summary>The indicator as the catalogue describes it, without its figures: what a shared snapshot may hold.</summary>
    public static PerformanceIndicator CatalogueEntry(PerformanceIndicator pi) => new()
    {
        Id = pi.Id,
        Ref = pi.Ref,
        Description = pi.Description,
        Unit = pi.Unit,
        Polarity = pi.Polarity,
        Frequency = pi.Frequency,
        Aggregation = pi.Aggregation,
        TolerancePercent = pi.TolerancePercent,
        IsDataOnly = pi.IsDataOnly,
        AllowsNegative = pi.AllowsNegative,
        DecimalPlaces = pi.DecimalPlaces,
        OwnerId = pi.OwnerId,
        SharedServiceId = pi.SharedServiceId,
        IsDemo = pi.IsDemo,
        RetiredOn = pi.RetiredOn,
    };

    /// <summary>The councils and the indicators (all, or one) with their values, targets and baselines.</summary>
    public static async Task<PerformanceData> LoadAsync(DashboardDbContext db, int? indicatorId = null, CancellationToken cancellationToken = default)
    {
        var councils = await db.Councils.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var indicators = await db.PerformanceIndicators.AsNoTracking()
            .Where(p => indicatorId == null || p.Id == indicatorId)
            .Include(p => p.Values)
            .Include(p => p.Targets)
            .Include(p => p.Baselines)
            .Include(p => p.Owner)
            .Include(p => p.SharedService)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return new PerformanceData(councils, indicators.OrderBy(p => p.Ref, NaturalOrder.Instance).ToList());
    }
}

/// <summary>The performance figures as loaded, from which any month's overview is worked out without going back to the database.</summary>
public sealed record PerformanceData(IReadOnlyList<Council> Councils, IReadOnlyList<PerformanceIndicator> Indicators)
{
    public PerformanceOverview OverviewAsAt(DateOnly asAtMonth, DateOnly today, PerformanceRules rules)
    {
        var judgedOn = PerformanceQueries.JudgedOn(asAtMonth, today);
        var standings = Indicators
            .Select(pi => new IndicatorStanding(pi, Councils.Select(c =>
            {
                var figures = PiFigures.For(pi, c.Id);
                return new CouncilStanding(c, PiStanding.Assess(figures, asAtMonth, judgedOn, rules), figures);
            }).ToList()))
            .ToList();

        var all = standings.Where(i => !i.Indicator.IsRetired).SelectMany(i => i.Councils).ToList();
        var summaries = Councils
            .Select(c => new SummaryColumn(c.Code, PerformanceSummary.Of(all.Where(s => s.Council.Id == c.Id).Select(s => s.Standing).ToList())))
            .Append(new SummaryColumn("Combined", PerformanceSummary.Of(all.Select(s => s.Standing).ToList())))
            .ToList();
        return new PerformanceOverview(asAtMonth, standings, summaries);
    }

    /// <summary>The overview for each month of the financial year up to the given month, for the summary bar chart.</summary>
    public IReadOnlyList<PerformanceOverview> MonthsOfYearTo(DateOnly asAtMonth, DateOnly today, PerformanceRules rules)
    {
        var result = new List<PerformanceOverview>();
        for (var m = FinancialYear.Of(asAtMonth).Start; m <= asAtMonth; m = m.AddMonths(1))
        {
            result.Add(OverviewAsAt(m, today, rules));
        }

        return result;
    }
}
