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

    /// <summary>
    /// When a record people read is stamped as written (a card's "updated", a figure's "entered", a risk's
    /// "assessed"): now, except that a pinned clock keeps its date with the real time of day, so a card saved for
    /// the demo's December 2010 does not say it was updated in another year. Audit timestamps stay real.
    /// </summary>
    public DateTimeOffset RecordedAt => pinnedToday is { } day
        ? new DateTimeOffset(day.ToDateTime(TimeOnly.FromDateTime(LondonNow)), London.GetUtcOffset(day.ToDateTime(TimeOnly.FromDateTime(LondonNow))))
        : UtcNow;

    /// <summary>First day of the month in progress: the period status cards are being written for.</summary>
    public DateOnly CurrentMonth => new(Today.Year, Today.Month, 1);

    public FinancialYear CurrentFinancialYear => FinancialYear.Of(Today);

    public FinancialQuarter CurrentQuarter => FinancialQuarter.Of(Today);
}
