using Dashboard.Components.Charts;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Rollups;
using Dashboard.Domain.Services;
using Dashboard.Domain.Time;

namespace Dashboard.Features.Rollups;

/// <summary>One quarter's figures for the chosen measures, in the measures' order; null where the quarter has no figure.</summary>
public sealed record QuarterRow(FinancialQuarter Quarter, IReadOnlyList<decimal?> Values);

/// <summary>A run of quarters for some measures of one scope (BDC, RBC or Combined): the rows feed both a chart and its data table.</summary>
public sealed record QuarterlyTrend(IReadOnlyList<string> Measures, IReadOnlyList<QuarterRow> Rows);

/// <summary>Shapes the latest snapshot of each quarter into the quarterly report's trend charts.</summary>
public static class QuarterlyCharts
{
    public static IReadOnlyList<string> SummaryMeasures { get; } =
        [PerformanceSummary.StableOrImprovingWording, PerformanceSummary.MetTargetWording, PerformanceSummary.ProjectedToMeetWording];

    public static IReadOnlyList<Rag> Rags { get; } = [Rag.Green, Rag.Amber, Rag.Red];

    public static IReadOnlyList<string> RagMeasures { get; } = [.. Rags.Select(RollupCalculation.Services)];

    /// <summary>
    /// Every quarter from the first snapshot to the last, so a quarter never computed shows as a gap rather
    /// than the chart closing it up or drawing it as zero.
    /// </summary>
    public static QuarterlyTrend Trend(IReadOnlyDictionary<FinancialQuarter, IReadOnlyList<RollupFigure>> snapshots, string scope, IReadOnlyList<string> measures)
    {
        if (snapshots.Count == 0)
        {
            return new QuarterlyTrend(measures, []);
        }

        var rows = new List<QuarterRow>();
        for (var quarter = snapshots.Keys.Min(); quarter <= snapshots.Keys.Max(); quarter = quarter.Next)
        {
            var figures = snapshots.GetValueOrDefault(quarter) ?? [];
            rows.Add(new QuarterRow(quarter, [.. measures.Select(m => figures.FirstOrDefault(f => f.Scope == scope && f.Measure == m)?.Value)]));
        }

        return new QuarterlyTrend(measures, rows);
    }

    /// <summary>The board's three PI summary percentages as lines across quarters.</summary>
    public static ChartOptions SummaryLines(QuarterlyTrend trend) => new()
    {
        Chart = new ChartSettings("line", 320) { Toolbar = new ChartToolbar(false) },
        Series = Series(trend, trend.Measures),
        Colors = ChartPalette.SummaryFigures,
        Stroke = new ChartStroke([.. trend.Measures.Select(_ => 2)]),
        Xaxis = new ChartAxis("category"),
        Yaxis = new ChartYAxis { Min = 0, Max = 100, Title = new ChartAxisTitle("% of indicators") },
        DataLabels = new ChartDataLabels(false),
        Legend = new ChartLegend(),
    };

    /// <summary>Shared services by RAG status at each quarter's end, stacked so each bar is the whole programme.</summary>
    public static ChartOptions ServicesByRag(QuarterlyTrend trend) => new()
    {
        Chart = new ChartSettings("bar", 320) { Toolbar = new ChartToolbar(false), Stacked = true },
        Series = Series(trend, [.. Rags.Select(r => r.ToString())]),
        Colors = ChartPalette.Rag,
        Xaxis = new ChartAxis("category"),
        Yaxis = new ChartYAxis { Min = 0, DecimalsInFloat = 0, Title = new ChartAxisTitle("Services") },
        DataLabels = new ChartDataLabels(false),
        Legend = new ChartLegend(),
    };

    private static List<ChartSeries> Series(QuarterlyTrend trend, IReadOnlyList<string> names) =>
        [.. names.Select((name, i) => new ChartSeries(name, [.. trend.Rows.Select(r => new ChartPoint(r.Quarter.Label, r.Values[i]))]))];
}
