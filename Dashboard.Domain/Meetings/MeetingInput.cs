using System.Globalization;

namespace Dashboard.Domain.Meetings;

/// <summary>A meeting already on the schedule, as the rules for adding and moving meetings need it.</summary>
public sealed record ScheduledMeeting(int Id, DateOnly Date, bool IsCancelled, bool PackFrozen);

/// <summary>What an administrator types to add a board meeting or move one; validated before anything is saved.</summary>
public sealed record MeetingInput
{
    public DateOnly? Date { get; set; }

    public string? Title { get; set; } = BoardMeeting.DefaultTitle;

    public string? Venue { get; set; }

    /// <summary>Plain-English problems keyed by field name; empty when the meeting can be saved.</summary>
    /// <param name="schedule">Every meeting on the schedule.</param>
    /// <param name="movingId">The meeting being moved, which may keep its own date; null when adding.</param>
    public IReadOnlyDictionary<string, string> Validate(IEnumerable<ScheduledMeeting> schedule, int? movingId = null)
    {
        var errors = new Dictionary<string, string>();
        if (Date is not { } date)
        {
            errors[nameof(Date)] = "Give the date of the meeting.";
        }
        else if (schedule.FirstOrDefault(m => m.Id != movingId && m.Date == date && !m.IsCancelled) is not null)
        {
            errors[nameof(Date)] = $"The board already meets on {MeetingRules.Written(date)}: two meetings cannot share a date.";
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            errors[nameof(Title)] = $"Give the meeting a title, e.g. \"{BoardMeeting.DefaultTitle}\".";
        }
        else if (Title.Trim().Length > BoardMeeting.TitleMaxLength)
        {
            errors[nameof(Title)] = $"Keep the title to {BoardMeeting.TitleMaxLength} characters.";
        }

        if (Venue?.Trim().Length > BoardMeeting.VenueMaxLength)
        {
            errors[nameof(Venue)] = $"Keep the venue to {BoardMeeting.VenueMaxLength} characters.";
        }

        return errors;
    }

    public string TrimmedTitle => Title!.Trim();

    public string? TrimmedVenue => string.IsNullOrWhiteSpace(Venue) ? null : Venue.Trim();
}

/// <summary>What may still be done to a meeting once it is on the schedule.</summary>
public static class MeetingRules
{
    /// <summary>
    /// Why the meeting can no longer be moved or cancelled; null when it can. A frozen pack is the record of what the
    /// board was shown on the day, so its meeting is fixed; a cancelled meeting is history.
    /// </summary>
    public static string? WhyFixed(ScheduledMeeting meeting, string change) =>
        meeting.IsCancelled
            ? $"The meeting of {Written(meeting.Date)} was cancelled, so it cannot be {change}."
            : meeting.PackFrozen
                ? $"The board pack for {Written(meeting.Date)} has been frozen as the record of that meeting, so the meeting cannot be {change}."
                : null;

    /// <summary>The dates deadlines are counted from: every meeting not cancelled.</summary>
    public static IReadOnlyList<DateOnly> DatesThatCount(IEnumerable<BoardMeeting> meetings) =>
        [.. meetings.Where(m => !m.IsCancelled).Select(m => m.Date).Order()];

    internal static string Written(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
