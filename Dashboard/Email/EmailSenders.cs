using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Dashboard.Email;

/// <summary>Builds the MIME message both transports send: plain text with an HTML alternative.</summary>
internal static class MimeMessages
{
    /// <exception cref="EmailRejectedException">An address is not one a mail server could deliver to.</exception>
    public static MimeMessage Build(EmailOptions options, OutgoingEmail email)
    {
        var message = new MimeMessage { MessageId = email.MessageId, Subject = $"{options.SubjectPrefix} {email.Subject}".Trim() };
        message.From.Add(MailboxAddress.Parse(options.Sender));
        message.To.AddRange(email.To.Select(Mailbox));
        message.Cc.AddRange(email.Cc.Select(Mailbox));
        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();
        return message;
    }

    private static MailboxAddress Mailbox(string address) =>
        MailboxAddress.TryParse(address, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal)
            ? mailbox
            : throw new EmailRejectedException(address, $"“{address}” is not a valid email address.");
}

/// <summary>MailKit over SMTP, with the host, port, TLS and credentials from configuration.</summary>
public sealed class SmtpEmailSender(EmailOptions options, SecureSocketOptions security) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = options.TimeoutSeconds * 1000 };
        await client.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }

        try
        {
            await client.SendAsync(MimeMessages.Build(options, email), cancellationToken);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode is >= 500 and < 600)
        {
            // A 5xx reply is the server's final word (no such mailbox, message refused): trying again cannot help.
            // MailKit stops at the first refused recipient, before any data is sent, so nobody received this message.
            throw new EmailRejectedException(e.Mailbox?.Address, $"The mail server refused {(e.Mailbox is null ? "the message" : e.Mailbox.Address)}: {(int)e.StatusCode} {e.Message.Trim()}", e);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Writes each message as an .eml file, so a fresh machine sends "mail" with no server to install.</summary>
public sealed class PickupFolderEmailSender(EmailOptions options, string folder) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var name = string.Concat(email.MessageId.Split(Path.GetInvalidFileNameChars()));

        // Written under a temporary name and renamed, so a pickup reader never sees half a message.
        var temporary = Path.Combine(folder, $".{name}.tmp");
        await MimeMessages.Build(options, email).WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(folder, $"{name}.eml"), overwrite: true);
    }
}
