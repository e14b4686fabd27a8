using Dashboard.Data;
using Dashboard.Domain.Risks;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Data;

/// <summary>Moving an existing SQLite database to PostgreSQL: everything copied, verified, and nothing half-done.</summary>
public sealed class DatabaseCopyTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_database_is_copied_to_postgres_with_matching_counts_and_checksums()
    {
        await using var sqlite = await TestDatabase.CreateSeededAsync();
        await using var postgres = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);

        var tables = await DatabaseCopy.CopyAsync(sqlite.Database, postgres.Database, Cancel);

        Assert.All(tables, t => Assert.True(t.Matches, $"{t.Table} differs"));
        Assert.Contains(tables, t => t.Table == "Risks" && t.TargetRows > 14);
        Assert.Contains(tables, t => t.Table == "AspNetUsers" && t.TargetRows >= 5);
        await using var db = await postgres.OpenAsync();
        var risk10 = await db.Risks.Include(r => r.Assessments).SingleAsync(r => r.Ref == "10" && r.RiskRegister!.Name == "Shared Services Programme", Cancel);
        Assert.Equal([6, 9], risk10.Assessments.OrderBy(a => a.AssessedAt).Select(a => a.Score.Value));
    }

    [Fact]
    public async Task After_the_copy_new_rows_get_fresh_keys_on_postgres()
    {
        await using var sqlite = await TestDatabase.CreateSeededAsync();
        await using var postgres = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Postgres);
        await DatabaseCopy.CopyAsync(sqlite.Database, postgres.Database, Cancel);

        await using var db = await postgres.OpenAsync();
        var register = await db.RiskRegisters.FirstAsync(Cancel);
        var owner = await db.People.FirstAsync(Cancel);
        var maxId = await db.Risks.MaxAsync(r => r.Id, Cancel);
        var risk = new Risk { Ref = "NEW-1", Title = "Added after the move", RiskRegister = register, Owner = owner, NextReviewDate = new DateOnly(2011, 3, 1) };
        db.Risks.Add(risk);
        await db.SaveChangesAsync(Cancel);

        Assert.True(risk.Id > maxId);
    }

    [Fact]
    public async Task A_target_that_already_holds_data_is_refused_and_left_unchanged()
    {
        await using var sqlite = await TestDatabase.CreateSeededAsync();
        await using var postgres = await TestDatabase.CreateSeededAsync(DatabaseProvider.Postgres);
        int risksBefore;
        await using (var db = await postgres.OpenAsync())
        {
            risksBefore = await db.Risks.CountAsync(Cancel);
        }

        var error = await Assert.ThrowsAsync<DatabaseCopyException>(() => DatabaseCopy.CopyAsync(sqlite.Database, postgres.Database, Cancel));

        Assert.StartsWith("The target database already holds data", error.Message, StringComparison.Ordinal);
        await using var check = await postgres.OpenAsync();
        Assert.Equal(risksBefore, await check.Risks.CountAsync(Cancel));
    }
}
