using Dashboard.Data;
using Dashboard.Domain.Risks;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Data;

/// <summary>The app on a real PostgreSQL server: its own migrations, the same demo data, the same behaviour.</summary>
public sealed class PostgresTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Postgres_migrations_create_the_schema_and_match_the_model()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        await using var db = await database.OpenAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Cancel));
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no PostgreSQL migration covers: run `dotnet run --project Dashboard -- add-migration <Name>`.");
        Assert.Equal(0, await db.Councils.CountAsync(Cancel));
    }

    [Fact]
    public async Task The_demo_seeds_the_same_data_on_postgres_as_on_sqlite()
    {
        await using var postgres = await TestDatabase.CreateSeededAsync(DatabaseProvider.Postgres);
        await using var sqlite = await TestDatabase.CreateSeededAsync();
        await using var onPostgres = await postgres.OpenAsync();
        await using var onSqlite = await sqlite.OpenAsync();

        Assert.Equal(await CountsAsync(onSqlite), await CountsAsync(onPostgres));

        // Values that each provider stores its own way (decimals, offsets) come back the same.
        var risk10 = await onPostgres.Risks.Include(r => r.Assessments).SingleAsync(r => r.Ref == "10", Cancel);
        Assert.Equal([6, 9], risk10.Assessments.OrderBy(a => a.AssessedAt).Select(a => a.Score.Value));
        Assert.Equal(
            await onSqlite.PiValues.OrderBy(v => v.Id).Select(v => v.Value).ToListAsync(Cancel),
            await onPostgres.PiValues.OrderBy(v => v.Id).Select(v => v.Value).ToListAsync(Cancel));
        Assert.Equal(
            await onSqlite.SavingsLines.SumAsync(s => s.Target, Cancel),
            await onPostgres.SavingsLines.SumAsync(s => s.Target, Cancel));
    }

    [Fact]
    public async Task A_stale_copy_cannot_overwrite_a_newer_save_on_postgres()
    {
        await using var database = await TestDatabase.CreateSeededAsync(DatabaseProvider.Postgres);
        await using var first = await database.OpenAsync();
        await using var second = await database.OpenAsync();
        var mine = await first.Risks.SingleAsync(r => r.Ref == "8", Cancel);
        var theirs = await second.Risks.SingleAsync(r => r.Ref == "8", Cancel);

        theirs.Title = "Saved first";
        await second.SaveChangesAsync(Cancel);
        mine.Title = "Saved second from a stale copy";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync(Cancel));
        await using var check = await database.OpenAsync();
        Assert.Equal("Saved first", (await check.Risks.SingleAsync(r => r.Ref == "8", Cancel)).Title);
    }

    [Fact]
    public async Task The_app_runs_on_postgres_and_a_board_member_signs_in()
    {
        await using var database = await TestDatabase.CreateSeededAsync(DatabaseProvider.Postgres);
        await using var app = await AppProcess.StartAsync(database, cancellationToken: Cancel);
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        await using (browser)
        {
            using (playwright)
            {
                var page = await browser.NewPageAsync(new() { BaseURL = app.BaseUrl });
                await AppWithBrowser.SignInAsync(page, DemoAccounts.BoardMember.Email, DemoAccounts.BoardMember.Password);
                await Microsoft.Playwright.Assertions.Expect(page.Locator("main")).ToContainTextAsync("Community Safety");
            }
        }
    }

    private static async Task<Dictionary<string, int>> CountsAsync(DashboardDbContext db) => new()
    {
        ["councils"] = await db.Councils.CountAsync(Cancel),
        ["people"] = await db.People.CountAsync(Cancel),
        ["users"] = await db.Users.CountAsync(Cancel),
        ["services"] = await db.SharedServices.CountAsync(Cancel),
        ["status updates"] = await db.StatusUpdates.CountAsync(Cancel),
        ["risks"] = await db.Risks.CountAsync(Cancel),
        ["assessments"] = await db.RiskAssessments.CountAsync(Cancel),
        ["indicators"] = await db.PerformanceIndicators.CountAsync(Cancel),
        ["values"] = await db.PiValues.CountAsync(Cancel),
        ["savings"] = await db.SavingsLines.CountAsync(Cancel),
        ["audit"] = await db.AuditEntries.CountAsync(Cancel),
    };
}
