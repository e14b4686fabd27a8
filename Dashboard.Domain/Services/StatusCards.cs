namespace Dashboard.Domain.Services;

/// <summary>The monthly status card rules.</summary>
public static class StatusCards
{
    /// <summary>The period a card is written for: the month in progress (first day).</summary>
    public static DateOnly PeriodFor(DateOnly today) => new(today.Year, today.Month, 1);

    /// <summary>A service is overdue when it has no card for the current month.</summary>
    public static bool IsOverdue(DateOnly? latestCardPeriod, DateOnly today) =>
        latestCardPeriod is not { } latest || latest < PeriodFor(today);

    /// <summary>A project at Amber or Red needs a highlight report covering the month before the current one or later.</summary>
    public static bool IsMissingHighlightReport(ServicePhase phase, Rag? status, DateOnly? latestReportPeriodEnding, DateOnly today) =>
        phase == ServicePhase.ProjectUnderway
        && status is { } rag && RagDefinitions.NeedsAttention(rag)
        && (latestReportPeriodEnding is not { } ending || ending < PeriodFor(today).AddDays(-1));
}

/// <summary>What a manager enters on their card.</summary>
public sealed record StatusCardInput(Rag? Rag, string? Commentary, string? ReasonForChange)
{
    private static readonly System.Globalization.CultureInfo UkEnglish = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    /// <param name="previous">The status on the service's previous card, if any.</param>
    public IReadOnlyDictionary<string, string> Validate(Rag? previous)
    {
        var errors = new Dictionary<string, string>();
        if (Rag is null)
        {
            errors[nameof(Rag)] = "Choose Green, Amber or Red.";
        }

        if (string.IsNullOrWhiteSpace(Commentary))
        {
            errors[nameof(Commentary)] = "Write the high level commentary the board will read.";
        }
        else if (Commentary.Length > 2000)
        {
            errors[nameof(Commentary)] = string.Create(UkEnglish, $"Keep the commentary to 2,000 characters (it has {Commentary.Length:N0}).");
        }

        if (Rag is { } rag && RagDefinitions.NeedsAttention(rag) && rag != previous && string.IsNullOrWhiteSpace(ReasonForChange))
        {
            errors[nameof(ReasonForChange)] = $"Say why the status is now {rag}.";
        }
        else if (ReasonForChange is { Length: > 1000 })
        {
            errors[nameof(ReasonForChange)] = string.Create(UkEnglish, $"Keep the reason to 1,000 characters (it has {ReasonForChange.Length:N0}).");
        }

        return errors;
    }
}
