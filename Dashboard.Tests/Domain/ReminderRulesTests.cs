using Dashboard.Domain.Performance;
using Dashboard.Domain.Reminders;
using Dashboard.Domain.Services;

namespace Dashboard.Tests.Domain;

/// <summary>Deadlines and the reminder ladder at fixed dates: month ends, weekends, bank holidays, year end.</summary>
public sealed class ReminderRulesTests
{
    // England and Wales bank holidays over Christmas 2010 and Easter 2011.
    private static readonly WorkingCalendar Calendar = new(
    [
        new DateOnly(2010, 12, 27), new DateOnly(2010, 12, 28), new DateOnly(2011, 1, 3),
        new DateOnly(2011, 4, 22), new DateOnly(2011, 4, 25),
    ]);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    [InlineData("2010-11-30", 5, "2010-12-07")] // Tuesday month end: the following Tuesday
    [InlineData("2010-07-31", 1, "2010-08-02")] // month end on a Saturday: Monday
    [InlineData("2010-12-24", 5, "2011-01-05")] // Christmas: 27, 28 Dec and 3 Jan are bank holidays
    [InlineData("2011-03-31", 5, "2011-04-07")] // financial year end
    [InlineData("2011-04-20", 2, "2011-04-26")] // Good Friday and Easter Monday skipped
    [InlineData("2010-12-09", -2, "2010-12-07")] // two working days before a Thursday board meeting
    [InlineData("2011-01-04", -2, "2010-12-30")] // backwards over a bank holiday
    public void Working_days_skip_weekends_and_bank_holidays(string from, int days, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Calendar.AddWorkingDays(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), days));
    }

    [Theory]
    [InlineData("5 working days after month end", 5, true, DeadlineAnchor.PeriodEnd)]
    [InlineData("7 days before the board meeting", -7, false, DeadlineAnchor.BoardMeeting)]
    [InlineData("1 day after quarter end", 1, false, DeadlineAnchor.PeriodEnd)]
    [InlineData("on the review date", 0, false, DeadlineAnchor.ReviewDate)]
    [InlineData("2 Working Days before board meeting", -2, true, DeadlineAnchor.BoardMeeting)]
    public void Deadline_rules_read_as_the_councils_write_them(string text, int days, bool working, DeadlineAnchor anchor)
    {
        Assert.Equal(new DeadlineRule(new DayOffset(days, working), anchor), DeadlineRule.TryParse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("5 working days after lunch")]
    [InlineData("five days before the board meeting")]
    [InlineData("5 weeks after month end")]
    public void Unreadable_deadline_rules_are_refused(string text)
    {
        Assert.Null(DeadlineRule.TryParse(text));
    }

    [Theory]
    [InlineData("2010-11-29", null)]
    [InlineData("2010-11-30", "Heads-up")]
    [InlineData("2010-12-03", "Heads-up")]
    [InlineData("2010-12-06", "Final heads-up")]
    [InlineData("2010-12-07", "Final heads-up")] // the deadline day itself: nothing new
    [InlineData("2010-12-08", "Overdue")]
    [InlineData("2010-12-13", "Overdue")]
    [InlineData("2010-12-14", "Escalation")] // 5 working days overdue
    [InlineData("2010-12-21", "Final escalation")] // 10 working days overdue
    [InlineData("2010-12-28", "Final escalation")]
    [InlineData("2010-12-29", null)] // after the last step the ladder stops
    public void The_ladder_step_current_each_day_for_a_deadline_of_7_december(string today, string? step)
    {
        var current = ReminderLadder.Default.StepOn(D(2010, 12, 7), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Calendar);

        Assert.Equal(step, current?.Name);
    }

    [Fact]
    public void Escalations_copy_the_director_and_count_working_days_over_christmas()
    {
        var deadline = D(2010, 12, 23);

        Assert.Equal("Overdue", ReminderLadder.Default.StepOn(deadline, D(2011, 1, 3), Calendar)?.Name);
        var escalation = ReminderLadder.Default.StepOn(deadline, D(2011, 1, 4), Calendar);

        Assert.Equal("Escalation", escalation?.Name);
        Assert.True(escalation!.CopyDirector);
        Assert.False(ReminderLadder.Default.Steps[2].CopyDirector);
    }

    [Fact]
    public void A_ladder_out_of_order_or_with_repeated_names_is_refused()
    {
        var errors = ReminderLadder.Validate(
        [
            new("Overdue", new DayOffset(1, false), false),
            new("Heads-up", new DayOffset(-7, false), false),
            new("overdue", new DayOffset(5, true), true),
        ]);

        Assert.Contains("Step name 'Overdue' is used twice.", errors);
        Assert.Contains("Step 'Heads-up' (7 days before) must come after step 'Overdue' (1 day after).", errors);
        Assert.Empty(ReminderLadder.Validate(ReminderLadder.Default.Steps));
    }

    private static readonly DateOnly[] Meetings = [D(2010, 11, 11), D(2010, 12, 9), D(2011, 1, 13)];

    private static ObligationSchedule Schedule => new(DeadlineRules.Default, Calendar, Meetings);

    [Fact]
    public void A_status_card_is_due_two_working_days_before_its_months_board_meeting()
    {
        var cards = Schedule.StatusCards([new ServiceToReport(5, "Payroll", 11, null)], D(2010, 12, 1), D(2010, 12, 31)).ToList();

        var december = Assert.Single(cards);
        Assert.Equal(D(2010, 12, 1), december.Period);
        Assert.Equal(D(2010, 12, 7), december.Deadline);
        Assert.Equal("Payroll: status card for December 2010", december.Title);
        Assert.Equal("StatusCard/5", december.Key);
    }

    [Fact]
    public void A_month_with_no_board_meeting_reports_to_the_next_one_and_a_service_owes_nothing_before_it_started()
    {
        // No meeting in September or October in this calendar: October's card goes to 11 November's meeting.
        var cards = Schedule.StatusCards([new ServiceToReport(5, "Revenues", 11, D(2010, 10, 12))], D(2010, 11, 1), D(2010, 12, 31)).ToList();

        Assert.Equal([D(2010, 10, 1), D(2010, 11, 1), D(2010, 12, 1)], cards.Select(c => c.Period).Order());
        Assert.Equal(D(2010, 11, 9), cards.Single(c => c.Period == D(2010, 10, 1)).Deadline);
        var noMeetingYet = Schedule.StatusCards([new ServiceToReport(5, "Revenues", 11, null)], D(2011, 2, 1), D(2011, 3, 31));
        Assert.Empty(noMeetingYet);
    }

    [Fact]
    public void Pi_values_are_owed_per_council_per_period_of_their_frequency_and_count_from_the_financial_year()
    {
        IndicatorToReport[] indicators =
        [
            new(1, "LIF 01", "Lifeline calls", CollectionFrequency.Monthly, 4),
            new(2, "PRO 01", "Procurement savings", CollectionFrequency.Quarterly, 6),
            new(3, "ELE 01", "Register return", CollectionFrequency.Annual, 8),
        ];
        (int, string)[] councils = [(1, "BDC"), (2, "RBC")];

        var autumn = Schedule.PerformanceValues(indicators, councils, D(2010, 10, 1), D(2010, 12, 31)).ToList();
        var yearEnd = Schedule.PerformanceValues(indicators, councils, D(2011, 4, 1), D(2011, 4, 30)).ToList();

        Assert.Equal(8, autumn.Count); // Sep, Oct and Nov monthly values, and Q2's quarterly value, for each council
        Assert.Contains(autumn, o => o.Title == "LIF 01 Lifeline calls (BDC): value for November 2010" && o.Deadline == D(2010, 12, 7));
        Assert.Contains(autumn, o => o.Title == "PRO 01 Procurement savings (RBC): value for Q2 2010/11" && o.Deadline == D(2010, 10, 7));
        Assert.Contains(yearEnd, o => o.Title == "ELE 01 Register return (BDC): value for 2010/11" && o.Deadline == D(2011, 4, 7));
        Assert.Contains(yearEnd, o => o.Title == "PRO 01 Procurement savings (BDC): value for Q4 2010/11" && o.Deadline == D(2011, 4, 7));
        Assert.NotEqual(autumn[0].Key, autumn.Single(o => o.Period == autumn[0].Period && o.SubjectId == autumn[0].SubjectId && o.CouncilId != autumn[0].CouncilId).Key);
    }

    [Fact]
    public void Only_amber_and_red_projects_owe_a_highlight_report_seven_days_before_the_meeting()
    {
        ProjectToReport[] projects =
        [
            new(15, "Emergency Planning", 20, Rag.Amber),
            new(16, "Environmental Services", 21, Rag.Red),
            new(12, "Economic Development", 18, Rag.Green),
        ];

        var due = Schedule.HighlightReports(projects, D(2010, 12, 1), D(2010, 12, 31)).ToList();

        Assert.Equal([15, 16], due.Select(o => o.SubjectId).Order());
        Assert.All(due, o => Assert.Equal(D(2010, 11, 30), o.Period));
        Assert.All(due, o => Assert.Equal(D(2010, 12, 2), o.Deadline));
    }

    [Fact]
    public void Risk_reviews_fall_due_on_their_review_date()
    {
        var due = Schedule.RiskReviews([new RiskToReview(3, "8", "Differences in terms and conditions", 1, D(2011, 3, 1)), new RiskToReview(4, "9", "Other", 1, D(2011, 6, 1))], D(2011, 2, 1), D(2011, 3, 31));

        var review = Assert.Single(due);
        Assert.Equal(D(2011, 3, 1), review.Deadline);
        Assert.Equal("Risk 8 Differences in terms and conditions: review due 1 March 2011", review.Title);
    }

    [Fact]
    public void On_the_demo_day_each_outstanding_item_is_at_the_step_its_lateness_has_reached()
    {
        var cards = Schedule.StatusCards([new ServiceToReport(5, "Payroll", 11, null)], D(2010, 11, 11), D(2010, 12, 23));
        var highlights = Schedule.HighlightReports([new ProjectToReport(15, "Emergency Planning", 20, Rag.Amber)], D(2010, 11, 11), D(2010, 12, 23));
        var outstanding = cards.Concat(highlights).Where(o => o.Deadline >= D(2010, 12, 1)).ToList();

        var due = ObligationSchedule.DueOn(outstanding, ReminderLadder.Default, D(2010, 12, 9), Calendar)
            .ToDictionary(d => d.Obligation.Title, d => d.Step.Name);

        Assert.Equal("Overdue", due["Payroll: status card for December 2010"]);
        Assert.Equal("Escalation", due["Emergency Planning: highlight report for the period ending 30 November 2010"]);
    }

    [Fact]
    public void The_run_looks_only_at_deadlines_some_step_can_still_reach()
    {
        var (from, to) = ReminderLadder.Default.DeadlinesInPlay(D(2010, 12, 9), Calendar);

        // An 18 November deadline reached its final escalation (10 working days) on 2 December, which lasts until 9 December.
        Assert.Equal(D(2010, 11, 18), from);
        Assert.Null(ReminderLadder.Default.StepOn(from.AddDays(-1), D(2010, 12, 9), Calendar));
        Assert.Equal("Final escalation", ReminderLadder.Default.StepOn(from, D(2010, 12, 9), Calendar)?.Name);
        Assert.Equal(D(2010, 12, 16), to);
        Assert.Equal("Heads-up", ReminderLadder.Default.StepOn(to, D(2010, 12, 9), Calendar)?.Name);
    }
}
