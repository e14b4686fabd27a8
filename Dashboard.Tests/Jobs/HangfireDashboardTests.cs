using System.Net;
using Dashboard.Tests.Support;
using Microsoft.Playwright;

namespace Dashboard.Tests.Jobs;

/// <summary>The Hangfire dashboard at /hangfire and the reminder log are for administrators only, checked by the server.</summary>
public sealed class HangfireDashboardTests(AppWithBrowser fixture) : IClassFixture<AppWithBrowser>
{
    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in()
    {
        Support.Browser.RequireChromium();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        using var response = await http.GetAsync($"{fixture.App.BaseUrl}/hangfire", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/sign-in", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Board member")]
    [InlineData("Service manager")]
    [InlineData("Report owner")]
    public async Task Anyone_but_an_administrator_is_refused_the_hangfire_dashboard_and_the_reminder_log(string role)
    {
        var (email, password) = role switch
        {
            "Board member" => DemoAccounts.BoardMember,
            "Service manager" => DemoAccounts.ServiceManager,
            _ => DemoAccounts.ReportOwner,
        };
        var page = await fixture.SignedInPageAsync(email, password);

        await page.GotoAsync("/hangfire/recurring");

        Assert.EndsWith("/access-denied", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.DoesNotContain("send-reminders", await page.ContentAsync(), StringComparison.Ordinal);

        await page.GotoAsync("/admin/reminders");
        await Assertions.Expect(page.GetByText("You do not have access to this page.")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reminder log" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_administrator_sees_the_recurring_reminder_job_and_the_reminder_log()
    {
        var page = await fixture.SignedInPageAsync(DemoAccounts.Administrator.Email, DemoAccounts.Administrator.Password);

        var response = await page.GotoAsync("/hangfire/recurring");

        Assert.Equal(200, response!.Status);
        var row = page.Locator("tr", new() { HasText = "send-reminders" });
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(row).ToContainTextAsync("0 6 * * *");

        await page.GotoAsync("/admin/reminders");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reminder log" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.Context.CloseAsync();
    }
}
