using System.Net;
using Dashboard.Benchmarks;
using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The app as the README's run command starts it (the Production environment): the headers a council's security
/// review checks, a sign-in cookie that is Secure behind a TLS proxy, pages that work under the
/// Content-Security-Policy, and errors that show a polite page rather than a stack trace.
/// </summary>
public sealed class ProductionDefaultsTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private AppProcess app = null!;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateSeededAsync();
        app = await AppProcess.StartAsync(database, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_the_import_map_runs_by_nonce()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };

        using var signIn = await http.GetAsync("/sign-in", TestContext.Current.CancellationToken);
        using var redirect = await http.GetAsync("/risks", TestContext.Current.CancellationToken);

        foreach (var response in new[] { signIn, redirect })
        {
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        }

        var nonce = System.Text.RegularExpressions.Regex.Match(signIn.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", await signIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
    }

    [Fact]
    public async Task Behind_a_tls_proxy_the_sign_in_cookie_is_secure_and_browsers_are_told_to_stay_on_https()
    {
        var cookies = new CookieContainer();
        var proxied = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https", ["X-Forwarded-For"] = "10.20.30.40", ["Host"] = "dashboard.bromsgrove.example" };

        using var http = await BoardRenderBenchmark.SignedInClientAsync(app.BaseUrl, DemoAccounts.Administrator.Email, DemoAccounts.Administrator.Password, cookies, proxied);
        using var page = await http.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.True(cookies.GetAllCookies().Single(c => c.Name == "Dashboard.Auth").Secure, "The sign-in cookie is not Secure behind a TLS proxy.");
        Assert.StartsWith("max-age=", page.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_work_under_the_content_security_policy_and_a_sign_in_link_to_a_non_ascii_address_lands_there()
    {
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new() { BaseURL = app.BaseUrl });
            var refused = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                {
                    refused.Add(message.Text);
                }
            };

            // A link someone shared to a page whose address holds "é": it used to fail the sign-in with a 500.
            await page.GotoAsync("/sign-in?ReturnUrl=%2Fservices%3Fnote%3Dcaf%C3%A9");
            await page.GetByLabel("Email address").FillAsync(DemoAccounts.Administrator.Email);
            await page.GetByLabel("Password").FillAsync(DemoAccounts.Administrator.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/services?note=caf%C3%A9", StringComparison.Ordinal));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

            foreach (var path in new[] { "/", "/risks", "/performance/1" })
            {
                await AppWithBrowser.OpenAsync(page, path);
            }

            await Assertions.Expect(page.Locator(".apexcharts-canvas").First).ToBeVisibleAsync();
            Assert.Empty(refused);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
