using Dashboard.Audit;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Services;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Audit;

public class AuditTrailTests
{
    /// <summary>Overridden by <see cref="AuditTrailTestsOnPostgres"/>.</summary>
    protected virtual Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Sqlite;

    private static readonly AuditActor Manager = new("Alex Morgan", 9);

    [Fact]
    public async Task A_changed_value_is_recorded_with_who_when_and_old_and_new()
    {
        await using var database = await TestDatabase.CreateSeededAsync(Provider);
        var ct = TestContext.Current.CancellationToken;
        int cardId;
        await using (var db = await database.OpenAsync())
        {
            db.Actor = Manager;
            var card = await db.StatusUpdates.FirstAsync(u => u.SharedService!.Name == "ICT" && u.Period == new DateOnly(2010, 12, 1), ct);
            card.Rag = Rag.Amber;
            card.ReasonForChange = "Backup installation delayed";
            cardId = card.Id;
            await db.SaveChangesAsync(ct);
        }

        await using var check = await database.OpenAsync();
        var entry = await check.AuditEntries.SingleAsync(a => a.EntityType == nameof(StatusUpdate) && a.EntityId == cardId.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == AuditAction.Updated, ct);
        Assert.Equal("Alex Morgan", entry.Actor);
        Assert.Equal(9, entry.ActorPersonId);
        Assert.Contains("\"Rag\":{\"old\":\"Green\",\"new\":\"Amber\"}", entry.Changes, StringComparison.Ordinal);
        Assert.Contains("Backup installation delayed", entry.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Version", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_row_is_recorded_with_its_generated_key()
    {
        await using var database = await TestDatabase.CreateSeededAsync(Provider);
        var ct = TestContext.Current.CancellationToken;
        await using var db = await database.OpenAsync();
        db.Actor = Manager;
        var risk = await db.Risks.FirstAsync(r => r.Ref == "10", ct);
        var assessment = new RiskAssessment { RiskId = risk.Id, Likelihood = Likelihood.High, Impact = Impact.Major, AssessedAt = DateTimeOffset.UtcNow, AssessedById = 1, Reason = "WETT phase 2 confirmed" };
        db.RiskAssessments.Add(assessment);
        await db.SaveChangesAsync(ct);

        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(RiskAssessment) && a.Action == AuditAction.Created && a.Actor == "Alex Morgan", ct);
        Assert.Equal(assessment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Contains("WETT phase 2 confirmed", entry.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_save_writes_no_audit_entry()
    {
        await using var database = await TestDatabase.CreateSeededAsync(Provider);
        var ct = TestContext.Current.CancellationToken;
        long before;
        await using (var db = await database.OpenAsync())
        {
            before = await db.AuditEntries.LongCountAsync(ct);
            db.Actor = Manager;
            var programme = await db.RiskRegisters.FirstAsync(r => r.SharedServiceId == null, ct);

            // A second risk "1" on the same register breaks the unique reference, so the whole save fails.
            db.Risks.Add(new Risk { RiskRegisterId = programme.Id, Ref = "1", Title = "Duplicate", OwnerId = programme.OwnerId, RaisedOn = new DateOnly(2010, 12, 9), NextReviewDate = new DateOnly(2011, 3, 9) });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        }

        await using var check = await database.OpenAsync();
        Assert.Equal(before, await check.AuditEntries.LongCountAsync(ct));
        Assert.False(await check.Risks.AnyAsync(r => r.Title == "Duplicate", ct));
    }

    [Fact]
    public async Task The_demo_seed_is_recorded_as_the_system_and_the_trail_cannot_be_edited()
    {
        await using var database = await TestDatabase.CreateSeededAsync(Provider);
        var ct = TestContext.Current.CancellationToken;
        await using var db = await database.OpenAsync();

        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Risk) && a.Actor == "System (demo seed)", ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Role assignment", ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Changes.Contains("PasswordHash"), ct));

        var entry = await db.AuditEntries.FirstAsync(ct);
        entry.Actor = "Someone else";
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(ct));
        Assert.Equal("The audit trail cannot be edited.", error.Message);
    }
}

/// <summary>The same audit guarantees (one transaction with the change, none on rollback) on PostgreSQL.</summary>
public sealed class AuditTrailTestsOnPostgres : AuditTrailTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
