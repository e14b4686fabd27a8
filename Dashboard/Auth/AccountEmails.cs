using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Dashboard.Domain.Time;
using Dashboard.Email;

namespace Dashboard.Auth;

/// <summary>The words of the emails that carry a "set your password" link: plain text with an HTML alternative.</summary>
public static class AccountEmails
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <param name="recipientName">The person's name.</param>
    /// <param name="signInName">The address they sign in with.</param>
    /// <param name="invitedBy">The administrator who sent the invitation.</param>
    /// <param name="link">The one-time link.</param>
    /// <param name="expires">When the link stops working.</param>
    /// <param name="newLinkPage">Where to ask for a fresh link.</param>
    public static (string Subject, string Text, string Html) Invitation(string recipientName, string signInName, string invitedBy, Uri link, DateTimeOffset expires, Uri newLinkPage) =>
        Compose(
            "Your invitation to the Shared Services Dashboard",
            recipientName,
            $"{invitedBy} has invited you to the Shared Services Dashboard, where the Shared Services Board of Bromsgrove District Council and Redditch Borough Council follows its services, risks and performance.",
            $"You will sign in with your email address, {signInName}. First choose a password by opening this link:",
            "Choose my password",
            link,
            expires,
            newLinkPage,
            "If you were not expecting this invitation you can ignore this email: nothing happens unless the link is used.");

    /// <param name="recipientName">The person's name.</param>
    /// <param name="signInName">The address they sign in with.</param>
    /// <param name="sentBy">The administrator who sent it, or null when the person asked for it themselves.</param>
    /// <param name="link">The one-time link.</param>
    /// <param name="expires">When the link stops working.</param>
    /// <param name="newLinkPage">Where to ask for a fresh link.</param>
    public static (string Subject, string Text, string Html) PasswordReset(string recipientName, string signInName, string? sentBy, Uri link, DateTimeOffset expires, Uri newLinkPage) =>
        Compose(
            "Set a new password for the Shared Services Dashboard",
            recipientName,
            sentBy is null
                ? $"Someone, probably you, asked to set a new password for your Shared Services Dashboard account ({signInName})."
                : $"{sentBy}, an administrator of the Shared Services Dashboard, has sent you a link to set a new password for your account ({signInName}).",
            "To choose a new password, open this link:",
            "Choose a new password",
            link,
            expires,
            newLinkPage,
            sentBy is null
                ? "If you did not ask for this you can ignore this email: your password stays as it is."
                : "Until you use the link, your current password (if you remember it) keeps working.");

    /// <summary>"Tuesday 9 December 2026 at 14:05 (UK time)".</summary>
    public static string Expiry(DateTimeOffset expires) =>
        TimeZoneInfo.ConvertTime(expires, ReportingClock.London).ToString("dddd d MMMM yyyy 'at' HH:mm", British) + " (UK time)";

    public static OutgoingEmail Message(Uri site, string to, (string Subject, string Text, string Html) words) =>
        new($"account-{Guid.NewGuid():N}@{site.Host}", [to], [], words.Subject, words.Text, words.Html);

    private static (string Subject, string Text, string Html) Compose(
        string subject, string recipientName, string why, string lead, string linkText, Uri link, DateTimeOffset expires, Uri newLinkPage, string ignore)
    {
        var when = Expiry(expires);
        var text = new StringBuilder();
        text.AppendLine(British, $"Dear {recipientName},").AppendLine();
        text.AppendLine(why).AppendLine();
        text.AppendLine(lead).AppendLine(link.ToString()).AppendLine();
        text.AppendLine(British, $"The link works once, until {when}. If it has expired, ask for a new one at {newLinkPage}").AppendLine();
        text.AppendLine(ignore).AppendLine();
        text.AppendLine("This is an automatic message from the Shared Services Dashboard.");

        // Names are typed by people: everything is encoded.
        var e = HtmlEncoder.Default;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p>Dear {e.Encode(recipientName)},</p><p>{e.Encode(why)}</p><p>{e.Encode(lead)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{e.Encode(link.ToString())}\">{e.Encode(linkText)}</a></p>");
        html.Append(CultureInfo.InvariantCulture, $"<p>The link works once, until {e.Encode(when)}. If it has expired, <a href=\"{e.Encode(newLinkPage.ToString())}\">ask for a new one</a>.</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p>{e.Encode(ignore)}</p><p>This is an automatic message from the Shared Services Dashboard.</p>");
        return (subject, text.ToString(), html.ToString());
    }
}
