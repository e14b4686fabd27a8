using System.Globalization;

namespace Dashboard.Domain.Reminders;

public enum BankHolidayChangeKind
{
    /// <summary>A day off the configuration does not list, e.g. an extra bank holiday for a coronation.</summary>
    ExtraBankHoliday = 1,

    /// <summary>A configured bank holiday the councils work this time.</summary>
    WorkingDay = 2,
}

/// <summary>
/// An administrator's change to the configured bank holidays (<c>Reminders:BankHolidays</c>), which stay the
/// default. Deadlines counted in working days read the calendar with these changes at run time.
/// </summary>
public sealed class BankHolidayChange
{
    public const int NameMaxLength = 100;

    public int Id { get; set; }

    public DateOnly Date { get; set; }

    public BankHolidayChangeKind Kind { get; set; }

    /// <summary>What the day is called, e.g. "Bank holiday for the coronation"; required for an extra bank holiday.</summary>
    public string? Name { get; set; }
}

/// <summary>An administrator's extra bank holiday, as typed.</summary>
public sealed record BankHolidayInput
{
    public DateOnly? Date { get; set; }

    public string? Name { get; set; }

    /// <summary>Plain-English problems keyed by field name; empty when the day can be added.</summary>
    /// <param name="calendar">The calendar in force now (configuration with administrators' changes).</param>
    /// <param name="changes">The changes already made.</param>
    public IReadOnlyDictionary<string, string> Validate(WorkingCalendar calendar, IEnumerable<BankHolidayChange> changes)
    {
        var errors = new Dictionary<string, string>();
        if (Date is not { } date)
        {
            errors[nameof(Date)] = "Give the date of the bank holiday.";
        }
        else if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            errors[nameof(Date)] = $"{Written(date)} is a {date.DayOfWeek}, which is not a working day anyway.";
        }
        else if (changes.Any(c => c.Date == date && c.Kind == BankHolidayChangeKind.WorkingDay))
        {
            errors[nameof(Date)] = $"{Written(date)} is a configured bank holiday marked as a working day: restore it instead.";
        }
        else if (calendar.IsBankHoliday(date))
        {
            errors[nameof(Date)] = $"{Written(date)} is already a bank holiday.";
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            errors[nameof(Name)] = "Say what the day is, e.g. \"Bank holiday for the coronation\".";
        }
        else if (Name.Trim().Length > BankHolidayChange.NameMaxLength)
        {
            errors[nameof(Name)] = $"Keep the name to {BankHolidayChange.NameMaxLength} characters.";
        }

        return errors;
    }

    /// <summary>Why a configured day cannot be marked as a working day; null when it can.</summary>
    public static string? WhyNotWorkingDay(DateOnly date, IReadOnlyCollection<DateOnly> configured, IEnumerable<BankHolidayChange> changes)
    {
        if (!configured.Contains(date))
        {
            return $"{Written(date)} is not one of the configured bank holidays.";
        }

        return changes.Any(c => c.Date == date && c.Kind == BankHolidayChangeKind.WorkingDay)
            ? $"{Written(date)} is already marked as a working day."
            : null;
    }

    internal static string Written(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
