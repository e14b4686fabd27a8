using Dashboard.Components.Charts;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Time;

namespace Dashboard.Features.Performance;

/// <summary>One row of an indicator's history: each council's actual and target for a period (null = no figure).</summary>
public sealed record SeriesRow(DateOnly Period, IReadOnlyList<(string Council, decimal? Actual, decimal? Target)> Councils);

/// <summary>Builds the performance charts' options from the figures; the same rows feed their data tables.</summary>
public static class PerformanceCharts
{
    /// <summary>Every period from the first figure or target to the as-at month, missing figures as nulls so lines show gaps.</summary>
    public static IReadOnlyList<SeriesRow> History(IndicatorStanding indicator, DateOnly asAtMonth, int? lastPeriods = null)
    {
        var pi = indicator.Indicator;
        var starts = indicator.Councils.SelectMany(c => c.Figures.Values.Keys.Concat(c.Figures.PeriodTargets.Keys)).Where(p => p <= asAtMonth).ToList();
        if (starts.Count == 0)
        {
            return [];
        }

        var rows = new List<SeriesRow>();
        for (var period = starts.Min(); period <= asAtMonth; period = period.AddMonths(PiPeriods.MonthsIn(pi.Frequency)))
        {
            var at = period;
            rows.Add(new SeriesRow(at, indicator.Councils.Select(c => (
                c.Council.Code,
                c.Figures.Values.TryGetValue(at, out var actual) ? actual : (decimal?)null,
                TargetFor(c.Figures, at))).ToList()));
        }

        return lastPeriods is { } n ? rows.TakeLast(n).ToList() : rows;
    }

    private static decimal? TargetFor(PiFigures figures, DateOnly period)
    {
        if (figures.IsDataOnly)
        {
            return null;
        }

        return figures.PeriodTargets.TryGetValue(period, out var target) ? target
            : figures.Frequency == CollectionFrequency.Annual && figures.AnnualTargets.TryGetValue(FinancialYear.Of(period).StartYear, out var annual) ? annual
            : null;
    }

    /// <summary>Actual against target for each council over time, targets dashed, each financial year marked at 1 April.</summary>
    public static ChartOptions Trend(PerformanceIndicator pi, IReadOnlyList<SeriesRow> rows)
    {
        var councils = rows.Count == 0 ? [] : rows[0].Councils.Select(c => c.Council).ToList();
        var series = new List<ChartSeries>();
        var colours = new List<string>();
        var dashes = new List<int>();
        foreach (var (council, index) in councils.Select((c, i) => (c, i)))
        {
            series.Add(new ChartSeries($"{council} actual", rows.Select(r => ChartPoint.At(r.Period, r.Councils[index].Actual)).ToList()));
            colours.Add(ChartPalette.For(index));
            dashes.Add(0);
            if (!pi.IsDataOnly)
            {
                series.Add(new ChartSeries($"{council} target", rows.Select(r => ChartPoint.At(r.Period, r.Councils[index].Target)).ToList()));
                colours.Add(ChartPalette.For(index));
                dashes.Add(6);
            }
        }

        var years = rows.Select(r => FinancialYear.Of(r.Period)).Distinct()
            .Select(y => ChartXAnnotation.At(y.Start, y.Label)).ToList();
        return new ChartOptions
        {
            Chart = new ChartSettings("line", 340) { Zoom = new ChartZoom(true), Toolbar = new ChartToolbar(true) },
            Series = series,
            Colors = colours,
            Stroke = new ChartStroke(series.Select(_ => 2).ToList(), dashes),
            Xaxis = new ChartAxis("datetime") { Labels = new ChartAxisLabels("MMM yy") },
            Yaxis = new ChartYAxis { Title = new ChartAxisTitle(pi.Unit), DecimalsInFloat = pi.DecimalPlaces },
            Annotations = new ChartAnnotations(years),
            Tooltip = new ChartTooltip(X: new ChartTooltipX(pi.Frequency == CollectionFrequency.Monthly ? "MMM yyyy" : "MMM yyyy 'start'")),
            DataLabels = new ChartDataLabels(false),
            Legend = new ChartLegend(),
        };
    }

    /// <summary>A table-cell sized line per council, without axes.</summary>
    public static ChartOptions Sparkline(IReadOnlyList<SeriesRow> rows)
    {
        var councils = rows.Count == 0 ? [] : rows[0].Councils.Select(c => c.Council).ToList();
        return new ChartOptions
        {
            Chart = new ChartSettings("line", 40) { Width = "140", Sparkline = new ChartSparkline(true), Animations = new ChartAnimations(false) },
            Series = councils.Select((c, i) => new ChartSeries(c, rows.Select(r => ChartPoint.At(r.Period, r.Councils[i].Actual)).ToList())).ToList(),
            Colors = councils.Select((_, i) => ChartPalette.For(i)).ToList(),
            Stroke = new ChartStroke(councils.Select(_ => 2).ToList()),
            Xaxis = new ChartAxis("datetime"),
            Tooltip = new ChartTooltip(X: new ChartTooltipX("MMM yyyy")),
        };
    }

    public static string MonthLabel(DateOnly month) => month.ToString("MMM yy", Components.Shared.UkFormat.Culture);

    /// <summary>The three summary figures (combined councils) for each month of the year, as grouped bars.</summary>
    public static ChartOptions SummaryBars(IReadOnlyList<PerformanceOverview> months)
    {
        ChartSeries Series(string name, Func<PerformanceSummary, SummaryMeasure> measure) =>
            new(name, months.Select(o => new ChartPoint(MonthLabel(o.AsAtMonth), measure(o.Summaries[^1].Summary).Percent)).ToList());
        return new ChartOptions
        {
            Chart = new ChartSettings("bar", 300) { Toolbar = new ChartToolbar(false) },
            Series =
            [
                Series("Stable or improving", s => s.StableOrImproving),
                Series("Met target", s => s.MetTarget),
                Series("Projected to meet year-end target", s => s.ProjectedToMeet),
            ],
            Colors = ChartPalette.SummaryFigures,
            Xaxis = new ChartAxis("category"),
            Yaxis = new ChartYAxis { Min = 0, Max = 100, Title = new ChartAxisTitle("% of indicators") },
            DataLabels = new ChartDataLabels(false),
            Legend = new ChartLegend(),
        };
    }
}
