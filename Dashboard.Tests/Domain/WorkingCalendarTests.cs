using Dashboard.Domain.Reminders;

namespace Dashboard.Tests.Domain;

/// <summary>The configured bank holidays stay the default; administrators add a day off or work a configured one.</summary>
public sealed class WorkingCalendarTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    // Christmas 2010 as configured: Monday 27 and Tuesday 28 December, Monday 3 January.
    private static readonly WorkingCalendar Configured = new([D(2010, 12, 27), D(2010, 12, 28), D(2011, 1, 3)]);

    private static BankHolidayChange Extra(DateOnly date, string name = "Royal wedding") => new() { Date = date, Kind = BankHolidayChangeKind.ExtraBankHoliday, Name = name };

    private static BankHolidayChange Worked(DateOnly date) => new() { Date = date, Kind = BankHolidayChangeKind.WorkingDay };

    [Fact]
    public void An_extra_bank_holiday_is_not_a_working_day_and_deadlines_count_past_it()
    {
        var calendar = Configured.With([Extra(D(2011, 4, 29))]);

        Assert.False(calendar.IsWorkingDay(D(2011, 4, 29)));
        Assert.True(Configured.IsWorkingDay(D(2011, 4, 29)));
        Assert.Equal(D(2011, 5, 3), calendar.AddWorkingDays(D(2011, 4, 28), 2));
    }

    [Fact]
    public void A_configured_bank_holiday_marked_as_a_working_day_counts_as_one()
    {
        var calendar = Configured.With([Worked(D(2010, 12, 28))]);

        Assert.True(calendar.IsWorkingDay(D(2010, 12, 28)));
        Assert.Equal(D(2010, 12, 28), calendar.AddWorkingDays(D(2010, 12, 24), 1));
        Assert.Equal(D(2010, 12, 29), Configured.AddWorkingDays(D(2010, 12, 24), 1));
        Assert.Equal([D(2010, 12, 27), D(2011, 1, 3)], calendar.BankHolidays);
    }

    [Fact]
    public void Without_changes_the_calendar_is_the_configured_one()
    {
        Assert.Equal(Configured.BankHolidays, Configured.With([]).BankHolidays);
    }

    [Fact]
    public void An_extra_bank_holiday_needs_a_weekday_date_and_a_name()
    {
        var errors = new BankHolidayInput { Date = D(2011, 4, 30), Name = "" }.Validate(Configured, []);

        Assert.Equal("30 April 2011 is a Saturday, which is not a working day anyway.", errors[nameof(BankHolidayInput.Date)]);
        Assert.Equal("Say what the day is, e.g. \"Bank holiday for the coronation\".", errors[nameof(BankHolidayInput.Name)]);
        Assert.Equal("Give the date of the bank holiday.", new BankHolidayInput { Name = "x" }.Validate(Configured, [])[nameof(BankHolidayInput.Date)]);
        Assert.Empty(new BankHolidayInput { Date = D(2011, 4, 29), Name = "Royal wedding" }.Validate(Configured, []));
    }

    [Fact]
    public void A_day_that_is_already_a_bank_holiday_cannot_be_added_again_and_a_worked_one_is_restored_instead()
    {
        Assert.Equal("27 December 2010 is already a bank holiday.",
            new BankHolidayInput { Date = D(2010, 12, 27), Name = "Christmas" }.Validate(Configured, [])[nameof(BankHolidayInput.Date)]);

        var changes = new[] { Worked(D(2010, 12, 28)) };
        Assert.Equal("28 December 2010 is a configured bank holiday marked as a working day: restore it instead.",
            new BankHolidayInput { Date = D(2010, 12, 28), Name = "Boxing Day" }.Validate(Configured.With(changes), changes)[nameof(BankHolidayInput.Date)]);
    }

    [Fact]
    public void Only_a_configured_bank_holiday_not_already_worked_can_be_made_a_working_day()
    {
        var configured = Configured.BankHolidays;

        Assert.Null(BankHolidayInput.WhyNotWorkingDay(D(2010, 12, 27), configured, []));
        Assert.Equal("29 April 2011 is not one of the configured bank holidays.", BankHolidayInput.WhyNotWorkingDay(D(2011, 4, 29), configured, []));
        Assert.Equal("27 December 2010 is already marked as a working day.", BankHolidayInput.WhyNotWorkingDay(D(2010, 12, 27), configured, [Worked(D(2010, 12, 27))]));
    }
}

/// <summary>The configured dates shown by the names the councils know them by.</summary>
public sealed class BankHolidayNamesTests
{
    [Theory]
    [InlineData("2010-04-02", "Good Friday")]
    [InlineData("2010-04-05", "Easter Monday")]
    [InlineData("2010-05-03", "Early May bank holiday")]
    [InlineData("2010-05-31", "Spring bank holiday")]
    [InlineData("2010-08-30", "Summer bank holiday")]
    [InlineData("2010-12-27", "Christmas Day (substitute day)")] // Christmas 2010 fell on a Saturday
    [InlineData("2010-12-28", "Boxing Day (substitute day)")]
    [InlineData("2011-01-03", "New Year's Day (substitute day)")]
    [InlineData("2011-04-22", "Good Friday")]
    [InlineData("2011-12-26", "Boxing Day")] // Christmas 2011 fell on a Sunday
    [InlineData("2011-12-27", "Christmas Day (substitute day)")]
    [InlineData("2026-04-03", "Good Friday")]
    [InlineData("2026-12-28", "Boxing Day (substitute day)")] // Boxing Day 2026 falls on a Saturday
    [InlineData("2027-01-01", "New Year's Day")]
    [InlineData("2011-04-29", null)] // the royal wedding: a one-off with no rule
    [InlineData("2010-12-09", null)]
    public void Each_rule_based_bank_holiday_is_named(string date, string? name)
    {
        Assert.Equal(name, BankHolidayNames.EnglandAndWales(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
