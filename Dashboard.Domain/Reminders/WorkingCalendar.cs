namespace Dashboard.Domain.Reminders;

/// <summary>Monday to Friday, less the bank holidays the councils close for.</summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> bankHolidays)
{
    private readonly HashSet<DateOnly> holidays = [.. bankHolidays];

    public static WorkingCalendar WeekdaysOnly { get; } = new([]);

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date);

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
