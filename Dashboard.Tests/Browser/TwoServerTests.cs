using Dashboard.Data;
using Dashboard.Domain.Reminders;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Dashboard.Tests.Browser;

/// <summary>
/// Two app servers on one PostgreSQL database, as behind a load balancer: a sign-in on one is honoured by the
/// other (shared data protection keys), and a change saved on one reaches dashboards open on the other.
/// </summary>
public sealed class TwoServerTests : IAsyncLifetime
{
    private LoopbackSmtpServer smtp = null!;
    private TestDatabase database = null!;
    private AppProcess serverA = null!;
    private AppProcess serverB = null!;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async ValueTask InitializeAsync()
    {
        PostgresDatabase.RequireServer();
        Support.Browser.RequireChromium();
        smtp = await LoopbackSmtpServer.StartAsync();
        database = await TestDatabase.CreateSeededAsync(DatabaseProvider.Postgres);
        serverA = await AppProcess.StartAsync(database, ServerSettings("server-a-"));
        serverB = await AppProcess.StartAsync(database, ServerSettings("server-b-"));
        (playwright, browser) = await Support.Browser.LaunchAsync();
    }

    [Fact]
    public async Task Signed_in_on_server_a_a_board_member_browses_server_b()
    {
        // Cookies belong to the host, not the port, so both servers see the cookie that server A issued.
        var context = await browser!.NewContextAsync(new() { BaseURL = serverA.BaseUrl });
        var page = await context.NewPageAsync();
        await AppWithBrowser.SignInAsync(page, DemoAccounts.BoardMember.Email, DemoAccounts.BoardMember.Password);

        await page.GotoAsync($"{serverB.BaseUrl}/risks");

        Assert.DoesNotContain("/sign-in", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Risk");
        await using var db = await database.OpenAsync();
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(TestContext.Current.CancellationToken));
        await context.CloseAsync();
    }

    [Fact]
    public async Task A_risk_closed_on_server_a_leaves_the_register_open_on_server_b_without_reload()
    {
        int riskId;
        await using (var db = await database.OpenAsync())
        {
            riskId = await db.Risks.Where(r => r.Ref == "10" && r.RiskRegister!.Name.StartsWith("Shared Services")).Select(r => r.Id).SingleAsync(TestContext.Current.CancellationToken);
        }

        var boardContext = await browser!.NewContextAsync(new() { BaseURL = serverB.BaseUrl });
        var board = await boardContext.NewPageAsync();
        await AppWithBrowser.SignInAsync(board, DemoAccounts.BoardMember.Email, DemoAccounts.BoardMember.Password);
        await AppWithBrowser.OpenAsync(board, "/risks");
        var register = board.Locator(".risk-register tbody tr");
        await Assertions.Expect(register).ToHaveCountAsync(14);

        var adminContext = await browser.NewContextAsync(new() { BaseURL = serverA.BaseUrl });
        var admin = await adminContext.NewPageAsync();
        await AppWithBrowser.SignInAsync(admin, DemoAccounts.Administrator.Email, DemoAccounts.Administrator.Password);
        await AppWithBrowser.OpenAsync(admin, $"/risks/{riskId}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Close risk" }).ClickAsync();
        await admin.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Close risk" }).ClickAsync();

        await Assertions.Expect(register).ToHaveCountAsync(13, new() { Timeout = 5_000 });
        await Assertions.Expect(board.Locator(".risk-register")).Not.ToContainTextAsync("Potential conflict with WETT work");
        await boardContext.CloseAsync();
        await adminContext.CloseAsync();
    }

    [Fact]
    public async Task Jobs_started_on_both_servers_take_effect_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var pageA = await SignedInAdministratorAsync(serverA);
        var pageB = await SignedInAdministratorAsync(serverB);

        await Task.WhenAll(StartRemindersAsync(pageA), StartRemindersAsync(pageB));
        await WaitForSucceededRunsAsync(pageA, "ReminderJob.RunAsync", 2);

        // One email per person owed a reminder, however many servers ran the job.
        await using var db = await database.OpenAsync();
        var recipients = await db.ReminderMessages.Where(m => m.Status == ReminderMessageStatus.Sent).Select(m => m.RecipientId).ToListAsync(ct);
        Assert.NotEmpty(recipients);
        Assert.Equal(recipients.Count, recipients.Distinct().Count());
        Assert.Equal(recipients.Count, smtp.Messages.Count);
        Assert.Equal(recipients.Count, smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(recipients.Count, smtp.Messages.Select(m => m.To.ToString()).Distinct().Count());

        // Both servers caught up the last closed quarter at start-up, through the one shared queue.
        await WaitForSucceededRunsAsync(pageA, "QuarterlyRollupJob", 2);
        var versions = await db.QuarterlyRollups.Where(r => r.FinancialYear == 2010 && r.Quarter == 2).CountAsync(ct);
        Assert.Equal(1, versions);
        await pageA.Context.CloseAsync();
        await pageB.Context.CloseAsync();
    }

    private Dictionary<string, string> ServerSettings(string name) => new()
    {
        // Each server gets a home folder of its own, so the only keys they can share are the database's.
        ["HOME"] = Directory.CreateTempSubdirectory(name).FullName,
        ["Email__Transport"] = "Smtp",
        ["Email__Host"] = "127.0.0.1",
        ["Email__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email__Security"] = "None",
    };

    private async Task<IPage> SignedInAdministratorAsync(AppProcess server)
    {
        var context = await browser!.NewContextAsync(new() { BaseURL = server.BaseUrl });
        var page = await context.NewPageAsync();
        await AppWithBrowser.SignInAsync(page, DemoAccounts.Administrator.Email, DemoAccounts.Administrator.Password);
        return page;
    }

    private static async Task StartRemindersAsync(IPage page)
    {
        await AppWithBrowser.OpenAsync(page, "/admin/reminders");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reminders now" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The reminder run has started.");
    }

    /// <summary>Waits until the shared Hangfire queue reports the job finished the given number of times.</summary>
    private static async Task WaitForSucceededRunsAsync(IPage page, string job, int runs)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await page.GotoAsync("/hangfire/jobs/succeeded");
            if (await page.GetByText(job).CountAsync() >= runs)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{job} did not finish {runs} times: {await page.ContentAsync()}");
            await Task.Delay(1000, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        foreach (var server in new[] { serverA, serverB })
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        if (smtp is not null)
        {
            await smtp.DisposeAsync();
        }
    }
}
