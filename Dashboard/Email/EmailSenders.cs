using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Dashboard.Email;

/// <summary>Builds the MIME message both transports send: plain text with an HTML alternative.</summary>
internal static class MimeMessages
{
    public static MimeMessage Build(EmailOptions options, OutgoingEmail email)
    {
        var message = new MimeMessage { MessageId = email.MessageId, Subject = $"{options.SubjectPrefix} {email.Subject}".Trim() };
        message.From.Add(MailboxAddress.Parse(options.Sender));
        message.To.AddRange(email.To.Select(MailboxAddress.Parse));
        message.Cc.AddRange(email.Cc.Select(MailboxAddress.Parse));
        message.Body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody }.ToMessageBody();
        return message;
    }
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

        await client.SendAsync(MimeMessages.Build(options, email), cancellationToken);
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
