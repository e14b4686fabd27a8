using Microsoft.Playwright;

namespace Dashboard.Tests.Support;

/// <summary>
/// Headless Debian Chromium driven by Playwright. Without a browser the tests skip locally with the
/// reason, but fail under CI (CI=true), where .ci/run installs it.
/// </summary>
public static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static void RequireChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        var reason = $"Browser tests need Debian's chromium at {ChromiumPath} (apt-get install chromium; .ci/run does this).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
    }

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        RequireChromium();

        // Playwright's 5 s default is too tight for a 2-core CI machine signing in (password hashing) and
        // starting circuits for several browser contexts at once; a real user would also wait this long.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        return (playwright, browser);
    }
}

/// <summary>
/// One app process (on a demo-seeded copy of the database) and one browser, shared by the browser
/// tests of a class. Tests that change data should use their own <see cref="AppProcess"/>.
/// </summary>
public sealed class AppWithBrowser : IAsyncLifetime
{
    private TestDatabase? database;
    private IPlaywright? playwright;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<string>> signedIn = new();

    public AppProcess App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Support.Browser.ChromiumPath))
        {
            return;
        }

        database = await TestDatabase.CreateSeededAsync();
        App = await AppProcess.StartAsync(database);
        (playwright, Browser) = await Support.Browser.LaunchAsync();
    }

    /// <summary>A fresh browser context (its own cookies), signed in as the given demo account.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string password)
    {
        Support.Browser.RequireChromium();
        var context = await Browser.NewContextAsync(new() { BaseURL = App.BaseUrl });
        var page = await context.NewPageAsync();
        await SignInAsync(page, email, password);
        return page;
    }

    /// <summary>
    /// A page in a fresh context carrying the cookies of one sign-in per account, so checks that only read pages skip
    /// signing in (and the board dashboard it lands on) each time. Only for tests that neither sign out nor change the account.
    /// </summary>
    public async Task<IPage> PageSignedInAsAsync(string email, string password)
    {
        var state = await signedIn.GetOrAdd(email, async _ =>
        {
            var first = await SignedInPageAsync(email, password);
            var cookies = await first.Context.StorageStateAsync();
            await first.Context.CloseAsync();
            return cookies;
        });
        var context = await Browser.NewContextAsync(new() { BaseURL = App.BaseUrl, StorageState = state });
        return await context.NewPageAsync();
    }

    /// <summary>Opens a page and waits until Blazor has made it interactive (prerendered HTML ignores clicks).</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitUntilInteractiveAsync(page);
    }

    public static Task WaitUntilInteractiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-interactive='true']")).ToHaveCountAsync(1, new() { Timeout = 15_000 });

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        var circuitFailures = App?.CircuitFailures() ?? [];
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        // Fails the class: a page that broke for its user is a defect even when no assertion looked at it.
        if (circuitFailures.Count > 0)
        {
            throw new InvalidOperationException($"The app ended {circuitFailures.Count} user circuit(s) with an unhandled exception:\n{string.Join("\n\n", circuitFailures)}");
        }
    }
}
