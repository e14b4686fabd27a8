using System.Globalization;
using Dashboard.Domain.Organisation;

namespace Dashboard.Domain.Performance;

/// <summary>
/// Who reports an indicator, and whether it is still reported. Retiring keeps every figure and the indicator's page;
/// it only stops the indicator being owed and counted. Each rule returns the message to show, or null when it may go ahead.
/// </summary>
public static class IndicatorLifecycle
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static string RetiredWords(DateOnly on) => on.ToString("d MMMM yyyy", Uk);

    /// <summary>Retires the indicator as at the reporting date; refused when it is already retired.</summary>
    public static string? Retire(PerformanceIndicator pi, DateOnly today)
    {
        if (pi.RetiredOn is { } on)
        {
            return $"{pi.Ref} was already retired on {RetiredWords(on)}.";
        }

        pi.RetiredOn = today;
        return null;
    }

    /// <summary>Brings a retired indicator back: it is owed and counted again from the next period.</summary>
    public static string? Reactivate(PerformanceIndicator pi)
    {
        if (pi.RetiredOn is null)
        {
            return $"{pi.Ref} is not retired.";
        }

        pi.RetiredOn = null;
        return null;
    }

    /// <summary>Why figures cannot be entered or targets set for the indicator now; null when they can.</summary>
    public static string? ClosedForFigures(PerformanceIndicator pi) =>
        pi.RetiredOn is { } on ? $"{pi.Ref} was retired on {RetiredWords(on)}: reactivate it to enter figures or set targets." : null;

    /// <summary>Whether someone may be made the indicator's owner: a person in the dashboard who has not been deactivated.</summary>
    /// <param name="candidate">The person chosen, or null when none was chosen or the id matched no one.</param>
    /// <param name="chosen">Whether a person was chosen at all.</param>
    public static string? CheckOwner(Person? candidate, bool chosen)
    {
        if (!chosen)
        {
            return "Choose who reports the figures.";
        }

        if (candidate is null)
        {
            return "That person is not in the dashboard: choose another.";
        }

        return candidate.IsActive ? null : $"{candidate.Name} has been deactivated: choose an active person.";
    }
}
