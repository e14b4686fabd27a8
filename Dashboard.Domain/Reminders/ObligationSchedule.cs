using Dashboard.Domain.Performance;
using Dashboard.Domain.Services;

namespace Dashboard.Domain.Reminders;

/// <summary>The configured deadline for each kind of update, and the working calendar they count in.</summary>
public sealed record DeadlineRules(
    DeadlineRule StatusCard,
    DeadlineRule PerformanceValue,
    DeadlineRule RiskReview,
    DeadlineRule HighlightReport)
{
    public static DeadlineRules Default { get; } = new(
        new DeadlineRule(new DayOffset(-2, true), DeadlineAnchor.BoardMeeting),
        new DeadlineRule(new DayOffset(5, true), DeadlineAnchor.PeriodEnd),
        new DeadlineRule(new DayOffset(0, false), DeadlineAnchor.ReviewDate),
        new DeadlineRule(new DayOffset(-7, false), DeadlineAnchor.BoardMeeting));
}

public sealed record ServiceToReport(int Id, string Name, int OwnerId, DateOnly? ReportingSince);

public sealed record IndicatorToReport(int Id, string Ref, string Description, CollectionFrequency Frequency, int OwnerId);

public sealed record RiskToReview(int Id, string Ref, string Title, int OwnerId, DateOnly NextReviewDate);

/// <summary>A project underway with its latest RAG; Amber and Red projects owe the board a highlight report.</summary>
public sealed record ProjectToReport(int Id, string Name, int OwnerId, Rag LatestRag);

/// <summary>
/// Every obligation whose deadline falls in a window around today — before the update is checked:
/// the caller drops the ones already supplied. Pure: the same inputs always give the same list.
/// </summary>
public sealed class ObligationSchedule(DeadlineRules rules, WorkingCalendar calendar, IReadOnlyList<DateOnly> boardMeetings)
{
    private readonly DateOnly[] meetings = [.. boardMeetings.Order()];

    public WorkingCalendar Calendar => calendar;

    /// <summary>One card per service per month; the month's meeting is the first on or after its first day.</summary>
    public IEnumerable<Obligation> StatusCards(IEnumerable<ServiceToReport> services, DateOnly from, DateOnly to)
    {
        foreach (var service in services)
        {
            foreach (var month in MonthsAround(from, to))
            {
                if (service.ReportingSince is { } since && month < new DateOnly(since.Year, since.Month, 1))
                {
                    continue;
                }

                var anchor = rules.StatusCard.Anchor == DeadlineAnchor.BoardMeeting ? MeetingOnOrAfter(month) : month.AddMonths(1).AddDays(-1);
                if (anchor is not { } a)
                {
                    continue;
                }

                var deadline = rules.StatusCard.DeadlineFrom(a, calendar);
                if (deadline >= from && deadline <= to)
                {
                    yield return new Obligation(ObligationKind.StatusCard, service.Id, null, month, deadline, service.OwnerId,
                        $"{service.Name}: status card for {Written(month, "MMMM yyyy")}");
                }
            }
        }
    }

    /// <summary>One value per indicator per council per period of its frequency (month, financial quarter or year).</summary>
    public IEnumerable<Obligation> PerformanceValues(IEnumerable<IndicatorToReport> indicators, IReadOnlyList<(int Id, string Code)> councils, DateOnly from, DateOnly to)
    {
        foreach (var pi in indicators)
        {
            foreach (var (start, end) in PeriodsAround(pi.Frequency, from, to))
            {
                var anchor = rules.PerformanceValue.Anchor == DeadlineAnchor.BoardMeeting ? MeetingOnOrAfter(end.AddDays(1)) : end;
                if (anchor is not { } a)
                {
                    continue;
                }

                var deadline = rules.PerformanceValue.DeadlineFrom(a, calendar);
                if (deadline < from || deadline > to)
                {
                    continue;
                }

                foreach (var (councilId, code) in councils)
                {
                    yield return new Obligation(ObligationKind.PerformanceValue, pi.Id, councilId, start, deadline, pi.OwnerId,
                        $"{pi.Ref} {pi.Description} ({code}): value for {PeriodName(pi.Frequency, start)}");
                }
            }
        }
    }

    /// <summary>A risk's review is owed by its next review date; reviewing it moves that date on, which settles it.</summary>
    public IEnumerable<Obligation> RiskReviews(IEnumerable<RiskToReview> risks, DateOnly from, DateOnly to) =>
        risks
            .Select(risk => (Risk: risk, Deadline: rules.RiskReview.DeadlineFrom(risk.NextReviewDate, calendar)))
            .Where(r => r.Deadline >= from && r.Deadline <= to)
            .Select(r => new Obligation(ObligationKind.RiskReview, r.Risk.Id, null, r.Risk.NextReviewDate, r.Deadline, r.Risk.OwnerId,
                $"Risk {r.Risk.Ref} {r.Risk.Title}: review due {Written(r.Risk.NextReviewDate, "d MMMM yyyy")}"));

    /// <summary>Amber and Red projects owe a highlight report for the month before each board meeting.</summary>
    public IEnumerable<Obligation> HighlightReports(IEnumerable<ProjectToReport> projects, DateOnly from, DateOnly to)
    {
        var atRisk = projects.Where(p => p.LatestRag is Rag.Amber or Rag.Red).ToList();
        foreach (var meeting in meetings)
        {
            var periodEnding = new DateOnly(meeting.Year, meeting.Month, 1).AddDays(-1);
            var anchor = rules.HighlightReport.Anchor == DeadlineAnchor.BoardMeeting ? meeting : periodEnding;
            var deadline = rules.HighlightReport.DeadlineFrom(anchor, calendar);
            if (deadline < from || deadline > to)
            {
                continue;
            }

            foreach (var project in atRisk)
            {
                yield return new Obligation(ObligationKind.HighlightReport, project.Id, null, periodEnding, deadline, project.OwnerId,
                    $"{project.Name}: highlight report for the period ending {Written(periodEnding, "d MMMM yyyy")}");
            }
        }
    }

    /// <summary>
    /// The updates due before a meeting on the schedule and their deadlines, for showing beside the meeting: the status
    /// cards of the months it is the meeting for (those after the previous meeting's month, up to its own), and the
    /// highlight reports of Amber and Red projects. Empty for a date that is not on the schedule (e.g. a cancelled meeting).
    /// </summary>
    public IReadOnlyList<(string Update, DateOnly Deadline)> DueBefore(DateOnly meeting)
    {
        var due = new List<(string, DateOnly)>();
        var index = Array.BinarySearch(meetings, meeting);
        if (index < 0)
        {
            return due;
        }

        if (rules.StatusCard.Anchor == DeadlineAnchor.BoardMeeting)
        {
            var month = new DateOnly(meeting.Year, meeting.Month, 1);
            var first = index > 0 ? new DateOnly(meetings[index - 1].Year, meetings[index - 1].Month, 1).AddMonths(1) : month;
            var deadline = rules.StatusCard.DeadlineFrom(meeting, calendar);
            for (var m = first; m <= month; m = m.AddMonths(1))
            {
                due.Add(($"Status cards for {Written(m, "MMMM yyyy")}", deadline));
            }
        }

        var periodEnding = new DateOnly(meeting.Year, meeting.Month, 1).AddDays(-1);
        var anchor = rules.HighlightReport.Anchor == DeadlineAnchor.BoardMeeting ? meeting : periodEnding;
        due.Add(("Highlight reports of Amber and Red projects", rules.HighlightReport.DeadlineFrom(anchor, calendar)));
        return due;
    }

    /// <summary>The reminder step each outstanding obligation has reached today, if any.</summary>
    public static IEnumerable<DueReminder> DueOn(IEnumerable<Obligation> outstanding, ReminderLadder ladder, DateOnly today, WorkingCalendar calendar) =>
        from obligation in outstanding
        let step = ladder.StepOn(obligation.Deadline, today, calendar)
        where step is not null
        select new DueReminder(obligation, step);

    private DateOnly? MeetingOnOrAfter(DateOnly date)
    {
        var index = Array.BinarySearch(meetings, date);
        index = index >= 0 ? index : ~index;
        return index < meetings.Length ? meetings[index] : null;
    }

    // A deadline may fall well before or after its period (a meeting mid-month, a late PI), so periods are taken with margin.
    private static IEnumerable<DateOnly> MonthsAround(DateOnly from, DateOnly to)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1).AddMonths(-3); month <= to.AddMonths(1); month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    private static IEnumerable<(DateOnly Start, DateOnly End)> PeriodsAround(CollectionFrequency frequency, DateOnly from, DateOnly to)
    {
        var months = frequency switch
        {
            CollectionFrequency.Quarterly => 3,
            CollectionFrequency.Annual => 12,
            _ => 1,
        };

        // Periods are aligned on the financial year (1 April), so quarters are Apr–Jun, Jul–Sep, Oct–Dec, Jan–Mar.
        var yearStart = Time.FinancialYear.Of(from).Start.AddYears(-1);
        for (var start = yearStart; start <= to; start = start.AddMonths(months))
        {
            yield return (start, start.AddMonths(months).AddDays(-1));
        }
    }

    private static string PeriodName(CollectionFrequency frequency, DateOnly start) => frequency switch
    {
        CollectionFrequency.Quarterly => Time.FinancialQuarter.Of(start).Label,
        CollectionFrequency.Annual => Time.FinancialYear.Of(start).Label,
        _ => Written(start, "MMMM yyyy"),
    };

    private static string Written(DateOnly date, string format) => date.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
}
