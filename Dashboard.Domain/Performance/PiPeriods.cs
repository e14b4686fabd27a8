using Dashboard.Domain.Time;

namespace Dashboard.Domain.Performance;

/// <summary>The reporting periods of a collection frequency, within the April–March financial year.</summary>
public static class PiPeriods
{
    /// <summary>Whether a date is the first day of one of the frequency's periods (a month, an Apr/Jul/Oct/Jan quarter, or 1 April).</summary>
    public static bool IsPeriodStart(CollectionFrequency frequency, DateOnly date) => date.Day == 1 && frequency switch
    {
        CollectionFrequency.Monthly => true,
        CollectionFrequency.Quarterly => date.Month % 3 == 1,
        _ => date.Month == 4,
    };

    public static int MonthsIn(CollectionFrequency frequency) => frequency switch
    {
        CollectionFrequency.Monthly => 1,
        CollectionFrequency.Quarterly => 3,
        _ => 12,
    };

    public static int PeriodsPerYear(CollectionFrequency frequency) => 12 / MonthsIn(frequency);

    public static DateOnly End(CollectionFrequency frequency, DateOnly start) => start.AddMonths(MonthsIn(frequency)).AddDays(-1);

    public static DateOnly Previous(CollectionFrequency frequency, DateOnly start) => start.AddMonths(-MonthsIn(frequency));

    public static DateOnly SamePeriodLastYear(DateOnly start) => start.AddYears(-1);

    /// <summary>The period of the frequency that contains a date.</summary>
    public static DateOnly Containing(CollectionFrequency frequency, DateOnly date) => frequency switch
    {
        CollectionFrequency.Monthly => new DateOnly(date.Year, date.Month, 1),
        CollectionFrequency.Quarterly => FinancialQuarter.Of(date).Start,
        _ => FinancialYear.Of(date).Start,
    };

    /// <summary>How a period is written in the councils' reports: "Nov 2010", "Q2 2010/11", "2010/11".</summary>
    public static string Label(CollectionFrequency frequency, DateOnly start) => frequency switch
    {
        CollectionFrequency.Monthly => start.ToString("MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
        CollectionFrequency.Quarterly => FinancialQuarter.Of(start).Label,
        _ => FinancialYear.Of(start).Label,
    };
}
