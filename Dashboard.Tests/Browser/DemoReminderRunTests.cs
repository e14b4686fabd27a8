using Dashboard.Data;
using Dashboard.Tests.Support;
using Microsoft.Playwright;
using MimeKit;

namespace Dashboard.Tests.Browser;

/// <summary>
/// The "done when": on the demo data an administrator starts the reminder run, a real SMTP
/// server receives one email per owner with overdue updates, and a second run delivers none.
/// </summary>
public sealed class DemoReminderRunTests
{
    [Fact]
    public async Task The_demo_reminder_run_emails_each_overdue_owner_once_and_a_second_run_sends_nothing()
    {
        Support.Browser.RequireChromium();
        await using var smtp = await LoopbackSmtpServer.StartAsync();
        await using var database = await TestDatabase.CreateSeededAsync();
        await using var app = await AppProcess.StartAsync(database, new Dictionary<string, string>
        {
            ["Email__Transport"] = "Smtp",
            ["Email__Host"] = "127.0.0.1",
            ["Email__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email__Security"] = "None",
        }, TestContext.Current.CancellationToken);
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new() { BaseURL = app.BaseUrl });
            await AppWithBrowser.SignInAsync(page, DemoAccounts.Administrator.Email, DemoAccounts.Administrator.Password);

            await RunRemindersAsync(page, expectedSucceededRuns: 1);
            await AppWithBrowser.OpenAsync(page, "/admin/reminders");
            await Assertions.Expect(page.Locator("tbody tr", new() { HasText = "Sent " })).ToHaveCountAsync(5);
            var first = smtp.Messages.Select(m => ((MailboxAddress)m.To.Single()).Address).Order().ToList();

            await RunRemindersAsync(page, expectedSucceededRuns: 2);

            Assert.Equal([$"dana.hughes@{DemoSeed.Domain}", $"ian.brooks@{DemoSeed.Domain}", $"lee.carter@{DemoSeed.Domain}", $"rosa.grant@{DemoSeed.Domain}", $"tom.baker@{DemoSeed.Domain}"], first);
            Assert.Equal(5, smtp.Messages.Count);
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static async Task RunRemindersAsync(IPage page, int expectedSucceededRuns)
    {
        await AppWithBrowser.OpenAsync(page, "/admin/reminders");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reminders now" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The reminder run has started.");

        // The run is a Hangfire job: wait until Hangfire reports it finished.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await page.GotoAsync("/hangfire/jobs/succeeded");
            if (await page.GetByText("ReminderJob.RunAsync").CountAsync() >= expectedSucceededRuns)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The reminder run did not finish: {await page.ContentAsync()}");
            await Task.Delay(1000, TestContext.Current.CancellationToken);
        }
    }
}
