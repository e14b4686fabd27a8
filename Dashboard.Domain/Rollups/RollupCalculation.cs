using Dashboard.Domain.Finance;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Services;
using Dashboard.Domain.Time;

namespace Dashboard.Domain.Rollups;

public sealed record ServiceAtQuarterEnd(int Id, ServicePhase Phase, IReadOnlyList<(DateOnly Period, Rag Rag)> Cards, IReadOnlyList<DateOnly> HighlightReportPeriods);

/// <summary>A risk with its whole assessment history; <see cref="CouncilCode"/> null when it concerns both councils.</summary>
public sealed record RiskAtQuarterEnd(int Id, string? CouncilCode, DateOnly RaisedOn, DateOnly? ClosedOn, IReadOnlyCollection<RiskAssessment> Assessments);

/// <summary>A savings line at quarter end; <see cref="CouncilCode"/> null when not split between the councils (then in no total).</summary>
public sealed record SavingsAtQuarterEnd(string? CouncilCode, decimal Target, decimal Forecast, decimal? Delivered);

/// <summary>
/// One council's standing on one indicator as at the quarter's last month. The rollup reads its light, trend on
/// last year and projection; its latest period and staleness are judged from the financial year's figures only.
/// </summary>
public sealed record IndicatorAtQuarterEnd(string CouncilCode, PiStanding Standing);

/// <summary>
/// The quarter's figures: the board's three PI summary percentages and PI traffic-light counts, services by
/// RAG, projects missing highlight reports, risks per band with movement since the previous quarter, and
/// savings forecast and delivered to date against target. Pure: the same inputs always give the same figures.
/// </summary>
public static class RollupCalculation
{
    public const string ProjectsMissingHighlightReports = "Projects missing a highlight report";
    public const string RisksMovedUp = "Risks moved up";
    public const string RisksMovedDown = "Risks moved down";
    public const string SavingsTarget = "Savings target (£)";
    public const string SavingsForecast = "Savings forecast (£)";
    public const string SavingsDelivered = "Savings delivered to date (£), lines that have reported it";
    public const string SavingsLinesNotReported = "Savings lines with delivered to date not yet reported";
    public const string NoStatus = "No status";

    public const string IndicatorsExcludedFromTrend = "Indicators without last year's figure (left out of stable or improving)";

    public static string Services(Rag rag) => $"Services {rag}";

    public static string Indicators(TrafficLight light) => $"Indicators: {TrafficLights.Word(light).ToLowerInvariant()}";

    public static string Services(string status) => $"Services {status}";

    public static string RisksInBand(string band) => $"Risks {band}";

    public static IReadOnlyList<RollupFigure> Compute(
        FinancialQuarter quarter,
        IReadOnlyList<string> councilCodes,
        IReadOnlyList<ServiceAtQuarterEnd> services,
        IReadOnlyList<RiskAtQuarterEnd> risks,
        IReadOnlyList<SavingsAtQuarterEnd> savings,
        IReadOnlyList<IndicatorAtQuarterEnd> indicators,
        ScoreBandSet bands)
    {
        var figures = new List<RollupFigure>();
        void Add(string scope, string measure, decimal value) => figures.Add(new RollupFigure { Scope = scope, Measure = measure, Value = value });

        // Shared services belong to both councils, so their figures are combined only.
        var lastMonth = quarter.End.AddDays(1 - quarter.End.Day);
        var status = services.ToDictionary(s => s.Id, s => s.Cards.Where(c => c.Period <= lastMonth).OrderByDescending(c => c.Period).Select(c => (Rag?)c.Rag).FirstOrDefault());
        foreach (var rag in new[] { Rag.Green, Rag.Amber, Rag.Red })
        {
            Add(RollupFigure.Combined, Services(rag), status.Values.Count(r => r == rag));
        }

        Add(RollupFigure.Combined, Services(NoStatus), status.Values.Count(r => r is null));
        Add(RollupFigure.Combined, ProjectsMissingHighlightReports, services.Count(s =>
            s.Phase == ServicePhase.ProjectUnderway && status[s.Id] is Rag.Amber or Rag.Red && !s.HighlightReportPeriods.Any(quarter.Contains)));

        var end = EndOf(quarter.End);
        var previousEnd = EndOf(quarter.Previous.End);
        foreach (var scope in councilCodes.Prepend(RollupFigure.Combined))
        {
            var inScope = risks.Where(r => r.RaisedOn <= quarter.End && (r.ClosedOn is null || r.ClosedOn > quarter.End)
                && (scope == RollupFigure.Combined || r.CouncilCode is null || r.CouncilCode == scope)).ToList();
            var scores = inScope.Select(r => RiskHistory.InForceAt(r.Assessments, end)?.Score).OfType<RiskScore>().ToList();
            foreach (var band in bands.Bands)
            {
                Add(scope, RisksInBand(band.Name), scores.Count(s => bands.BandOf(s) == band));
            }

            var movements = inScope.Select(r => RiskMovement.Between(r.Assessments, previousEnd, end).Direction).ToList();
            Add(scope, RisksMovedUp, movements.Count(d => d == MovementDirection.Increased));
            Add(scope, RisksMovedDown, movements.Count(d => d == MovementDirection.Reduced));

            // A quarter with no indicator to judge has no percentage: the figure is left out, never shown as 0%.
            var standings = indicators.Where(i => scope == RollupFigure.Combined || i.CouncilCode == scope).Select(i => i.Standing).ToList();
            var summary = PerformanceSummary.Of(standings);
            foreach (var (wording, measure) in new[]
            {
                (PerformanceSummary.StableOrImprovingWording, summary.StableOrImproving),
                (PerformanceSummary.MetTargetWording, summary.MetTarget),
                (PerformanceSummary.ProjectedToMeetWording, summary.ProjectedToMeet),
            })
            {
                if (measure.Percent is { } percent)
                {
                    Add(scope, wording, percent);
                }
            }

            Add(scope, IndicatorsExcludedFromTrend, summary.StableOrImproving.Excluded);
            foreach (var light in Enum.GetValues<TrafficLight>())
            {
                Add(scope, Indicators(light), standings.Count(s => s.Light == light));
            }

            // Delivered to date is added up only over the lines that reported it, and left out when none has:
            // "not yet reported" must never read as £0 delivered.
            var total = SavingsTotal.Of(savings.Where(s => s.CouncilCode is not null && (scope == RollupFigure.Combined || s.CouncilCode == scope))
                .Select(s => new SavingsFigures(s.CouncilCode, s.Target, s.Forecast, s.Delivered)));
            Add(scope, SavingsTarget, total.Target);
            Add(scope, SavingsForecast, total.Forecast);
            if (total.Delivered is { } delivered)
            {
                Add(scope, SavingsDelivered, delivered);
            }

            Add(scope, SavingsLinesNotReported, total.Lines - total.LinesReported);
        }

        return figures;
    }

    // The quarter's last day ends at midnight London time; assessments made that day count.
    private static DateTimeOffset EndOf(DateOnly lastDay)
    {
        var midnight = lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, ReportingClock.London.GetUtcOffset(midnight)).AddTicks(-1);
    }
}
