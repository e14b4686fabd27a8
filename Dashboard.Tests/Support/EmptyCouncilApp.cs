using Microsoft.Playwright;
using MimeKit;

namespace Dashboard.Tests.Support;

/// <summary>
/// The app as a council starts it on its first day: an empty database, the demo off, one bootstrap
/// administrator from configuration, and email written to a pickup folder the test can read.
/// </summary>
public sealed class EmptyCouncilApp : IAsyncDisposable
{
    public const string AdminEmail = "it.admin@bromsgrove.example";
    public const string AdminPassword = "First-day-admin-2026";

    private readonly TestDatabase database;
    private readonly IPlaywright playwright;

    private EmptyCouncilApp(TestDatabase database, AppProcess app, IPlaywright playwright, IBrowser browser, string mailFolder)
    {
        this.database = database;
        this.playwright = playwright;
        App = app;
        Browser = browser;
        MailFolder = mailFolder;
    }

    public AppProcess App { get; }

    public IBrowser Browser { get; }

    public TestDatabase Database => database;

    /// <summary>Where the app writes each email as an .eml file.</summary>
    public string MailFolder { get; }

    /// <param name="settings">More settings (environment variable names, e.g. "Authentication__RevalidationInterval").</param>
    /// <param name="provider">The database the app runs on.</param>
    public static async Task<EmptyCouncilApp> StartAsync(IDictionary<string, string>? settings = null, Dashboard.Data.DatabaseProvider provider = Dashboard.Data.DatabaseProvider.Sqlite)
    {
        Support.Browser.RequireChromium();
        var database = await TestDatabase.CreateEmptyAsync(provider);
        var mailFolder = Path.Combine(database.Directory, "mail");
        var port = AppProcess.FreePort();
        var all = new Dictionary<string, string>
        {
            ["Demo__Enabled"] = "false",
            ["Bootstrap__AdminEmail"] = AdminEmail,
            ["Bootstrap__AdminPassword"] = AdminPassword,
            ["Email__Transport"] = "Pickup",
            ["Email__PickupFolder"] = mailFolder,
            ["Reminders__SiteAddress"] = $"http://127.0.0.1:{port}",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }

        var app = await AppProcess.StartAsync(database, all, port);
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        return new EmptyCouncilApp(database, app, playwright, browser, mailFolder);
    }

    /// <summary>A fresh browser context (its own cookies), signed in.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string password)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = App.BaseUrl });
        var page = await context.NewPageAsync();
        await AppWithBrowser.SignInAsync(page, email, password);
        return page;
    }

    public Task<IPage> AdministratorPageAsync() => SignedInPageAsync(AdminEmail, AdminPassword);

    /// <summary>The emails sent so far to an address, oldest first, waiting up to 15 s for the first.</summary>
    public async Task<IReadOnlyList<MimeMessage>> EmailsToAsync(string address)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var messages = Directory.Exists(MailFolder)
                ? Directory.GetFiles(MailFolder, "*.eml")
                    .Select(f => (File: f, Message: MimeMessage.Load(f)))
                    .Where(m => m.Message.To.Mailboxes.Concat(m.Message.Cc.Mailboxes).Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))
                    .OrderBy(m => File.GetLastWriteTimeUtc(m.File))
                    .Select(m => m.Message)
                    .ToList()
                : [];
            if (messages.Count > 0 || DateTime.UtcNow > deadline)
            {
                return messages;
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        var circuitFailures = App.CircuitFailures();
        await App.DisposeAsync();
        await database.DisposeAsync();
        if (circuitFailures.Count > 0)
        {
            throw new InvalidOperationException($"The app ended {circuitFailures.Count} user circuit(s) with an unhandled exception:\n{string.Join("\n\n", circuitFailures)}");
        }
    }
}
