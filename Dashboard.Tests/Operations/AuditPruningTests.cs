using Dashboard.Audit;
using Dashboard.Data;
using Dashboard.Domain.Audit;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Operations;

/// <summary>
/// The nightly audit pruning with Audit:RetentionYears 6 on 3 December 2026: entries made before 1 April 2020
/// (London time) are deleted, the rest kept; a second run deletes nothing more.
/// </summary>
public class AuditPruningTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Overridden by <see cref="AuditPruningTestsOnPostgres"/>.</summary>
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Entries_older_than_the_retention_are_deleted_and_the_rest_kept()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(Provider);
        // In UTC, as the app stores them; London was on summer time (UTC+1) from 29 March 2020.
        var made = new Dictionary<string, DateTimeOffset>
        {
            ["Too old"] = new(2020, 3, 31, 22, 59, 0, TimeSpan.Zero),
            ["First kept"] = new(2020, 3, 31, 23, 0, 0, TimeSpan.Zero),
            ["Recent"] = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero),
        };
        await using (var db = await database.OpenAsync())
        {
            db.AuditEntries.AddRange(made.Select(m => new AuditEntry { At = m.Value, Actor = "Priya Shah", EntityType = "Risk", EntityId = m.Key, Changes = "{}" }));
            await db.SaveChangesAsync(Ct);
        }

        var pruning = new AuditPruning(database.Factory, new AuditRetention(6), new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 3, 0, 0, TimeSpan.Zero)), NullLogger<AuditPruning>.Instance);

        Assert.Equal(1, await pruning.RunAsync(Ct));
        Assert.Equal(0, await pruning.RunAsync(Ct));
        await using (var db = await database.OpenAsync())
        {
            Assert.Equal(["First kept", "Recent"], (await db.AuditEntries.Select(a => a.EntityId).ToListAsync(Ct)).Order(StringComparer.Ordinal));
        }
    }
}

public sealed class AuditPruningTestsOnPostgres : AuditPruningTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
