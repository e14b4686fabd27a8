using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Dashboard.Domain.Reminders;

namespace Dashboard.Features.Reminders;

/// <summary>The words of a reminder: one message per person, every item with its deadline and a link to update it.</summary>
public static class ReminderEmail
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public sealed record Line(string Title, DateOnly Deadline, string Link);

    /// <summary>A reminder that can never go as addressed, and why.</summary>
    public sealed record Undelivered(string Recipient, string Reason);

    /// <summary>The administrators' notice of reminders refused for good or with no address.</summary>
    public static (string Subject, string Text, string Html) ComposeUndeliverable(IReadOnlyList<Undelivered> undelivered, Uri reminderLog)
    {
        var subject = $"{undelivered.Count} reminder{(undelivered.Count == 1 ? "" : "s")} could not be delivered";
        var text = new StringBuilder();
        text.AppendLine("These reminders could not be delivered and will not be tried again as they are addressed:").AppendLine();
        foreach (var u in undelivered)
        {
            text.AppendLine(British, $"- {u.Recipient}: {u.Reason}");
        }

        text.AppendLine().AppendLine(British, $"Correct the person's email address on the People page; the reminder log is at {reminderLog}");
        text.AppendLine().AppendLine("This is an automatic message from the Shared Services Dashboard.");

        var e = HtmlEncoder.Default;
        var html = new StringBuilder("<p>These reminders could not be delivered and will not be tried again as they are addressed:</p><ul>");
        foreach (var u in undelivered)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{e.Encode(u.Recipient)}: {e.Encode(u.Reason)}</li>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</ul><p>Correct the person's email address on the People page; see the <a href=\"{e.Encode(reminderLog.ToString())}\">reminder log</a>.</p>");
        html.Append("<p>This is an automatic message from the Shared Services Dashboard.</p>");
        return (subject, text.ToString(), html.ToString());
    }

    public static (string Subject, string Text, string Html) Compose(string recipientName, IReadOnlyList<Line> lines, DateOnly today, Uri site, string? copiedTo)
    {
        var overdue = lines.Count(l => l.Deadline < today);
        var subject = overdue > 0
            ? $"{overdue} overdue update{(overdue == 1 ? "" : "s")}{(lines.Count > overdue ? $" and {lines.Count - overdue} due soon" : "")}"
            : $"{lines.Count} update{(lines.Count == 1 ? "" : "s")} due soon";
        var myUpdates = new Uri(site, MyUpdatesDuePage.Path).ToString();

        var text = new StringBuilder();
        text.AppendLine(British, $"Dear {recipientName},").AppendLine();
        text.AppendLine("These updates for the Shared Services Board are due soon or overdue:").AppendLine();
        foreach (var line in lines)
        {
            text.AppendLine(British, $"- {line.Title}").AppendLine(British, $"  {When(line.Deadline, today)}. Update it at {line.Link}");
        }

        text.AppendLine().AppendLine(British, $"Everything you owe is listed at {myUpdates}");
        if (copiedTo is not null)
        {
            text.AppendLine().AppendLine(British, $"{copiedTo} is copied in because an update is well overdue.");
        }

        text.AppendLine().AppendLine("This is an automatic reminder from the Shared Services Dashboard.");

        // Titles carry names people typed (services, risks, indicators): everything is encoded.
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>Dear {e.Encode(recipientName)},</p><p>These updates for the Shared Services Board are due soon or overdue:</p><ul>");
        foreach (var line in lines)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{e.Encode(line.Link)}\">{e.Encode(line.Title)}</a> — {e.Encode(When(line.Deadline, today))}</li>");
        }

        html.Append(CultureInfo.InvariantCulture, $"</ul><p><a href=\"{e.Encode(myUpdates)}\">See everything you owe</a></p>");
        if (copiedTo is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{e.Encode(copiedTo)} is copied in because an update is well overdue.</p>");
        }

        html.Append("<p>This is an automatic reminder from the Shared Services Dashboard.</p>");
        return (subject, text.ToString(), html.ToString());
    }

    /// <summary>"Due Tuesday 7 December 2010, 2 days overdue" — the same wording as the My updates due page.</summary>
    public static string When(DateOnly deadline, DateOnly today)
    {
        var days = today.DayNumber - deadline.DayNumber;
        var due = $"Due {deadline.ToString("dddd d MMMM yyyy", British)}";
        return days switch
        {
            > 0 => $"{due}, {days} day{(days == 1 ? "" : "s")} overdue",
            0 => $"{due} (today)",
            _ => $"{due}, in {-days} day{(days == -1 ? "" : "s")}",
        };
    }
}
