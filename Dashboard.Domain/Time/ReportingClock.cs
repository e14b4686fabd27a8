namespace Dashboard.Domain.Time;

/// <summary>
/// "Today" for the councils' reporting rules, in Europe/London. Normally the real date; the demo pins
/// it to the date of the seeded progress report (9 Dec 2010) so that the report's figures are current,
/// while the time of day (and every audit timestamp) stays real.
/// </summary>
public sealed class ReportingClock(TimeProvider time, DateOnly? pinnedToday = null)
{
    public static TimeZoneInfo London { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public TimeProvider Time => time;

    /// <summary>The date the pinned clock shows, if it is pinned.</summary>
    public DateOnly? PinnedToday => pinnedToday;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTime LondonNow => TimeZoneInfo.ConvertTime(time.GetUtcNow(), London).DateTime;

    public DateOnly Today => pinnedToday ?? DateOnly.FromDateTime(LondonNow);

    /// <summary>First day of the month in progress: the period status cards are being written for.</summary>
    public DateOnly CurrentMonth => new(Today.Year, Today.Month, 1);

    public FinancialYear CurrentFinancialYear => FinancialYear.Of(Today);

    public FinancialQuarter CurrentQuarter => FinancialQuarter.Of(Today);
}
