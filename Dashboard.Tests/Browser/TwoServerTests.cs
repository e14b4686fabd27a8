using Dashboard.Data;
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
    private TestDatabase database = null!;
    private AppProcess serverA = null!;
    private AppProcess serverB = null!;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async ValueTask InitializeAsync()
    {
        PostgresDatabase.RequireServer();
        Support.Browser.RequireChromium();
        database = await TestDatabase.CreateSeededAsync(DatabaseProvider.Postgres);
        // Each server gets a home folder of its own, so the only keys they can share are the database's.
        serverA = await AppProcess.StartAsync(database, new Dictionary<string, string> { ["HOME"] = Directory.CreateTempSubdirectory("server-a-").FullName });
        serverB = await AppProcess.StartAsync(database, new Dictionary<string, string> { ["HOME"] = Directory.CreateTempSubdirectory("server-b-").FullName });
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
    }
}
