using Dashboard.Hosting;
using MailKit.Security;
using MimeKit;

namespace Dashboard.Email;

public static class EmailExtensions
{
    /// <summary>The email transport from "Email"; a setting that cannot work stops start-up naming it.</summary>
    public static WebApplicationBuilder AddEmail(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.Bind<EmailOptions>("Email");
        if (!MailboxAddress.TryParse(options.Sender, out _))
        {
            throw new StartupException($"Setting Email:Sender '{options.Sender}' is not an email address.");
        }

        if (string.Equals(options.Transport, EmailOptions.Smtp, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(options.Host))
            {
                throw new StartupException("Setting Email:Host is empty; Email:Transport Smtp needs the mail server's name.");
            }

            if (options.Port is < 1 or > 65535)
            {
                throw new StartupException($"Setting Email:Port must be 1–65535, not {options.Port}.");
            }

            if (!Enum.TryParse<SecureSocketOptions>(options.Security, ignoreCase: true, out var security) || security == SecureSocketOptions.Auto)
            {
                throw new StartupException($"Setting Email:Security must be None, StartTls, StartTlsWhenAvailable or SslOnConnect, not '{options.Security}'.");
            }

            builder.Services.AddSingleton<IEmailSender>(new SmtpEmailSender(options, security));
        }
        else if (string.Equals(options.Transport, EmailOptions.Pickup, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(options.PickupFolder))
            {
                throw new StartupException("Setting Email:PickupFolder is empty; give a folder for the .eml files, e.g. data/mail.");
            }

            builder.Services.AddSingleton<IEmailSender>(new PickupFolderEmailSender(options, Path.GetFullPath(options.PickupFolder)));
        }
        else
        {
            throw new StartupException($"Setting Email:Transport must be {EmailOptions.Pickup} or {EmailOptions.Smtp}, not '{options.Transport}'.");
        }

        builder.Services.AddSingleton(options);
        return builder;
    }
}
