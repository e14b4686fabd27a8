namespace Dashboard.Domain.Reminders;

/// <summary>What a deadline is counted from.</summary>
public enum DeadlineAnchor
{
    /// <summary>The last day of the month, quarter or year reported on.</summary>
    PeriodEnd = 1,

    /// <summary>The board meeting that considers the update.</summary>
    BoardMeeting = 2,

    /// <summary>A risk's own next review date.</summary>
    ReviewDate = 3,
}

/// <summary>A deadline as the councils write it: "5 working days after month end", "7 days before the board meeting".</summary>
public sealed record DeadlineRule(DayOffset Offset, DeadlineAnchor Anchor)
{
    public DateOnly DeadlineFrom(DateOnly anchorDate, WorkingCalendar calendar) => Offset.From(anchorDate, calendar);

    public override string ToString() => $"{Offset} {Anchor switch
    {
        DeadlineAnchor.PeriodEnd => "period end",
        DeadlineAnchor.BoardMeeting => "the board meeting",
        _ => "the review date",
    }}";

    /// <summary>Parses the written form; null when it cannot be read.</summary>
    public static DeadlineRule? TryParse(string? text)
    {
        if (!DayOffset.TryParse(text, out var offset, out var rest))
        {
            return null;
        }

        DeadlineAnchor? anchor = rest.ToLowerInvariant() switch
        {
            "period end" or "month end" or "quarter end" or "year end" or "the end of the period" => DeadlineAnchor.PeriodEnd,
            "the board meeting" or "board meeting" or "the meeting" => DeadlineAnchor.BoardMeeting,
            "the review date" or "review date" => DeadlineAnchor.ReviewDate,
            _ => null,
        };
        return anchor is { } a ? new DeadlineRule(offset, a) : null;
    }
}
