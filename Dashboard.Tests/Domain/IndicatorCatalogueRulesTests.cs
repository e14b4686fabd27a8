using Dashboard.Domain.Organisation;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Time;

namespace Dashboard.Tests.Domain;

public sealed class IndicatorCatalogueRulesTests
{
    private const int Bdc = 1;
    private const int Rbc = 2;
    private static readonly Dictionary<int, string> Councils = new() { [Bdc] = "BDC", [Rbc] = "RBC" };
    private static readonly DateOnly Today = new(2010, 12, 9);
    private static readonly FinancialYear Year = new(2010);
    private static readonly IReadOnlyList<FinancialYear> Allowed = TargetEntry.Years(Today, new DateOnly(2009, 4, 1));

    private static PerformanceIndicator Indicator(CollectionFrequency frequency = CollectionFrequency.Monthly, YtdAggregation aggregation = YtdAggregation.Sum, string unit = "kg") => new()
    {
        Ref = "NI 191", Description = "Household waste (kg)", Unit = unit, Frequency = frequency, Aggregation = aggregation, Polarity = Polarity.LowerIsBetter,
    };

    [Fact]
    public void Retiring_dates_the_indicator_and_reactivating_clears_it()
    {
        var pi = Indicator();

        Assert.Null(IndicatorLifecycle.Retire(pi, Today));
        Assert.Equal(Today, pi.RetiredOn);
        Assert.Equal("NI 191 was already retired on 9 December 2010.", IndicatorLifecycle.Retire(pi, Today.AddDays(1)));
        Assert.Equal(Today, pi.RetiredOn);
        Assert.Equal("NI 191 was retired on 9 December 2010: reactivate it to enter figures or set targets.", IndicatorLifecycle.ClosedForFigures(pi));

        Assert.Null(IndicatorLifecycle.Reactivate(pi));
        Assert.False(pi.IsRetired);
        Assert.Null(IndicatorLifecycle.ClosedForFigures(pi));
        Assert.Equal("NI 191 is not retired.", IndicatorLifecycle.Reactivate(pi));
    }

    [Fact]
    public void Only_an_active_person_can_own_an_indicator()
    {
        Assert.Null(IndicatorLifecycle.CheckOwner(new Person { Name = "Sue Marsh" }, chosen: true));
        Assert.Equal("Sue Marsh has been deactivated: choose an active person.",
            IndicatorLifecycle.CheckOwner(new Person { Name = "Sue Marsh", DeactivatedAt = DateTimeOffset.UnixEpoch }, chosen: true));
        Assert.Equal("That person is not in the dashboard: choose another.", IndicatorLifecycle.CheckOwner(null, chosen: true));
        Assert.Equal("Choose who reports the figures.", IndicatorLifecycle.CheckOwner(null, chosen: false));
    }

    [Fact]
    public void Targets_can_be_set_from_the_first_year_with_figures_to_next_year()
    {
        Assert.Equal(["2009/10", "2010/11", "2011/12"], TargetEntry.Years(Today, new DateOnly(2009, 4, 1)).Select(y => y.Label));
        Assert.Equal(["2010/11", "2011/12"], TargetEntry.Years(Today, null).Select(y => y.Label));
    }

    [Fact]
    public void A_year_out_of_range_or_a_data_only_indicator_is_refused()
    {
        var pi = Indicator();

        var (_, early) = TargetEntry.Check(pi, new FinancialYear(2005), Councils, [new(Bdc, null, "500")], Allowed);
        pi.IsDataOnly = true;
        var (_, dataOnly) = TargetEntry.Check(pi, Year, Councils, [new(Bdc, null, "500")], Allowed);

        Assert.Equal("Targets can be set for 2009/10 to 2011/12, not 2005/06.", early[TargetEntry.YearField]);
        Assert.Equal("NI 191 is data only: it has no targets.", dataOnly[TargetEntry.YearField]);
    }

    [Theory]
    [InlineData("kg", false, "-1", "kg cannot be negative for NI 191.")]
    [InlineData("kg", false, "lots", "\"lots\" is not a number: enter a number of kg, e.g. 48.71.")]
    [InlineData("%", false, "101", "A percentage cannot be more than 100.")]
    public void A_bad_target_is_named_beside_its_box_and_nothing_is_changed(string unit, bool allowsNegative, string typed, string message)
    {
        var pi = Indicator(unit: unit);
        pi.AllowsNegative = allowsNegative;

        var (changes, errors) = TargetEntry.Check(pi, Year, Councils, [new(Rbc, new DateOnly(2010, 4, 1), "47"), new(Bdc, new DateOnly(2010, 5, 1), typed)], Allowed);

        Assert.Empty(changes);
        Assert.Equal(message, errors[TargetEntry.FieldKey(Bdc, new DateOnly(2010, 5, 1))]);
    }

    [Fact]
    public void A_negative_target_is_allowed_where_the_indicator_allows_negatives()
    {
        var pi = Indicator();
        pi.AllowsNegative = true;

        var (changes, errors) = TargetEntry.Check(pi, Year, Councils, [new(Bdc, null, "-3")], Allowed);

        Assert.Empty(errors);
        Assert.Equal(-3m, Assert.Single(changes).Value);
    }

    [Fact]
    public void Periods_must_start_a_period_of_the_year_and_annual_indicators_take_only_a_year_target()
    {
        var quarterly = Indicator(CollectionFrequency.Quarterly);
        var annual = Indicator(CollectionFrequency.Annual);

        var (_, errors) = TargetEntry.Check(quarterly, Year, Councils, [new(Bdc, new DateOnly(2010, 5, 1), "1"), new(Rbc, new DateOnly(2011, 4, 1), "1"), new(99, null, "1")], Allowed);
        var (_, annualErrors) = TargetEntry.Check(annual, Year, Councils, [new(Bdc, new DateOnly(2010, 4, 1), "95")], Allowed);

        Assert.Equal("1 May 2010 does not start one of NI 191's periods in 2010/11.", errors[TargetEntry.FieldKey(Bdc, new DateOnly(2010, 5, 1))]);
        Assert.Equal("1 Apr 2011 does not start one of NI 191's periods in 2010/11.", errors[TargetEntry.FieldKey(Rbc, new DateOnly(2011, 4, 1))]);
        Assert.Equal("That council does not report this indicator.", errors[TargetEntry.FieldKey(99, null)]);
        Assert.Equal("NI 191 is collected annually: set the year's target.", annualErrors[TargetEntry.FieldKey(Bdc, new DateOnly(2010, 4, 1))]);
    }

    [Fact]
    public void Monthly_targets_set_the_years_target_and_a_year_target_typed_beside_them_is_refused()
    {
        var pi = Indicator();
        var april = new DateOnly(2010, 4, 1);
        var may = new DateOnly(2010, 5, 1);
        var (changes, errors) = TargetEntry.Check(pi, Year, Councils, [new(Bdc, april, "47.66"), new(Bdc, may, "47.67")], Allowed);
        Assert.Empty(errors);

        TargetEntry.ApplyTo(pi, Year, changes);

        Assert.Equal(95.33m, pi.Targets.Single(t => t.CouncilId == Bdc && t.PeriodStart is null && t.FinancialYear == 2010).Target);
        var (_, refused) = TargetEntry.Check(pi, Year, Councils, [new(Bdc, null, "600")], Allowed);
        Assert.Equal("The year's target follows from the monthly targets: clear them to set the year's target on its own.", refused[TargetEntry.FieldKey(Bdc, null)]);
    }

    [Fact]
    public void Without_period_targets_a_council_sets_the_years_target_alone_and_a_blank_removes_a_target()
    {
        var pi = Indicator(aggregation: YtdAggregation.Average, unit: "%");
        var april = new DateOnly(2010, 4, 1);
        pi.Targets.Add(new PiTarget { CouncilId = Rbc, FinancialYear = 2010, PeriodStart = april, Target = 40m });
        pi.Targets.Add(new PiTarget { CouncilId = Rbc, FinancialYear = 2010, Target = 40m });

        var (changes, errors) = TargetEntry.Check(pi, Year, Councils, [new(Bdc, null, "44%"), new(Rbc, april, ""), new(Rbc, null, "41")], Allowed);
        Assert.Empty(errors);
        TargetEntry.ApplyTo(pi, Year, changes);

        Assert.Equal([(Bdc, (DateOnly?)null, 44m), (Rbc, null, 41m)], pi.Targets.OrderBy(t => t.CouncilId).Select(t => (t.CouncilId, t.PeriodStart, t.Target)));
    }
}
