using System.Text;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Organisation;
using Dashboard.Features.Admin.People;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Features.Admin;

/// <summary>
/// UK GDPR for a member of staff (Dana Hughes, report owner): an administrator downloads everything held about her, and
/// once she has left and handed over what she owned, erases her: her history stays under "Former member of staff",
/// and neither her name nor her email address is left anywhere in the database.
/// </summary>
public class PersonalDataTests : DashboardTestContext
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<PersonalData> AsAsync(string personName, params string[] roles) =>
        new(Database.Factory, await TestUsers.CurrentUserAsync(Database, personName, roles), Time, Notifier);

    private async Task<Person> PersonAsync(string name)
    {
        await using var db = await Database.OpenAsync();
        return await db.People.AsNoTracking().SingleAsync(p => p.Name == name, Ct);
    }

    [Fact]
    public async Task The_export_holds_her_details_account_what_she_owns_and_her_audit_trail()
    {
        var dana = await PersonAsync("Dana Hughes");
        await ChangeAsHerAsync(dana);

        await using var db = await Database.OpenAsync();
        var json = Encoding.UTF8.GetString((await PersonalData.ExportAsync(db, dana.Id, Time.GetUtcNow(), Ct))!);

        Assert.Contains(dana.Email!, json, StringComparison.Ordinal);
        Assert.Contains("\"Roles\"", json, StringComparison.Ordinal);
        Assert.Contains("Shared services and joint working", json, StringComparison.Ordinal);
        Assert.Contains("Commentary written by Dana", json, StringComparison.Ordinal);
        Assert.Null(await PersonalData.ExportAsync(db, -1, Time.GetUtcNow(), Ct));
    }

    [Fact]
    public async Task Someone_still_working_or_still_owning_things_is_not_erased()
    {
        var dana = await PersonAsync("Dana Hughes");
        var data = await AsAsync("Priya Shah", Roles.Administrator);

        var active = await data.EraseAsync(dana.Id, Ct);
        await DeactivateAsync(dana);
        var owning = await data.EraseAsync(dana.Id, Ct);
        var notAdministrator = await (await AsAsync("Alex Morgan", Roles.ServiceManager)).EraseAsync(dana.Id, Ct);

        Assert.Equal("Deactivate Dana Hughes before erasing them: only someone who has left is erased.", active.Error);
        Assert.StartsWith("Dana Hughes still owns or directs", owning.Error, StringComparison.Ordinal);
        Assert.Equal(PeopleCommands.AdministratorsOnly, notAdministrator.Error);
        Assert.Equal(("Dana Hughes", dana.Email), ((await PersonAsync("Dana Hughes")).Name, (await PersonAsync("Dana Hughes")).Email));
    }

    [Fact]
    public async Task Erasing_her_keeps_her_history_under_former_member_of_staff_and_removes_her_name_email_and_account()
    {
        var dana = await PersonAsync("Dana Hughes");
        var admin = await PersonAsync("Priya Shah");
        await ChangeAsHerAsync(dana);
        await HandOverAsync(dana, admin);
        await DeactivateAsync(dana);
        Assert.True(await MentionsAsync(dana), "Before erasure the audit trail names her.");

        var result = await (await AsAsync("Priya Shah", Roles.Administrator)).EraseAsync(dana.Id, Ct);

        Assert.True(result.Succeeded, result.Error);
        await using var db = await Database.OpenAsync();
        var erased = await db.People.AsNoTracking().SingleAsync(p => p.Id == dana.Id, Ct);
        Assert.Equal((PersonalData.FormerMember, (string?)null, (string?)null), (erased.Name, erased.Email, erased.JobTitle));
        Assert.False(await db.Users.AnyAsync(u => u.PersonId == dana.Id, Ct));
        Assert.False(await MentionsAsync(dana), "No audit entry, reminder or meeting still names her or holds her email address.");
        var herChange = await db.AuditEntries.SingleAsync(a => a.ActorPersonId == dana.Id, Ct);
        Assert.Equal(PersonalData.FormerMember, herChange.Actor);
        Assert.Contains("Commentary written by Dana", herChange.Changes, StringComparison.Ordinal);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Person" && a.EntityId == dana.Id.ToString() && a.Actor == "Priya Shah" && a.Changes.Contains("erased"), Ct));

        var again = await (await AsAsync("Priya Shah", Roles.Administrator)).EraseAsync(dana.Id, Ct);
        Assert.Equal("This person has already been erased.", again.Error);
    }

    /// <summary>She edits a savings line's commentary; an administrator changes her job title (both audited).</summary>
    private async Task ChangeAsHerAsync(Person dana)
    {
        await using (var db = await Database.OpenAsync())
        {
            db.Actor = new AuditActor(dana.Name, dana.Id);
            var line = await db.SavingsLines.FirstAsync(l => l.OwnerId == dana.Id, Ct);
            line.Commentary = "Commentary written by Dana";
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = await Database.OpenAsync())
        {
            var admin = await db.People.SingleAsync(p => p.Name == "Priya Shah", Ct);
            db.Actor = new AuditActor(admin.Name, admin.Id);
            var her = await db.People.SingleAsync(p => p.Id == dana.Id, Ct);
            her.JobTitle = "Senior Performance Officer";
            await db.SaveChangesAsync(Ct);
        }
    }

    private async Task HandOverAsync(Person from, Person to)
    {
        await using var db = await Database.OpenAsync();
        await db.SharedServices.Where(s => s.OwnerId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.OwnerId, to.Id), Ct);
        await db.SharedServices.Where(s => s.DirectorId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.DirectorId, to.Id), Ct);
        await db.RiskRegisters.Where(r => r.OwnerId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.OwnerId, to.Id), Ct);
        await db.Risks.Where(r => r.OwnerId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.OwnerId, to.Id), Ct);
        await db.RiskIssues.Where(r => r.OwnerId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.OwnerId, to.Id), Ct);
        await db.PerformanceIndicators.Where(r => r.OwnerId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.OwnerId, to.Id), Ct);
        await db.SavingsLines.Where(r => r.OwnerId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.OwnerId, to.Id), Ct);
        await db.People.Where(p => p.DirectorId == from.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.DirectorId, to.Id), Ct);
    }

    private async Task DeactivateAsync(Person person)
    {
        await using var db = await Database.OpenAsync();
        await db.People.Where(p => p.Id == person.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.DeactivatedAt, Time.GetUtcNow()), Ct);
    }

    private async Task<bool> MentionsAsync(Person person)
    {
        await using var db = await Database.OpenAsync();
        var email = person.Email!;
        return await db.AuditEntries.AnyAsync(a => a.Actor == person.Name || a.Changes.Contains(person.Name) || a.Changes.Contains(email), Ct)
            || await db.ReminderMessages.AnyAsync(m => (m.To != null && m.To.Contains(email)) || (m.Cc != null && m.Cc.Contains(email)), Ct)
            || await db.BoardMeetings.AnyAsync(m => m.CancelledBy == person.Name, Ct);
    }
}

public sealed class PersonalDataTestsOnPostgres : PersonalDataTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
