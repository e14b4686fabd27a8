using Dashboard.Data;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Rollups;
using Dashboard.Domain.Time;
using Dashboard.Features.Performance;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Rollups;

/// <summary>
/// Every indicator's standing for each council as at a quarter's last month, for the rollup. The database adds
/// up each indicator's year to date (one GROUP BY over the year's values, with the values and target of the
/// latest period looked up by key), so only one row per indicator and council comes back however long the
/// history; the rules are then the same pure functions the performance page applies.
/// </summary>
public static class QuarterIndicatorTotals
{
    public static async Task<List<IndicatorAtQuarterEnd>> LoadAsync(
        DashboardDbContext db, IReadOnlyDictionary<int, string> councils, DateOnly lastMonth, DateOnly today, PerformanceRules rules, CancellationToken cancellationToken)
    {
        var year = FinancialYear.Of(lastMonth);
        var yearStart = year.Start;
        var startYear = year.StartYear;

        var yearToDate =
            from v in db.PiValues
            where v.PeriodStart >= yearStart && v.PeriodStart <= lastMonth
            join t in db.PiTargets on new { Pi = v.PerformanceIndicatorId, Council = v.CouncilId, Year = startYear, Period = (DateOnly?)v.PeriodStart }
                equals new { Pi = t.PerformanceIndicatorId, Council = t.CouncilId, Year = t.FinancialYear, Period = t.PeriodStart } into periodTargets
            from t in periodTargets.DefaultIfEmpty()
            group new { v.PeriodStart, v.Value, Target = (decimal?)t.Target } by new { v.PerformanceIndicatorId, v.CouncilId } into g
            select new
            {
                g.Key.PerformanceIndicatorId,
                g.Key.CouncilId,
                Count = g.Count(),
                Sum = g.Sum(r => r.Value),
                Current = g.Max(r => r.PeriodStart),
                TargetCount = g.Count(r => r.Target != null),
                TargetSum = g.Sum(r => r.Target),
            };

        // The latest period's value, the value it is compared with for each trend, and its own target: one
        // lookup each on the (indicator, council, period) key.
        var totals = await (
            from g in yearToDate
            join pi in db.PerformanceIndicators on g.PerformanceIndicatorId equals pi.Id
            join current in db.PiValues on new { Pi = g.PerformanceIndicatorId, Council = g.CouncilId, Period = g.Current }
                equals new { Pi = current.PerformanceIndicatorId, Council = current.CouncilId, Period = current.PeriodStart }
            join previous in db.PiValues on new
                {
                    Pi = g.PerformanceIndicatorId,
                    Council = g.CouncilId,
                    Period = pi.Frequency == CollectionFrequency.Monthly ? g.Current.AddMonths(-1)
                        : pi.Frequency == CollectionFrequency.Quarterly ? g.Current.AddMonths(-3)
                        : g.Current.AddYears(-1),
                }
                equals new { Pi = previous.PerformanceIndicatorId, Council = previous.CouncilId, Period = previous.PeriodStart } into previousValues
            from previous in previousValues.DefaultIfEmpty()
            join lastYear in db.PiValues on new { Pi = g.PerformanceIndicatorId, Council = g.CouncilId, Period = g.Current.AddYears(-1) }
                equals new { Pi = lastYear.PerformanceIndicatorId, Council = lastYear.CouncilId, Period = lastYear.PeriodStart } into lastYearValues
            from lastYear in lastYearValues.DefaultIfEmpty()
            join target in db.PiTargets on new { Pi = g.PerformanceIndicatorId, Council = g.CouncilId, Year = startYear, Period = (DateOnly?)g.Current }
                equals new { Pi = target.PerformanceIndicatorId, Council = target.CouncilId, Year = target.FinancialYear, Period = target.PeriodStart } into currentTargets
            from target in currentTargets.DefaultIfEmpty()
            select new
            {
                g.PerformanceIndicatorId,
                g.CouncilId,
                Totals = new YearToDateTotals(g.Count, g.Sum, g.Current, current.Value, (decimal?)previous.Value, (decimal?)lastYear.Value, g.TargetCount, g.TargetSum ?? 0m, (decimal?)target.Target),
            }).ToDictionaryAsync(t => (t.PerformanceIndicatorId, t.CouncilId), t => t.Totals, cancellationToken);

        var annualTargets = await db.PiTargets
            .Where(t => t.FinancialYear == startYear && t.PeriodStart == null)
            .ToDictionaryAsync(t => (t.PerformanceIndicatorId, t.CouncilId), t => t.Target, cancellationToken);
        var indicators = await db.PerformanceIndicators
            .Select(p => new { p.Id, Rules = new IndicatorRules(p.Polarity, p.Frequency, p.Aggregation, p.TolerancePercent, p.IsDataOnly) })
            .ToListAsync(cancellationToken);

        // Every indicator counts for every council, with or without figures this year, as on the performance page.
        var judgedOn = PerformanceQueries.JudgedOn(lastMonth, today);
        return [.. indicators.SelectMany(pi => councils.Select(council =>
        {
            var figures = totals.GetValueOrDefault((pi.Id, council.Key));
            var standing = PiStanding.FromTotals(
                pi.Rules, lastMonth, figures, annualTargets.TryGetValue((pi.Id, council.Key), out var target) ? target : null,
                figures?.Current, figures?.CurrentValue, judgedOn, rules);
            return new IndicatorAtQuarterEnd(council.Value, standing);
        }))];
    }
}
