namespace Dashboard.Email;

/// <summary>The "Email" settings.</summary>
public sealed class EmailOptions
{
    /// <summary>"Pickup" (the default: .eml files in <see cref="PickupFolder"/>, no mail server needed) or "Smtp".</summary>
    public string Transport { get; set; } = Pickup;

    public string PickupFolder { get; set; } = "data/mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>"None", "StartTls", "StartTlsWhenAvailable" or "SslOnConnect".</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string Sender { get; set; } = "Shared Services Dashboard <dashboard@bromsgroveandredditch.example>";

    public string SubjectPrefix { get; set; } = "[Shared Services]";

    /// <summary>How long to wait for the mail server before giving up (the job then retries).</summary>
    public int TimeoutSeconds { get; set; } = 30;

    public const string Pickup = "Pickup";
    public const string Smtp = "Smtp";
}
