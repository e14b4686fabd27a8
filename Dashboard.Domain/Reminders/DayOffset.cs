using System.Globalization;
using System.Text.RegularExpressions;

namespace Dashboard.Domain.Reminders;

/// <summary>"5 working days after", "7 days before", "on": a distance from a date, in calendar or working days.</summary>
public readonly partial record struct DayOffset(int Days, bool WorkingDays)
{
    public DateOnly From(DateOnly date, WorkingCalendar calendar) =>
        WorkingDays ? calendar.AddWorkingDays(date, Days) : date.AddDays(Days);

    public override string ToString() => Days == 0
        ? "on"
        : $"{Math.Abs(Days)} {(WorkingDays ? "working " : "")}day{(Math.Abs(Days) == 1 ? "" : "s")} {(Days < 0 ? "before" : "after")}";

    /// <summary>Reads "N [working] day(s) before|after" or "on" at the start of the text; returns what follows.</summary>
    public static bool TryParse(string? text, out DayOffset offset, out string rest)
    {
        offset = default;
        rest = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Phrase().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        rest = match.Groups["rest"].Value.Trim();
        if (match.Groups["on"].Success)
        {
            offset = new DayOffset(0, false);
            return true;
        }

        var days = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var before = match.Groups["dir"].Value.Equals("before", StringComparison.OrdinalIgnoreCase);
        offset = new DayOffset(before ? -days : days, match.Groups["working"].Success);
        return true;
    }

    [GeneratedRegex(@"^(?:(?<on>on)|(?<n>\d{1,3})\s+(?<working>working\s+)?days?\s+(?<dir>before|after))\b(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Phrase();
}
