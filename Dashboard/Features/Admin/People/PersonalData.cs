using System.Text.Json;
using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Audit;
using Dashboard.Live;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Admin.People;

/// <summary>
/// UK GDPR for the people the dashboard knows: an administrator exports everything held about a person (a subject
/// access request) and erases someone who has left. Erasing keeps the person's row, so the history they wrote (status
/// updates, highlight reports, assessments, figures) stays whole, but under the name "Former member of staff", with
/// their contact details, account and the name in the audit trail gone.
/// </summary>
public sealed class PersonalData(IDbContextFactory<DashboardDbContext> dbFactory, CurrentUser user, TimeProvider time, IChangeNotifier changes)
{
    public const string FormerMember = "Former member of staff";
    public const string ErasedEmail = "(erased)";

    private static readonly string QuotedFormerMember = JsonSerializer.Serialize(FormerMember);
    private static readonly string QuotedErasedEmail = JsonSerializer.Serialize(ErasedEmail);
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Everything held about the person, as an indented JSON document; null when there is no such person.</summary>
    public static async Task<byte[]?> ExportAsync(DashboardDbContext db, int personId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.Id, p.Name, p.Email, p.JobTitle, Council = p.Council!.Name, Director = p.Director!.Name, p.DeactivatedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }

        var account = await db.Users.AsNoTracking().Where(u => u.PersonId == personId)
            .Select(u => new
            {
                u.UserName, u.Email, u.EmailConfirmed, u.LockoutEnd,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
                SignInProviders = db.UserLogins.Where(l => l.UserId == u.Id).Select(l => l.ProviderDisplayName ?? l.LoginProvider).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var document = new
        {
            Exported = now,
            Person = person,
            Account = account,
            Owns = new
            {
                Services = await db.SharedServices.Where(s => s.OwnerId == personId).Select(s => s.Name).ToListAsync(cancellationToken),
                DirectorOf = await db.SharedServices.Where(s => s.DirectorId == personId).Select(s => s.Name).ToListAsync(cancellationToken),
                RiskRegisters = await db.RiskRegisters.Where(r => r.OwnerId == personId).Select(r => r.Name).ToListAsync(cancellationToken),
                Risks = await db.Risks.Where(r => r.OwnerId == personId).Select(r => r.Ref + " " + r.Title).ToListAsync(cancellationToken),
                Issues = await db.RiskIssues.Where(i => i.OwnerId == personId).Select(i => i.Ref).ToListAsync(cancellationToken),
                Indicators = await db.PerformanceIndicators.Where(i => i.OwnerId == personId).Select(i => i.Ref + " " + i.Description).ToListAsync(cancellationToken),
                SavingsLines = await db.SavingsLines.Where(l => l.OwnerId == personId).Select(l => l.Description).ToListAsync(cancellationToken),
                DirectReports = await db.People.Where(p => p.DirectorId == personId).Select(p => p.Name).ToListAsync(cancellationToken),
            },
            Wrote = new
            {
                StatusUpdates = await db.StatusUpdates.Where(u => u.UpdatedById == personId).Select(u => new { Service = u.SharedService!.Name, u.Period, u.UpdatedAt }).ToListAsync(cancellationToken),
                HighlightReports = await db.HighlightReports.Where(h => h.PreparedById == personId).Select(h => new { Service = h.SharedService!.Name, h.PeriodEnding }).ToListAsync(cancellationToken),
                RiskAssessments = await db.RiskAssessments.Where(a => a.AssessedById == personId).Select(a => new { a.RiskId, a.AssessedAt }).ToListAsync(cancellationToken),
                IndicatorFigures = await db.PiValues.Where(v => v.EnteredById == personId).Select(v => new { Indicator = v.PerformanceIndicator!.Ref, v.PeriodStart, v.EnteredAt }).ToListAsync(cancellationToken),
            },
            Reminders = await db.ReminderMessages.Where(m => m.RecipientId == personId).OrderBy(m => m.Id)
                .Select(m => new { m.ScanDate, m.Subject, m.To, m.Cc, Status = m.Status.ToString(), m.SentAt }).ToListAsync(cancellationToken),
            AuditTrail = new
            {
                ChangesMade = await db.AuditEntries.Where(a => a.ActorPersonId == personId).OrderBy(a => a.Id)
                    .Select(a => new { a.At, a.EntityType, a.EntityId, Action = a.Action.ToString(), a.Changes }).ToListAsync(cancellationToken),
                ChangesToTheirRecord = await OfTheirRecord(db, personId, await AccountIdAsync(db, personId, cancellationToken)).OrderBy(a => a.Id)
                    .Select(a => new { a.At, a.Actor, Action = a.Action.ToString(), a.Changes }).ToListAsync(cancellationToken),
            },
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Indented);
    }

    /// <summary>
    /// Erases a deactivated person who owns nothing any more (hand over first, so no service, risk or indicator is
    /// left without an owner). All or nothing, in one transaction; the erasure itself is audited without the name.
    /// </summary>
    public async Task<CommandResult> EraseAsync(int personId, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(PeopleCommands.AdministratorsOnly);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return CommandResult.Refused(PeopleCommands.NoSuchPerson);
        }

        if (person.Name == FormerMember && person.Email is null)
        {
            return CommandResult.Refused("This person has already been erased.");
        }

        if (person.IsActive)
        {
            return CommandResult.Refused($"Deactivate {person.Name} before erasing them: only someone who has left is erased.");
        }

        if (await OwnedCountAsync(db, personId, cancellationToken) is var owned and > 0)
        {
            return CommandResult.Refused($"{person.Name} still owns or directs {owned} thing{(owned == 1 ? "" : "s")}: hand them over first.");
        }

        // Their own record's and account's entries are about nothing but them: only the fact of each change stays.
        var accountId = await AccountIdAsync(db, personId, cancellationToken);
        await OfTheirRecord(db, personId, accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Changes, ErasedChanges), cancellationToken);

        // The audit trail is otherwise never edited; erasure is the one change the law asks of it. Values are matched
        // as the trail wrote them (whole JSON strings, with its escapes), so "Ann Lee" does not touch "Joann Lee".
        var nameInAudit = JsonSerializer.Serialize(person.Name);
        await db.AuditEntries.Where(a => a.ActorPersonId == personId).ExecuteUpdateAsync(s => s.SetProperty(a => a.Actor, FormerMember), cancellationToken);
        await db.AuditEntries.Where(a => a.Changes.Contains(nameInAudit)).ExecuteUpdateAsync(s => s.SetProperty(a => a.Changes, a => a.Changes.Replace(nameInAudit, QuotedFormerMember)), cancellationToken);
        if (person.Email is { } email)
        {
            var emailInAudit = JsonSerializer.Serialize(email);
            await db.AuditEntries.Where(a => a.Changes.Contains(emailInAudit)).ExecuteUpdateAsync(s => s.SetProperty(a => a.Changes, a => a.Changes.Replace(emailInAudit, QuotedErasedEmail)), cancellationToken);
            await db.ReminderMessages.Where(m => m.To != null && m.To.Contains(email)).ExecuteUpdateAsync(s => s.SetProperty(m => m.To, m => m.To!.Replace(email, ErasedEmail)), cancellationToken);
            await db.ReminderMessages.Where(m => m.Cc != null && m.Cc.Contains(email)).ExecuteUpdateAsync(s => s.SetProperty(m => m.Cc, m => m.Cc!.Replace(email, ErasedEmail)), cancellationToken);
        }

        await db.BoardMeetings.Where(m => m.CancelledBy == person.Name).ExecuteUpdateAsync(s => s.SetProperty(m => m.CancelledBy, FormerMember), cancellationToken);

        // Identity's claims, roles, logins and tokens go with the account (cascading keys).
        await db.Users.Where(u => u.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.People.Where(p => p.Id == personId).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.Name, FormerMember).SetProperty(p => p.Email, (string?)null).SetProperty(p => p.JobTitle, (string?)null).SetProperty(p => p.CouncilId, (int?)null),
            cancellationToken);

        var principal = await user.PrincipalAsync();
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = CurrentUser.DisplayNameOf(principal),
            ActorPersonId = CurrentUser.PersonIdOf(principal),
            EntityType = "Person",
            EntityId = personId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = AuditAction.Updated,
            Changes = ErasedChanges,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        changes.Publish(new DashboardChange(ChangeArea.People, personId, "A former member of staff's personal data was erased"));
        return CommandResult.Saved;
    }

    private static readonly string ErasedChanges = JsonSerializer.Serialize(new Dictionary<string, object?> { ["Personal data"] = new { @new = "erased" } });

    private static Task<string?> AccountIdAsync(DashboardDbContext db, int personId, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.PersonId == personId).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The audit entries of the person's own record, their account and its role assignments.</summary>
    private static IQueryable<AuditEntry> OfTheirRecord(DashboardDbContext db, int personId, string? accountId)
    {
        var person = personId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return accountId is null
            ? db.AuditEntries.Where(a => a.EntityType == "Person" && a.EntityId == person)
            : db.AuditEntries.Where(a => (a.EntityType == "Person" && a.EntityId == person) || (a.EntityType == "Account" && a.EntityId == accountId)
                || (a.EntityType == "Role assignment" && a.EntityId.StartsWith(accountId + ":")));
    }

    private static async Task<int> OwnedCountAsync(DashboardDbContext db, int personId, CancellationToken cancellationToken) =>
        await db.SharedServices.CountAsync(s => s.OwnerId == personId || s.DirectorId == personId, cancellationToken)
        + await db.RiskRegisters.CountAsync(r => r.OwnerId == personId, cancellationToken)
        + await db.Risks.CountAsync(r => r.OwnerId == personId, cancellationToken)
        + await db.RiskIssues.CountAsync(i => i.OwnerId == personId, cancellationToken)
        + await db.PerformanceIndicators.CountAsync(i => i.OwnerId == personId, cancellationToken)
        + await db.SavingsLines.CountAsync(l => l.OwnerId == personId, cancellationToken)
        + await db.People.CountAsync(p => p.DirectorId == personId, cancellationToken);
}
