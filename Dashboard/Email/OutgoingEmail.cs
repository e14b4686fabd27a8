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

/// <summary>Delivers one message; throws when it was not accepted, so the caller keeps it to try again.</summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
