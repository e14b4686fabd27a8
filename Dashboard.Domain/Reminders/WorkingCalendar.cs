namespace Dashboard.Domain.Reminders;

/// <summary>Monday to Friday, less the bank holidays the councils close for.</summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> bankHolidays)
{
    private readonly HashSet<DateOnly> holidays = [.. bankHolidays];

    public static WorkingCalendar WeekdaysOnly { get; } = new([]);

    /// <summary>The days off, in date order.</summary>
    public IReadOnlyList<DateOnly> BankHolidays => [.. holidays.Order()];

    public bool IsBankHoliday(DateOnly date) => holidays.Contains(date);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date);

    /// <summary>
    /// This calendar (the configured one) as administrators have changed it: extra bank holidays added, configured
    /// ones worked. Pure, so the reminder run and "My updates due" build the same calendar from the same changes.
    /// </summary>
    public WorkingCalendar With(IEnumerable<BankHolidayChange> changes)
    {
        var days = new HashSet<DateOnly>(holidays);
        foreach (var change in changes)
        {
            if (change.Kind == BankHolidayChangeKind.ExtraBankHoliday)
            {
                days.Add(change.Date);
            }
            else
            {
                days.Remove(change.Date);
            }
        }

        return new WorkingCalendar(days);
    }

    /// <summary>The date <paramref name="count"/> working days after (or, when negative, before) <paramref name="from"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int count)
    {
        var step = Math.Sign(count);
        var date = from;
        for (var left = Math.Abs(count); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                left--;
            }
        }

        return date;
    }
}
