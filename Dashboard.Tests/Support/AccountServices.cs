using Dashboard.Auth;
using Dashboard.Email;
using Dashboard.Features.Reminders;
using Dashboard.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Dashboard.Tests.Support;

/// <summary>
/// The app's account services (<see cref="AuthExtensions.AddAccounts"/>) over a test's database, with links starting at
/// <see cref="SiteAddress"/> and email written as .eml files to a folder the test reads.
/// </summary>
public static class AccountServices
{
    public const string SiteAddress = "https://dashboard.bromsgrove.example";

    public static void Add(IServiceCollection services, Func<TestDatabase> database, Func<string> mailFolder)
    {
        services.AddScoped(_ => database().Factory.CreateDbContext());
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddSingleton(new DemoOptions());
        services.AddSingleton(ReminderSettings.Read(new ReminderOptions { SiteAddress = SiteAddress }));
        services.AddSingleton<IEmailSender>(_ => new PickupFolderEmailSender(new EmailOptions(), mailFolder()));
        services.AddAccounts(new AccountSettings());
    }

    /// <summary>The emails written to a pickup folder for an address, oldest first.</summary>
    public static List<MimeMessage> EmailsTo(string folder, string address) =>
        Directory.Exists(folder)
            ? [.. Directory.GetFiles(folder, "*.eml")
                .Select(f => (File: f, Message: MimeMessage.Load(f)))
                .Where(m => m.Message.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))
                .OrderBy(m => File.GetLastWriteTimeUtc(m.File)).ThenBy(m => m.Message.Date)
                .Select(m => m.Message)]
            : [];

    /// <summary>The "set your password" link in an email's plain text.</summary>
    public static Uri LinkIn(MimeMessage message) =>
        new((message.TextBody ?? "").Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith($"{SiteAddress}/account/set-password?", StringComparison.Ordinal)));

    /// <summary>A query parameter of a link.</summary>
    public static string Query(Uri link, string name) =>
        Uri.UnescapeDataString(link.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Single(p => p[0] == name)[1]);
}
