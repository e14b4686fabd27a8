using Dashboard.Domain.Meetings;
using Dashboard.Domain.Reminders;
using Dashboard.Domain.Services;

namespace Dashboard.Tests.Domain;

/// <summary>Adding, moving and cancelling board meetings, and the deadlines that follow the meetings.</summary>
public sealed class MeetingRulesTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static readonly ScheduledMeeting[] Schedule =
    [
        new(1, D(2010, 11, 11), IsCancelled: false, PackFrozen: true),
        new(2, D(2010, 12, 9), IsCancelled: false, PackFrozen: false),
        new(3, D(2011, 1, 13), IsCancelled: true, PackFrozen: false),
        new(4, D(2011, 2, 10), IsCancelled: false, PackFrozen: false),
    ];

    [Fact]
    public void A_meeting_needs_a_date_and_a_title_and_the_title_starts_as_the_boards_name()
    {
        var input = new MeetingInput { Title = " " };

        var errors = input.Validate(Schedule);

        Assert.Equal("Give the date of the meeting.", errors[nameof(MeetingInput.Date)]);
        Assert.Equal("Give the meeting a title, e.g. \"Shared Services Board\".", errors[nameof(MeetingInput.Title)]);
        Assert.Equal("Shared Services Board", new MeetingInput().Title);
    }

    [Fact]
    public void Two_meetings_cannot_share_a_date()
    {
        var errors = new MeetingInput { Date = D(2010, 12, 9) }.Validate(Schedule);

        Assert.Equal("The board already meets on 9 December 2010: two meetings cannot share a date.", Assert.Single(errors).Value);
    }

    [Fact]
    public void A_cancelled_meetings_date_is_free_for_a_new_meeting()
    {
        Assert.Empty(new MeetingInput { Date = D(2011, 1, 13), Venue = "Town Hall, Redditch" }.Validate(Schedule));
    }

    [Fact]
    public void A_meeting_being_moved_may_keep_its_own_date_but_not_take_anothers()
    {
        Assert.Empty(new MeetingInput { Date = D(2010, 12, 9), Venue = "Town Hall, Redditch" }.Validate(Schedule, movingId: 2));
        Assert.Contains("10 February 2011", new MeetingInput { Date = D(2011, 2, 10) }.Validate(Schedule, movingId: 2)[nameof(MeetingInput.Date)], StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_titles_and_venues_are_refused()
    {
        var errors = new MeetingInput { Date = D(2011, 3, 10), Title = new string('x', 201), Venue = new string('y', 201) }.Validate(Schedule);

        Assert.Equal("Keep the title to 200 characters.", errors[nameof(MeetingInput.Title)]);
        Assert.Equal("Keep the venue to 200 characters.", errors[nameof(MeetingInput.Venue)]);
    }

    [Fact]
    public void A_meeting_whose_pack_is_frozen_or_that_was_cancelled_cannot_be_moved_or_cancelled_and_says_why()
    {
        Assert.Equal(
            "The board pack for 11 November 2010 has been frozen as the record of that meeting, so the meeting cannot be moved.",
            MeetingRules.WhyFixed(Schedule[0], "moved"));
        Assert.Equal("The meeting of 13 January 2011 was cancelled, so it cannot be cancelled.", MeetingRules.WhyFixed(Schedule[2], "cancelled"));
        Assert.Null(MeetingRules.WhyFixed(Schedule[1], "moved"));
    }

    [Fact]
    public void Only_meetings_not_cancelled_count_for_deadlines()
    {
        var meetings = new[]
        {
            new BoardMeeting { Date = D(2011, 1, 13), Title = "Shared Services Board", CancelledAt = DateTimeOffset.UnixEpoch, CancelledBy = "Priya Shah" },
            new BoardMeeting { Date = D(2011, 2, 10), Title = "Shared Services Board" },
            new BoardMeeting { Date = D(2010, 12, 9), Title = "Shared Services Board" },
        };

        Assert.Equal([D(2010, 12, 9), D(2011, 2, 10)], MeetingRules.DatesThatCount(meetings));
    }

    private static readonly ServiceToReport Payroll = new(5, "Payroll", 11, null);
    private static readonly ProjectToReport Revenues = new(20, "Revenues and Benefits", 17, Rag.Amber);

    private static List<Obligation> Due(IEnumerable<BoardMeeting> meetings, DateOnly from, DateOnly to, WorkingCalendar? calendar = null)
    {
        var schedule = new ObligationSchedule(DeadlineRules.Default, calendar ?? WorkingCalendar.WeekdaysOnly, MeetingRules.DatesThatCount(meetings));
        return [.. schedule.StatusCards([Payroll], from, to).Concat(schedule.HighlightReports([Revenues], from, to))];
    }

    private static BoardMeeting Meeting(int year, int month, int day, bool cancelled = false) => new()
    {
        Date = D(year, month, day),
        Title = "Shared Services Board",
        CancelledAt = cancelled ? DateTimeOffset.UnixEpoch : null,
    };

    [Fact]
    public void When_januarys_meeting_is_cancelled_januarys_status_card_and_the_highlight_report_fall_due_before_februarys()
    {
        var withJanuary = Due([Meeting(2011, 1, 13), Meeting(2011, 2, 10)], D(2011, 1, 1), D(2011, 2, 28));
        var cancelled = Due([Meeting(2011, 1, 13, cancelled: true), Meeting(2011, 2, 10)], D(2011, 1, 1), D(2011, 2, 28));

        Assert.Contains(withJanuary, o => o.Title == "Payroll: status card for January 2011" && o.Deadline == D(2011, 1, 11));
        Assert.Contains(withJanuary, o => o.Kind == ObligationKind.HighlightReport && o.Period == D(2010, 12, 31) && o.Deadline == D(2011, 1, 6));

        Assert.Contains(cancelled, o => o.Title == "Payroll: status card for January 2011" && o.Deadline == D(2011, 2, 8));
        Assert.DoesNotContain(cancelled, o => o.Deadline.Month == 1);
        Assert.DoesNotContain(cancelled, o => o.Kind == ObligationKind.HighlightReport && o.Period == D(2010, 12, 31));
    }

    [Fact]
    public void A_moved_meeting_takes_its_deadlines_with_it()
    {
        var moved = Due([Meeting(2011, 1, 20), Meeting(2011, 2, 10)], D(2011, 1, 1), D(2011, 1, 31));

        Assert.Contains(moved, o => o.Title == "Payroll: status card for January 2011" && o.Deadline == D(2011, 1, 18));
        Assert.Contains(moved, o => o.Kind == ObligationKind.HighlightReport && o.Deadline == D(2011, 1, 13));
    }

    [Fact]
    public void The_updates_due_before_each_meeting_are_listed_with_their_deadlines()
    {
        var schedule = new ObligationSchedule(DeadlineRules.Default, WorkingCalendar.WeekdaysOnly, [D(2010, 12, 9), D(2011, 2, 10)]);

        Assert.Equal([("Status cards for December 2010", D(2010, 12, 7)), ("Highlight reports of Amber and Red projects", D(2010, 12, 2))], schedule.DueBefore(D(2010, 12, 9)));
        Assert.Equal(
            [("Status cards for January 2011", D(2011, 2, 8)), ("Status cards for February 2011", D(2011, 2, 8)), ("Highlight reports of Amber and Red projects", D(2011, 2, 3))],
            schedule.DueBefore(D(2011, 2, 10)));
        Assert.Empty(schedule.DueBefore(D(2011, 1, 13)));
    }

    [Fact]
    public void An_extra_bank_holiday_moves_a_deadline_counted_in_working_days()
    {
        // Two working days before Thursday 9 December is Tuesday 7th; with Tuesday a bank holiday it is Monday 6th.
        var calendar = WorkingCalendar.WeekdaysOnly.With([new BankHolidayChange { Date = D(2010, 12, 7), Kind = BankHolidayChangeKind.ExtraBankHoliday, Name = "Extra" }]);

        var due = Due([Meeting(2010, 12, 9)], D(2010, 12, 1), D(2010, 12, 31), calendar);

        Assert.Contains(due, o => o.Title == "Payroll: status card for December 2010" && o.Deadline == D(2010, 12, 6));
    }
}
