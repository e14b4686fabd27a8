using Dashboard.Components.Charts;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Rollups;
using Dashboard.Domain.Time;
using Dashboard.Features.Rollups;

namespace Dashboard.Tests.Features.Rollups;

/// <summary>Shaping the latest snapshots into the quarterly report's trend charts.</summary>
public sealed class QuarterlyChartsTests
{
    private static readonly FinancialQuarter Q1 = new FinancialYear(2010).Quarter(1);

    private static RollupFigure Figure(string scope, string measure, decimal value) => new() { Scope = scope, Measure = measure, Value = value };

    private static Dictionary<FinancialQuarter, IReadOnlyList<RollupFigure>> Snapshots() => new()
    {
        [Q1] =
        [
            Figure("BDC", PerformanceSummary.MetTargetWording, 60m),
            Figure(RollupFigure.Combined, PerformanceSummary.MetTargetWording, 55m),
            Figure(RollupFigure.Combined, "Services Green", 9m),
            Figure(RollupFigure.Combined, "Services Amber", 2m),
            Figure(RollupFigure.Combined, "Services Red", 1m),
        ],
        [Q1.Next.Next] =
        [
            Figure("BDC", PerformanceSummary.StableOrImprovingWording, 70m),
            Figure("BDC", PerformanceSummary.MetTargetWording, 62.5m),
            Figure(RollupFigure.Combined, "Services Green", 11m),
            Figure(RollupFigure.Combined, "Services Amber", 0m),
            Figure(RollupFigure.Combined, "Services Red", 1m),
        ],
    };

    [Fact]
    public void A_quarter_without_a_snapshot_and_a_missing_percentage_are_gaps_not_zeros()
    {
        var trend = QuarterlyCharts.Trend(Snapshots(), "BDC", QuarterlyCharts.SummaryMeasures);

        Assert.Equal(["Q1 2010/11", "Q2 2010/11", "Q3 2010/11"], trend.Rows.Select(r => r.Quarter.Label));
        Assert.Equal([null, 60m, null], trend.Rows[0].Values);
        Assert.Equal([null, null, null], trend.Rows[1].Values);
        Assert.Equal([70m, 62.5m, null], trend.Rows[2].Values);
    }

    [Fact]
    public void Services_by_rag_are_stacked_bars_named_in_words_in_the_rag_colours()
    {
        var options = QuarterlyCharts.ServicesByRag(QuarterlyCharts.Trend(Snapshots(), RollupFigure.Combined, QuarterlyCharts.RagMeasures));

        Assert.Equal(("bar", true), (options.Chart.Type, options.Chart.Stacked));
        Assert.Equal(["Green", "Amber", "Red"], options.Series.Select(s => s.Name));
        Assert.Equal(ChartPalette.Rag, options.Colors!);
        Assert.Equal([9m, null, 11m], options.Series[0].Data.Select(p => p.Y));
        Assert.Equal("Q2 2010/11", options.Series[0].Data[1].X);
        Assert.Contains("{\"x\":\"Q2 2010/11\",\"y\":null}", options.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_lines_are_the_three_board_measures_as_percentages()
    {
        var options = QuarterlyCharts.SummaryLines(QuarterlyCharts.Trend(Snapshots(), RollupFigure.Combined, QuarterlyCharts.SummaryMeasures));

        Assert.Equal([PerformanceSummary.StableOrImprovingWording, PerformanceSummary.MetTargetWording, PerformanceSummary.ProjectedToMeetWording], options.Series.Select(s => s.Name));
        Assert.Equal([55m, null, null], options.Series[1].Data.Select(p => p.Y));
        Assert.Equal((0m, 100m), (options.Yaxis!.Min, options.Yaxis.Max));
    }

    [Fact]
    public void No_snapshots_give_no_quarters()
    {
        Assert.Empty(QuarterlyCharts.Trend(new Dictionary<FinancialQuarter, IReadOnlyList<RollupFigure>>(), RollupFigure.Combined, QuarterlyCharts.RagMeasures).Rows);
    }
}
