namespace Dashboard.Domain.Performance;

/// <summary>How long after a period ends its figure still counts as current, per collection frequency.</summary>
public sealed record StalenessRule(int MonthlyDays = 32, int QuarterlyDays = 95, int AnnualDays = 370)
{
    public static StalenessRule Default { get; } = new();

    public int DaysFor(CollectionFrequency frequency) => frequency switch
    {
        CollectionFrequency.Monthly => MonthlyDays,
        CollectionFrequency.Quarterly => QuarterlyDays,
        _ => AnnualDays,
    };

    /// <summary>
    /// Stale when more than the allowed days have passed since the end of the latest period with a value:
    /// the next figure is then overdue, and the latest must not be shown as if current.
    /// </summary>
    public bool IsStale(CollectionFrequency frequency, DateOnly latestPeriodStart, DateOnly today) =>
        today.DayNumber - PiPeriods.End(frequency, latestPeriodStart).DayNumber > DaysFor(frequency);

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (name, days) in new[] { (nameof(MonthlyDays), MonthlyDays), (nameof(QuarterlyDays), QuarterlyDays), (nameof(AnnualDays), AnnualDays) })
        {
            if (days < 1)
            {
                errors.Add($"{name} must be at least 1 day (it is {days}).");
            }
        }

        return errors;
    }
}
