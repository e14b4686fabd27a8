using Dashboard.Domain;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Performance;
using Dashboard.Domain.Services;
using Dashboard.Domain.Time;

namespace Dashboard.Data;

public static partial class DemoSeed
{
    private static readonly DateOnly FirstDemoPeriod = new(2009, 4, 1);

    /// <summary>The last month the report of 9 December 2010 could have figures for.</summary>
    private static readonly DateOnly LastDemoPeriod = new(2010, 11, 1);

    private sealed record CouncilSeries(decimal Base, decimal Target2009, decimal Target2010);

    private sealed record IndicatorSeed(
        string Ref, string Description, string Unit, Polarity Polarity, CollectionFrequency Frequency, YtdAggregation Aggregation,
        decimal TolerancePercent, string Owner, string? Service, CouncilSeries Bdc, CouncilSeries Rbc,
        double Seasonality = 0.05, double MonthlyDrift = 0, bool DataOnly = false, int DecimalPlaces = 2, int FirstYear = 2009);

    // Minute 40/10 records, for BDC's September 2010 figures, 59% of indicators stable or improving, 59% of those with a
    // target met as at the month end and 76% projected to meet it at the year end: 10, 10 and 13 of 17. So BDC has 17
    // indicators with a target and last year's figure. The household waste, recycling and sickness absence indicators are
    // the ones the papers name (the minute notes the rise in sickness absence); the others, and every series, are
    // illustrative. NI 191's tolerance is 2%: the report counts BDC's 146.98 kg against 142.99 (2.8% over) as missed.
    private static readonly IndicatorSeed[] Indicators =
    [
        new("NI 191", "Household waste (kg)", "kg", Polarity.LowerIsBetter, CollectionFrequency.Monthly, YtdAggregation.Sum, 2m,
            "Sue Marsh", "Environmental Services", new(48.5m, 49.0m, 47.67m), new(46.5m, 48.0m, 47.5m), Seasonality: 0.06),
        new("NI 192", "Household waste sent for reuse, recycling and composting (%)", "%", Polarity.HigherIsBetter, CollectionFrequency.Monthly, YtdAggregation.Average, 5m,
            "Sue Marsh", "Environmental Services", new(40.5m, 40m, 44m), new(31.5m, 30m, 34m), Seasonality: 0.08, MonthlyDrift: 0.004),
        new("BV 12", "Working days lost due to sickness absence (days per FTE)", "days", Polarity.LowerIsBetter, CollectionFrequency.Monthly, YtdAggregation.Sum, 5m,
            "Gail Porter", "HR & OD", new(0.72m, 8.5m, 9.2m), new(0.80m, 9.5m, 9.0m), Seasonality: 0.15, MonthlyDrift: 0.012),
        new("ICT 01", "Service desk calls resolved at first contact (%)", "%", Polarity.HigherIsBetter, CollectionFrequency.Monthly, YtdAggregation.Average, 5m,
            "Alex Morgan", "ICT", new(67m, 70m, 70m), new(63m, 70m, 70m), Seasonality: 0.02, MonthlyDrift: 0.006),
        new("LIF 01", "Lifeline alarm calls answered within 60 seconds (%)", "%", Polarity.HigherIsBetter, CollectionFrequency.Monthly, YtdAggregation.Average, 1m,
            "Lee Carter", "CCTV & Lifeline", new(97.6m, 97.5m, 97.5m), new(97.9m, 97.5m, 97.5m), Seasonality: 0.005),
        new("CCT 01", "CCTV cameras in working order (%)", "%", Polarity.HigherIsBetter, CollectionFrequency.Monthly, YtdAggregation.Average, 2m,
            "Lee Carter", "CCTV & Lifeline", new(94m, 95m, 94m), new(96m, 95m, 95m), Seasonality: 0.01, MonthlyDrift: 0.001),
        // Collected since the shared team began in April 2010, so it has no last year to compare with.
        new("CS 01", "Anti-social behaviour incidents reported to the police", "incidents", Polarity.LowerIsBetter, CollectionFrequency.Monthly, YtdAggregation.Sum, 0m,
            "Jamie Fox", "Community Safety", new(180m, 0m, 0m), new(260m, 0m, 0m), Seasonality: 0.12, MonthlyDrift: -0.004, DataOnly: true, DecimalPlaces: 0, FirstYear: 2010),
        new("PRO 01", "Cashable procurement savings (£k)", "£k", Polarity.HigherIsBetter, CollectionFrequency.Quarterly, YtdAggregation.Sum, 10m,
            "Tom Baker", "Procurement", new(20m, 80m, 90m), new(25m, 100m, 110m), Seasonality: 0.1, MonthlyDrift: 0.01, DecimalPlaces: 1),
        new("ELE 01", "Electoral register return rate (%)", "%", Polarity.HigherIsBetter, CollectionFrequency.Annual, YtdAggregation.Latest, 2m,
            "Chris Patel", "Elections", new(95.1m, 95m, 94m), new(92.4m, 93m, 93m), Seasonality: 0, MonthlyDrift: 0.001, DecimalPlaces: 1),
        new("PAY 01", "Payslips issued accurately and on time (%)", "%", Polarity.HigherIsBetter, CollectionFrequency.Monthly, YtdAggregation.Average, 0.5m,
            "Rosa Grant", "Payroll", new(99.2m, 99.5m, 98m), new(99.6m, 99.5m, 99.5m), Seasonality: 0.002),
        new("CC 01", "Energy used in council buildings (MWh)", "MWh", Polarity.LowerIsBetter, CollectionFrequency.Monthly, YtdAggregation.Sum, 3m,
            "Nina Walsh", "Climate Change", new(410m, 4900m, 4500m), new(520m, 6200m, 6000m), Seasonality: 0.2, MonthlyDrift: -0.003, DecimalPlaces: 0),
        new("IA 01", "Internal audit reports issued within 10 working days of fieldwork (%)", "%", Polarity.HigherIsBetter, CollectionFrequency.Quarterly, YtdAggregation.Average, 5m,
            "Ruth Lane", "Internal Audit", new(82m, 85m, 85m), new(86m, 85m, 85m), Seasonality: 0.03, DecimalPlaces: 0),
        new("NI 181", "Time taken to process Housing Benefit and Council Tax Benefit new claims and change events (days)", "days", Polarity.LowerIsBetter, CollectionFrequency.Monthly, YtdAggregation.Average, 5m,
            "Helen Cole", "Revenues & Benefits transformation", new(12.5m, 13m, 12m), new(14m, 14m, 13m), Seasonality: 0.1, MonthlyDrift: -0.004, DecimalPlaces: 1),
        new("BV 79a", "Housing Benefit and Council Tax Benefit claims processed accurately (%)", "%", Polarity.HigherIsBetter, CollectionFrequency.Monthly, YtdAggregation.Average, 1m,
            "Helen Cole", "Revenues & Benefits transformation", new(97m, 98m, 98m), new(98.4m, 98m, 98m), Seasonality: 0.005),
        new("BV 8", "Undisputed invoices paid within 30 days (%)", "%", Polarity.HigherIsBetter, CollectionFrequency.Monthly, YtdAggregation.Average, 2m,
            "Dana Hughes", null, new(93m, 95m, 94m), new(96m, 95m, 96m), Seasonality: 0.01, MonthlyDrift: 0.001),
        new("NI 14", "Avoidable contact: customer contact that was avoidable (%)", "%", Polarity.LowerIsBetter, CollectionFrequency.Quarterly, YtdAggregation.Average, 5m,
            "Dana Hughes", null, new(24m, 25m, 23m), new(27m, 25m, 24m), Seasonality: 0.04, MonthlyDrift: -0.003, DecimalPlaces: 1),
        new("NI 157a", "Major planning applications determined within 13 weeks (%)", "%", Polarity.HigherIsBetter, CollectionFrequency.Quarterly, YtdAggregation.Average, 5m,
            "Dana Hughes", null, new(68m, 60m, 65m), new(72m, 60m, 65m), Seasonality: 0.05, DecimalPlaces: 0),
        new("NI 195a", "Land with unacceptable levels of litter (%)", "%", Polarity.LowerIsBetter, CollectionFrequency.Quarterly, YtdAggregation.Average, 10m,
            "Sue Marsh", "Environmental Services", new(7m, 8m, 7m), new(9m, 9m, 8m), Seasonality: 0.1, MonthlyDrift: 0.004, DecimalPlaces: 0),
    ];

    private const string AppendixBSplit = "Appendix B: YTD 146.98 (the monthly split is illustrative)";

    // Figures printed in the papers, which the generated series must reproduce exactly, with where they are printed.
    private static readonly Dictionary<(string Ref, string Council, DateOnly Period), (decimal Value, string Source)> ReportedValues = new()
    {
        // Appendix B: BDC household waste YTD actual 146.98, here taken as Q1 2010/11 (the report states no period; the
        // monthly split is illustrative). RBC's actual is not printed, so RBC's series is illustrative throughout: the
        // row as printed is an entered key performance standard (SeedKeyStandards), not a series.
        [("NI 191", "BDC", new DateOnly(2010, 4, 1))] = (49.12m, AppendixBSplit),
        [("NI 191", "BDC", new DateOnly(2010, 5, 1))] = (48.71m, AppendixBSplit),
        [("NI 191", "BDC", new DateOnly(2010, 6, 1))] = (49.15m, AppendixBSplit),

        // Minute 40/10: recycling rate of 43.06% (September 2010).
        [("NI 192", "BDC", new DateOnly(2010, 9, 1))] = (43.06m, "Minute 40/10"),
    };

    // Last year's BDC figures for three indicators, picked (illustratively) so that September 2010 is worse than September
    // 2009, as seven of Minute 40/10's seventeen indicators were.
    private static readonly Dictionary<(string Ref, string Council, DateOnly Period), decimal> ChosenValues = new()
    {
        [("CCT 01", "BDC", new DateOnly(2009, 9, 1))] = 96m,
        [("IA 01", "BDC", new DateOnly(2009, 7, 1))] = 84m,
        [("NI 157a", "BDC", new DateOnly(2009, 7, 1))] = 70m,
    };

    private static readonly Dictionary<(string Ref, string Council, DateOnly Period), decimal> ReportedTargets = new()
    {
        // Appendix B: BDC YTD target 142.99, here over April–June 2010.
        [("NI 191", "BDC", new DateOnly(2010, 4, 1))] = 47.66m,
        [("NI 191", "BDC", new DateOnly(2010, 5, 1))] = 47.66m,
        [("NI 191", "BDC", new DateOnly(2010, 6, 1))] = 47.67m,
    };

    /// <summary>
    /// Values the demo deliberately leaves out, so late PI updates show as overdue: a service manager's, and one the
    /// performance officer (the demo's report owner) still owes for the corporate indicators she collects.
    /// </summary>
    private static bool IsLeftOutForTheDemo(string reference, DateOnly period) => reference is "LIF 01" or "BV 8" && period == LastDemoPeriod;

    private static void SeedPerformanceIndicators(DashboardDbContext db, Dictionary<string, SharedService> services, Dictionary<string, Person> people, Council bdc, Council rbc)
    {
        foreach (var seed in Indicators)
        {
            var owner = people[seed.Owner];
            var pi = new PerformanceIndicator
            {
                Ref = seed.Ref,
                Description = seed.Description,
                Unit = seed.Unit,
                Polarity = seed.Polarity,
                Frequency = seed.Frequency,
                Aggregation = seed.Aggregation,
                TolerancePercent = seed.TolerancePercent,
                IsDataOnly = seed.DataOnly,
                DecimalPlaces = seed.DecimalPlaces,
                Owner = owner,
                SharedService = seed.Service is null ? null : services[seed.Service],
                IsDemo = true,
            };

            foreach (var (council, series) in new[] { (bdc, seed.Bdc), (rbc, seed.Rbc) })
            {
                foreach (var period in PeriodsOf(seed.Frequency).Where(p => p >= new FinancialYear(seed.FirstYear).Start))
                {
                    if (IsLeftOutForTheDemo(seed.Ref, period))
                    {
                        continue;
                    }

                    var (value, source) = ReportedValues.TryGetValue((seed.Ref, council.Code, period), out var reported)
                        ? reported
                        : (ChosenValues.GetValueOrDefault((seed.Ref, council.Code, period), Generate(seed, council.Code, series.Base, period)), Provenance.Illustrative);
                    pi.Values.Add(new PiValue
                    {
                        Council = council,
                        PeriodStart = period,
                        Value = value,
                        Source = source,
                        EnteredBy = owner,
                        EnteredAt = new DateTimeOffset(PeriodEnd(seed.Frequency, period).AddDays(5).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
                    });
                }

                if (!seed.DataOnly)
                {
                    AddTargets(pi, seed, council, new FinancialYear(2009), series.Target2009);
                    AddTargets(pi, seed, council, new FinancialYear(2010), series.Target2010);
                }

                var firstYear = pi.Values.Where(v => v.Council == council && new FinancialYear(2009).Contains(v.PeriodStart)).Select(v => v.Value).ToList();
                if (firstYear.Count > 0)
                {
                    pi.Baselines.Add(new PiBaseline
                    {
                        Council = council,
                        Value = Math.Round(seed.Aggregation == YtdAggregation.Sum ? firstYear.Sum() : firstYear.Average(), seed.DecimalPlaces),
                        MeasuredOn = new DateOnly(2010, 3, 31),
                        Note = "2009/10 outturn, before shared services (illustrative).",
                    });
                }
            }

            db.PerformanceIndicators.Add(pi);
        }
    }

    /// <summary>Where Appendix B's one filled row is printed: the key performance standards table of the proforma.</summary>
    public const string AppendixBSource = "Progress report of 9 December 2010, Appendix B (period not stated; RBC's trend cell prints a stray 578)";

    /// <summary>
    /// Each live service's key performance standards: its demo indicators, whose figures follow the catalogue, and
    /// Appendix B's household waste row exactly as printed — BDC YTD target 142.99, YTD actual 146.98, trend "W";
    /// RBC YTD target 578 and nothing else — under Environmental Services, the waste service (it shows once that goes live).
    /// </summary>
    private static void SeedKeyStandards(DashboardDbContext db, Dictionary<string, SharedService> services, Council bdc, Council rbc)
    {
        var updated = new DateTimeOffset(2010, 12, 6, 9, 0, 0, TimeSpan.Zero);
        var indicators = db.PerformanceIndicators.Local.Where(p => p.SharedService is { Phase: ServicePhase.Live }).OrderBy(p => p.Ref, Dashboard.Domain.NaturalOrder.Instance);
        foreach (var byService in indicators.GroupBy(p => p.SharedService!))
        {
            var order = 0;
            foreach (var pi in byService)
            {
                db.KeyStandards.Add(new KeyStandard { SharedService = byService.Key, PerformanceIndicator = pi, Order = ++order, UpdatedAt = updated });
            }
        }

        db.KeyStandards.Add(new KeyStandard
        {
            SharedService = services["Environmental Services"],
            Order = 1,
            Description = "Household waste (kg)",
            Source = AppendixBSource,
            UpdatedAt = updated,
            Figures =
            [
                new KeyStandardFigure { Council = bdc, YtdTarget = 142.99m, YtdActual = 146.98m, Trend = Trend.Worsening },
                new KeyStandardFigure { Council = rbc, YtdTarget = 578m },
            ],
        });
    }

    private static void AddTargets(PerformanceIndicator pi, IndicatorSeed seed, Council council, FinancialYear year, decimal given)
    {
        if (seed.Frequency == CollectionFrequency.Annual)
        {
            pi.Targets.Add(new PiTarget { Council = council, FinancialYear = year.StartYear, Target = given });
            return;
        }

        var perYear = seed.Frequency == CollectionFrequency.Monthly ? 12 : 4;
        var annual = 0m;
        foreach (var period in year.Months.Where(m => IsPeriodStart(seed.Frequency, m)))
        {
            // A summed indicator's annual target is the sum of its period targets; those of waste, sickness and energy use
            // follow the season as their figures do (more in winter); rates keep the same target every period. NI 191's
            // given target is already monthly.
            var seasonal = seed.Polarity == Polarity.LowerIsBetter ? (decimal)Seasonal(seed, period) : 1m;
            var periodTarget = ReportedTargets.TryGetValue((seed.Ref, council.Code, period), out var reported) ? reported
                : seed.Aggregation == YtdAggregation.Sum ? Math.Round((seed.Ref == "NI 191" ? given : given / perYear) * seasonal, seed.DecimalPlaces)
                : given;
            annual += periodTarget;
            pi.Targets.Add(new PiTarget { Council = council, FinancialYear = year.StartYear, PeriodStart = period, Target = periodTarget });
        }

        pi.Targets.Add(new PiTarget
        {
            Council = council,
            FinancialYear = year.StartYear,
            Target = seed.Aggregation == YtdAggregation.Sum ? annual : given,
        });
    }

    private static bool IsPeriodStart(CollectionFrequency frequency, DateOnly month) => frequency switch
    {
        CollectionFrequency.Monthly => true,
        CollectionFrequency.Quarterly => (month.Month - 4 + 12) % 3 == 0,
        _ => month.Month == 4,
    };

    private static IEnumerable<DateOnly> PeriodsOf(CollectionFrequency frequency)
    {
        // The electoral register is published each December, within the year it counts for, so both annual values exist.
        if (frequency == CollectionFrequency.Annual)
        {
            return [FirstDemoPeriod, FirstDemoPeriod.AddYears(1)];
        }

        var lastDay = LastDemoPeriod.AddMonths(1).AddDays(-1);
        return Enumerable.Range(0, 20)
            .Select(FirstDemoPeriod.AddMonths)
            .Where(m => IsPeriodStart(frequency, m) && PeriodEnd(frequency, m) <= lastDay);
    }

    private static DateOnly PeriodEnd(CollectionFrequency frequency, DateOnly start) => frequency switch
    {
        CollectionFrequency.Monthly => start.AddMonths(1).AddDays(-1),
        CollectionFrequency.Quarterly => start.AddMonths(3).AddDays(-1),
        _ => start.AddYears(1).AddDays(-1),
    };

    /// <summary>A seasonal, drifting series with repeatable noise: the same figures on every machine and run.</summary>
    private static decimal Generate(IndicatorSeed seed, string council, decimal baseValue, DateOnly period)
    {
        var seasonal = Seasonal(seed, period);
        var drift = 1 + (seed.MonthlyDrift * ((period.Year - FirstDemoPeriod.Year) * 12 + period.Month - FirstDemoPeriod.Month));
        var noise = 1 + (0.03 * Noise($"{seed.Ref}|{council}|{period:yyyy-MM}"));
        var value = (double)baseValue * seasonal * drift * noise;
        if (seed.Unit == "%")
        {
            value = Math.Min(value, 100);
        }

        return Math.Round((decimal)value, seed.DecimalPlaces);
    }

    /// <summary>The season's factor for a period: highest in January, lowest in July.</summary>
    private static double Seasonal(IndicatorSeed seed, DateOnly period)
    {
        var monthOfYear = ((period.Month - 4 + 12) % 12) + 1;
        return 1 + (seed.Seasonality * Math.Cos(2 * Math.PI * (monthOfYear - 10) / 12));
    }

    /// <summary>FNV-1a of the key mapped to [-1, 1]; string.GetHashCode is randomised per process.</summary>
    private static double Noise(string key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (hash % 20001 / 10000.0) - 1;
    }
}
