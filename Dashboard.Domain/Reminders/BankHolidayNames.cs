namespace Dashboard.Domain.Reminders;

/// <summary>
/// What the England and Wales bank holidays are called, worked out from their rules (Easter, the first and last
/// Mondays, substitute days), so the configured dates can be shown by name. A one-off day (a royal wedding, a
/// jubilee) has no rule and no name here.
/// </summary>
public static class BankHolidayNames
{
    public static string? EnglandAndWales(DateOnly date)
    {
        var year = date.Year;
        var easter = EasterSunday(year);
        if (date == easter.AddDays(-2))
        {
            return "Good Friday";
        }

        if (date == easter.AddDays(1))
        {
            return "Easter Monday";
        }

        if (date.Month == 5 && date == FirstMonday(year, 5))
        {
            return "Early May bank holiday";
        }

        if (date.Month == 5 && date == LastMonday(year, 5))
        {
            return "Spring bank holiday";
        }

        if (date.Month == 8 && date == LastMonday(year, 8))
        {
            return "Summer bank holiday";
        }

        if (date.Month == 1 && date == Observed(new DateOnly(year, 1, 1)))
        {
            return date.Day == 1 ? "New Year's Day" : "New Year's Day (substitute day)";
        }

        var (christmas, boxingDay) = ChristmasObserved(year);
        if (date == christmas)
        {
            return date.Day == 25 ? "Christmas Day" : "Christmas Day (substitute day)";
        }

        if (date == boxingDay)
        {
            return date.Day == 26 ? "Boxing Day" : "Boxing Day (substitute day)";
        }

        return null;
    }

    // A holiday falling at a weekend is taken on the next weekday.
    private static DateOnly Observed(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static (DateOnly Christmas, DateOnly BoxingDay) ChristmasObserved(int year)
    {
        var christmas = new DateOnly(year, 12, 25);
        return christmas.DayOfWeek switch
        {
            DayOfWeek.Saturday => (christmas.AddDays(2), christmas.AddDays(3)),
            DayOfWeek.Sunday => (christmas.AddDays(2), christmas.AddDays(1)),
            DayOfWeek.Friday => (christmas, christmas.AddDays(3)),
            _ => (christmas, christmas.AddDays(1)),
        };
    }

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
    private static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
