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

        var yearsValues = db.PiValues.Where(v => v.PeriodStart >= yearStart && v.PeriodStart <= lastMonth);
        var yearToDate = yearsValues
            .GroupBy(v => new { v.PerformanceIndicatorId, v.CouncilId })
            .Select(g => new { g.Key.PerformanceIndicatorId, g.Key.CouncilId, Count = g.Count(), Sum = g.Sum(v => v.Value), Current = g.Max(v => v.PeriodStart) });

        // The latest period's value, the values it is compared with for each trend, and the annual target: one
        // lookup each on their unique keys. The latest value is joined from the year's values, not the whole
        // table, or PostgreSQL hashes all the history to find it.
        var totals = await (
            from g in yearToDate
            join pi in db.PerformanceIndicators.Where(p => p.RetiredOn == null) on g.PerformanceIndicatorId equals pi.Id
            join current in yearsValues on new { Pi = g.PerformanceIndicatorId, Council = g.CouncilId, Period = g.Current }
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
            join annual in db.PiTargets.Where(t => t.FinancialYear == startYear && t.PeriodStart == null) on new { Pi = g.PerformanceIndicatorId, Council = g.CouncilId }
                equals new { Pi = annual.PerformanceIndicatorId, Council = annual.CouncilId } into annualTargets
            from annual in annualTargets.DefaultIfEmpty()
            select new
            {
                g.PerformanceIndicatorId,
                g.CouncilId,
                Rules = new IndicatorRules(pi.Polarity, pi.Frequency, pi.Aggregation, pi.TolerancePercent, pi.IsDataOnly),
                g.Count,
                g.Sum,
                g.Current,
                CurrentValue = current.Value,
                Previous = (decimal?)previous.Value,
                LastYear = (decimal?)lastYear.Value,
                AnnualTarget = (decimal?)annual.Target,
            }).ToListAsync(cancellationToken);

        // Targets set per period are few (most indicators have an annual target only): those of periods with a
        // value this year are read as they are.
        var periodTargets = (await (
                from t in db.PiTargets
                where t.FinancialYear == startYear && t.PeriodStart >= yearStart && t.PeriodStart <= lastMonth
                join v in db.PiValues on new { Pi = t.PerformanceIndicatorId, Council = t.CouncilId, Period = t.PeriodStart!.Value }
                    equals new { Pi = v.PerformanceIndicatorId, Council = v.CouncilId, Period = v.PeriodStart }
                select new { t.PerformanceIndicatorId, t.CouncilId, Period = t.PeriodStart!.Value, t.Target })
            .ToListAsync(cancellationToken))
            .ToLookup(t => (t.PerformanceIndicatorId, t.CouncilId));

        // Every indicator counts for every council, with or without figures this year, as on the performance page.
        var judgedOn = PerformanceQueries.JudgedOn(lastMonth, today);
        var standings = new Dictionary<(int IndicatorId, int CouncilId), PiStanding>();
        foreach (var t in totals)
        {
            var targets = periodTargets[(t.PerformanceIndicatorId, t.CouncilId)].ToList();
            var figures = new YearToDateTotals(
                t.Count, t.Sum, t.Current, t.CurrentValue, t.Previous, t.LastYear,
                targets.Count, targets.Sum(p => p.Target), targets.Where(p => p.Period == t.Current).Select(p => (decimal?)p.Target).FirstOrDefault());
            standings[(t.PerformanceIndicatorId, t.CouncilId)] = PiStanding.FromTotals(t.Rules, lastMonth, figures, t.AnnualTarget, t.Current, t.CurrentValue, judgedOn, rules);
        }

        // A retired indicator is no longer reported, so it leaves the rollup (a snapshot already taken keeps it).
        var indicatorIds = await db.PerformanceIndicators.Where(p => p.RetiredOn == null).Select(p => p.Id).ToListAsync(cancellationToken);
        return [.. indicatorIds.SelectMany(id => councils.Select(council => new IndicatorAtQuarterEnd(
            council.Value, standings.GetValueOrDefault((id, council.Key)) ?? PiStanding.WithoutFigures(lastMonth))))];
    }
}
