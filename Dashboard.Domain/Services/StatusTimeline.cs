namespace Dashboard.Domain.Services;

/// <summary>One month of a service's status history: its card, or a gap where none was written.</summary>
public sealed record TimelineMonth(DateOnly Month, StatusUpdate? Card)
{
    public bool IsGap => Card is null;
}

public static class StatusTimeline
{
    /// <summary>
    /// Every month from the service's first card to the month in progress, newest first. A month
    /// without a card is kept as a gap, so the board sees missed updates rather than a shorter list.
    /// </summary>
    public static IReadOnlyList<TimelineMonth> Build(IEnumerable<StatusUpdate> cards, DateOnly today)
    {
        var byMonth = cards
            .GroupBy(c => StatusCards.PeriodFor(c.Period))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.UpdatedAt).First());
        if (byMonth.Count == 0)
        {
            return [];
        }

        var first = byMonth.Keys.Min();
        var last = new[] { byMonth.Keys.Max(), StatusCards.PeriodFor(today) }.Max();
        var months = new List<TimelineMonth>();
        for (var month = last; month >= first; month = month.AddMonths(-1))
        {
            months.Add(new TimelineMonth(month, byMonth.GetValueOrDefault(month)));
        }

        return months;
    }
}
