namespace Dashboard.Email;

/// <summary>
/// A message ready to go. <see cref="MessageId"/> is fixed by the caller so that, if a send is ever
/// repeated after the server accepted it but before we heard back, receivers can tell it is the same message.
/// </summary>
public sealed record OutgoingEmail(
    string MessageId,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string Subject,
    string TextBody,
    string HtmlBody);

/// <summary>
/// Delivers one message. Throws <see cref="EmailRejectedException"/> when it can never be delivered as addressed,
/// and any other exception when it was not accepted this time, so the caller keeps it to try again.
/// </summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}

/// <summary>
/// The message was refused for good — the mail server answered 5xx, or an address cannot be written — and was
/// delivered to nobody. Sending it again as it is will not help.
/// </summary>
/// <param name="address">The refused address; null when the server refused the message as a whole.</param>
/// <param name="reason">What the server or the check said, fit for the reminder log.</param>
/// <param name="inner">The transport's own exception.</param>
public sealed class EmailRejectedException(string? address, string reason, Exception? inner = null) : Exception(reason, inner)
{
    public string? Address { get; } = address;
}
