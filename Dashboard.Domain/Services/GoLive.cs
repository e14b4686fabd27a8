namespace Dashboard.Domain.Services;

/// <summary>
/// A project going live: it leaves the "projects underway" table and joins the live table. Its status
/// cards, highlight reports, PIs and baselines stay attached to the same service, so its history carries over.
/// </summary>
public static class GoLive
{
    /// <returns>Why the project cannot go live on that date, or null when it can.</returns>
    public static string? Check(SharedService service, DateOnly? date, DateOnly today)
    {
        if (service.Phase == ServicePhase.Live)
        {
            return $"{service.Name} is already live.";
        }

        if (date is not { } on)
        {
            return "Give the date the service went live.";
        }

        if (on > today)
        {
            return "A service can only be marked live on or after the day it goes live; choose today or an earlier date.";
        }

        if (service.ProjectStartDate is { } start && on < start)
        {
            return $"The go-live date cannot be before the project started ({start.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}).";
        }

        return null;
    }

    /// <summary>Marks the project live on the date (after <see cref="Check"/> has passed).</summary>
    public static void MarkLive(SharedService service, DateOnly on)
    {
        if (Check(service, on, on) is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        service.Phase = ServicePhase.Live;
        service.GoLiveDate = on;
    }
}
