using Dashboard.Auth;
using Dashboard.Data;
using Dashboard.Domain.Organisation;
using Dashboard.Email;
using Dashboard.Hosting;
using Dashboard.Live;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Features.Admin.People;

/// <summary>
/// An administrator's changes to people and their sign-in accounts. Each checks on the server that the user is an
/// administrator, validates with the domain's rules, saves the person and the account in one transaction (audited),
/// then tells open screens. Account changes that must reach open sessions (roles, deactivation, a new invitation)
/// renew the account's security stamp, which every open page and signed-in browser re-checks.
/// </summary>
public sealed class PeopleCommands(
    IDbContextFactory<DashboardDbContext> dbFactory,
    CurrentUser user,
    UserManagers managers,
    PasswordLinks links,
    IEmailSender email,
    DemoOptions demo,
    TimeProvider time,
    IChangeNotifier changes,
    ILogger<PeopleCommands> log)
{
    public const string AdministratorsOnly = "Only an administrator can change people and their accounts.";

    public const string NoSuchPerson = "That person does not exist.";

    /// <summary>Field key for problems with the roles (which belong to the sign-in account).</summary>
    public const string RolesField = "Roles";

    public async Task<(CommandResult Result, int? Id)> CreateAsync(PersonInput input, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return (CommandResult.Refused(AdministratorsOnly), null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = input.Validate(null, await EntriesAsync(db, cancellationToken), await CouncilIdsAsync(db, cancellationToken));
        if (errors.Count > 0)
        {
            return (CommandResult.Invalid(errors), null);
        }

        var person = new Person { Name = "" };
        input.ApplyTo(person);
        db.People.Add(person);
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new DashboardChange(ChangeArea.People, person.Id, $"{person.Name} added"));
        return (CommandResult.Saved, person.Id);
    }

    /// <summary>Saves a person's details; a changed email address also renames their sign-in account.</summary>
    public async Task<CommandResult> UpdateAsync(int personId, PersonInput input, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(AdministratorsOnly);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return CommandResult.Refused(NoSuchPerson);
        }

        var errors = input.Validate(personId, await EntriesAsync(db, cancellationToken), await CouncilIdsAsync(db, cancellationToken));
        if (errors.Count > 0)
        {
            return CommandResult.Invalid(errors);
        }

        var oldEmail = person.Email;
        input.ApplyTo(person);
        var account = await db.Users.SingleOrDefaultAsync(u => u.PersonId == personId, cancellationToken);
        if (account is not null && !string.Equals(oldEmail, person.Email, StringComparison.OrdinalIgnoreCase))
        {
            if (await RenameAccountAsync(db, account, person, cancellationToken) is { } refusal)
            {
                return CommandResult.Invalid(new Dictionary<string, string> { [nameof(PersonInput.Email)] = refusal });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        changes.Publish(new DashboardChange(ChangeArea.People, person.Id, $"{person.Name}'s details changed"));
        return CommandResult.Saved;
    }

    /// <summary>
    /// Gives and takes roles. Roles belong to the sign-in account, so a person without one gets an account (with no
    /// password until they are invited). Never leaves the councils without an active administrator.
    /// </summary>
    public async Task<CommandResult> SetRolesAsync(int personId, IReadOnlyCollection<string> roles, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(AdministratorsOnly);
        }

        if (roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown)
        {
            return CommandResult.Refused($"'{unknown}' is not a role: choose from {string.Join(", ", Roles.All)}.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return CommandResult.Refused(NoSuchPerson);
        }

        using var users = managers.For(db);
        var account = await db.Users.SingleOrDefaultAsync(u => u.PersonId == personId, cancellationToken);
        var current = account is null ? [] : await users.GetRolesAsync(account);
        var removing = current.Except(roles).ToList();
        var adding = roles.Except(current).Distinct().ToList();
        if (removing.Count == 0 && adding.Count == 0)
        {
            return CommandResult.Saved;
        }

        if (removing.Contains(Roles.Administrator)
            && Administrators.Refusal(personId, await user.PersonIdAsync(), await ActiveAdministratorsAsync(db, cancellationToken), AdministratorLoss.RoleRemoved) is { } lastOne)
        {
            return CommandResult.Refused(lastOne);
        }

        if (account is null)
        {
            if (string.IsNullOrEmpty(person.Email))
            {
                return Invalid(RolesField, $"Add {person.Name}'s email address first: roles belong to their sign-in account, which is named by their email address.");
            }

            account = new ApplicationUser { UserName = person.Email, Email = person.Email, PersonId = person.Id };
            if (Problem(await users.CreateAsync(account)) is { } notCreated)
            {
                return Invalid(RolesField, notCreated);
            }
        }

        if ((Problem(await users.AddToRolesAsync(account, adding)) ?? Problem(await users.RemoveFromRolesAsync(account, removing))
             ?? Problem(await users.UpdateSecurityStampAsync(account))) is { } problem)
        {
            return Invalid(RolesField, problem);
        }

        await transaction.CommitAsync(cancellationToken);
        var now = roles.Count == 0 ? "no roles" : string.Join(", ", Roles.All.Where(roles.Contains));
        changes.Publish(new DashboardChange(ChangeArea.People, person.Id, $"{person.Name} now has {now}"));
        return CommandResult.Saved;
    }

    /// <summary>
    /// Creates the sign-in account if there is none and emails a one-time "set your password" link. A repeat
    /// invitation sends a fresh link, and the earlier one stops working.
    /// </summary>
    /// <returns>The outcome and, once sent, the address it went to.</returns>
    public async Task<(CommandResult Result, string? SentTo)> InviteAsync(int personId, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return (CommandResult.Refused(AdministratorsOnly), null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return (CommandResult.Refused(NoSuchPerson), null);
        }

        if (!person.IsActive)
        {
            return (CommandResult.Refused($"{person.Name} has been deactivated: reactivate them before inviting them."), null);
        }

        if (string.IsNullOrEmpty(person.Email))
        {
            return (CommandResult.Refused($"Add {person.Name}'s email address first: the invitation is sent there."), null);
        }

        var account = await db.Users.SingleOrDefaultAsync(u => u.PersonId == personId, cancellationToken);
        var now = time.GetUtcNow();
        if (!AccountStates.CanBeInvited(Accounts.StateOf(account, person, now)))
        {
            return (CommandResult.Refused($"{person.Name} already has an account they have used: send them a password reset instead."), null);
        }

        using var users = managers.For(db);
        var invitedBefore = account?.InvitedAt;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            IdentityResult saved;
            if (account is null)
            {
                account = new ApplicationUser { UserName = person.Email, Email = person.Email, PersonId = person.Id, InvitedAt = now };
                saved = await users.CreateAsync(account);
            }
            else
            {
                // A new stamp: the link in any earlier invitation stops working.
                account.InvitedAt = now;
                saved = await users.UpdateSecurityStampAsync(account);
            }

            if (Problem(saved) is { } problem)
            {
                return (CommandResult.Refused($"{person.Name} cannot be invited: {problem}"), null);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var inviter = CurrentUser.DisplayNameOf(await user.PrincipalAsync());
        var (link, expires) = await links.CreateAsync(users, account, PasswordLinkKind.Invitation);
        var words = AccountEmails.Invitation(person.Name, person.Email, inviter, link, expires, links.ForgotPasswordPage);
        if (await SendAsync(AccountEmails.Message(link, person.Email, words), cancellationToken) is { } failure)
        {
            // Nothing went out, so the list must not say "invited".
            account.InvitedAt = invitedBefore;
            await users.UpdateAsync(account);
            return (CommandResult.Refused($"The invitation email to {person.Email} could not be sent ({failure}). Nothing was sent: check the email settings, then invite again."), null);
        }

        log.LogInformation("{Inviter} invited {Person} (person {PersonId}) to sign in as {Email}", inviter, person.Name, person.Id, person.Email);
        changes.Publish(new DashboardChange(ChangeArea.People, person.Id, $"{person.Name} invited to sign in"));
        return (CommandResult.Saved, person.Email);
    }

    /// <summary>Emails the person a one-time link to choose a new password; their current password works until they use it.</summary>
    /// <returns>The outcome and, once sent, the address it went to.</returns>
    public async Task<(CommandResult Result, string? SentTo)> SendPasswordResetAsync(int personId, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return (CommandResult.Refused(AdministratorsOnly), null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return (CommandResult.Refused(NoSuchPerson), null);
        }

        var account = await db.Users.SingleOrDefaultAsync(u => u.PersonId == personId, cancellationToken);
        var state = Accounts.StateOf(account, person, time.GetUtcNow());
        if (state == AccountState.Deactivated)
        {
            return (CommandResult.Refused($"{person.Name} has been deactivated: reactivate them first."), null);
        }

        if (account?.Email is not { } address || !AccountStates.CanResetPassword(state))
        {
            return (CommandResult.Refused($"{person.Name} has not been invited yet: invite them instead."), null);
        }

        using var users = managers.For(db);
        var sender = CurrentUser.DisplayNameOf(await user.PrincipalAsync());
        var (link, expires) = await links.CreateAsync(users, account, PasswordLinkKind.Reset);
        var words = AccountEmails.PasswordReset(person.Name, address, sender, link, expires, links.ForgotPasswordPage);
        if (await SendAsync(AccountEmails.Message(link, address, words), cancellationToken) is { } failure)
        {
            return (CommandResult.Refused($"The password reset email to {address} could not be sent ({failure}). Check the email settings, then try again."), null);
        }

        log.LogInformation("{Sender} sent {Person} (person {PersonId}) a password reset link at {Email}", sender, person.Name, person.Id, address);
        return (CommandResult.Saved, address);
    }

    /// <summary>Switches a person off: they cannot sign in, and their open pages end at the next check. History stays.</summary>
    public async Task<CommandResult> DeactivateAsync(int personId, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(AdministratorsOnly);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return CommandResult.Refused(NoSuchPerson);
        }

        if (!person.IsActive)
        {
            return CommandResult.Refused($"{person.Name} is already deactivated.");
        }

        if (Administrators.Refusal(personId, await user.PersonIdAsync(), await ActiveAdministratorsAsync(db, cancellationToken), AdministratorLoss.Deactivated) is { } lastOne)
        {
            return CommandResult.Refused(lastOne);
        }

        person.DeactivatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        if (await db.Users.SingleOrDefaultAsync(u => u.PersonId == personId, cancellationToken) is { } account)
        {
            using var users = managers.For(db);
            if (Problem(await users.UpdateSecurityStampAsync(account)) is { } problem)
            {
                return CommandResult.Refused($"{person.Name} has not been deactivated: {problem}");
            }
        }

        await transaction.CommitAsync(cancellationToken);
        changes.Publish(new DashboardChange(ChangeArea.People, person.Id, $"{person.Name} deactivated"));
        return CommandResult.Saved;
    }

    public async Task<CommandResult> ReactivateAsync(int personId, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return CommandResult.Refused(AdministratorsOnly);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return CommandResult.Refused(NoSuchPerson);
        }

        if (person.IsActive)
        {
            return CommandResult.Refused($"{person.Name} is already active.");
        }

        person.DeactivatedAt = null;
        await db.SaveChangesAsync(cancellationToken);
        changes.Publish(new DashboardChange(ChangeArea.People, person.Id, $"{person.Name} reactivated"));
        return CommandResult.Saved;
    }

    /// <summary>
    /// Hands everything a person owns — services, risk registers, risks, issues, indicators, and the people they are
    /// director for — to one other active person, in one transaction.
    /// </summary>
    /// <returns>The outcome and how many things were handed over.</returns>
    public async Task<(CommandResult Result, int Count)> HandOverAsync(int fromPersonId, int? toPersonId, CancellationToken cancellationToken = default)
    {
        if (!await user.IsAdministratorAsync())
        {
            return (CommandResult.Refused(AdministratorsOnly), 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var people = await EntriesAsync(db, cancellationToken);
        var (newDirectors, refusal) = Handover.Plan(fromPersonId, toPersonId, people);
        if (refusal is not null)
        {
            return (CommandResult.Refused(refusal), 0);
        }

        var to = toPersonId!.Value;
        var services = await db.SharedServices.Where(s => s.OwnerId == fromPersonId).ToListAsync(cancellationToken);
        var registers = await db.RiskRegisters.Where(r => r.OwnerId == fromPersonId).ToListAsync(cancellationToken);
        var risks = await db.Risks.Where(r => r.OwnerId == fromPersonId).ToListAsync(cancellationToken);
        var issues = await db.RiskIssues.Where(i => i.OwnerId == fromPersonId).ToListAsync(cancellationToken);
        var indicators = await db.PerformanceIndicators.Where(p => p.OwnerId == fromPersonId).ToListAsync(cancellationToken);
        var savings = await db.SavingsLines.Where(l => l.OwnerId == fromPersonId).ToListAsync(cancellationToken);
        var reports = await db.People.Where(p => newDirectors.Keys.Contains(p.Id)).ToListAsync(cancellationToken);
        services.ForEach(s => s.OwnerId = to);
        registers.ForEach(r => r.OwnerId = to);
        risks.ForEach(r => r.OwnerId = to);
        issues.ForEach(i => i.OwnerId = to);
        indicators.ForEach(p => p.OwnerId = to);
        savings.ForEach(l => l.OwnerId = to);
        reports.ForEach(p => p.DirectorId = newDirectors[p.Id]);

        var count = services.Count + registers.Count + risks.Count + issues.Count + indicators.Count + savings.Count + reports.Count;
        var from = people.Single(p => p.Id == fromPersonId).Name;
        var toName = people.Single(p => p.Id == to).Name;
        if (count == 0)
        {
            return (CommandResult.Refused($"{from} owns nothing to hand over."), 0);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (CommandResult.Refused($"Someone changed some of {from}'s risks or issues while you were handing them over. Nothing has been handed over: try again."), 0);
        }

        var summary = $"{count} item{(count == 1 ? "" : "s")} handed over from {from} to {toName}";
        changes.Publish(new DashboardChange(ChangeArea.People, fromPersonId, summary));
        foreach (var (area, any) in new[]
                 {
                     (ChangeArea.Services, services.Count > 0), (ChangeArea.RiskRegisters, registers.Count > 0), (ChangeArea.Risks, risks.Count > 0),
                     (ChangeArea.Issues, issues.Count > 0), (ChangeArea.PerformanceCatalogue, indicators.Count > 0), (ChangeArea.Savings, savings.Count > 0),
                 })
        {
            if (any)
            {
                changes.Publish(new DashboardChange(area, null, summary));
            }
        }

        return (CommandResult.Saved, count);
    }

    private static async Task<List<PersonEntry>> EntriesAsync(DashboardDbContext db, CancellationToken cancellationToken) =>
        await db.People.AsNoTracking()
            .Select(p => new PersonEntry(p.Id, p.Name, p.Email, p.DirectorId, p.DeactivatedAt == null))
            .ToListAsync(cancellationToken);

    private static async Task<List<int>> CouncilIdsAsync(DashboardDbContext db, CancellationToken cancellationToken) =>
        await db.Councils.Select(c => c.Id).ToListAsync(cancellationToken);

    /// <summary>Everyone who can sign in as an administrator now: the person's id, or null for an account with no person.</summary>
    private async Task<List<int?>> ActiveAdministratorsAsync(DashboardDbContext db, CancellationToken cancellationToken) =>
        await (from account in db.Users
               join userRole in db.UserRoles on account.Id equals userRole.UserId
               join role in db.Roles on userRole.RoleId equals role.Id
               where role.Name == Roles.Administrator
                     && (account.PersonId == null || account.Person!.DeactivatedAt == null)
                     && (demo.Enabled || !account.IsDemoAccount)
               select account.PersonId).ToListAsync(cancellationToken);

    private async Task<string?> RenameAccountAsync(DashboardDbContext db, ApplicationUser account, Person person, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(person.Email))
        {
            return $"{person.Name} has a sign-in account, which is named by their email address: enter one.";
        }

        using var users = managers.For(db);
        var holder = await users.FindByEmailAsync(person.Email);
        if (holder is not null && holder.Id != account.Id)
        {
            return "Another sign-in account already uses this email address.";
        }

        // Both renew the security stamp: the person signs in again, with the new address.
        return Problem(await users.SetEmailAsync(account, person.Email)) ?? Problem(await users.SetUserNameAsync(account, person.Email));
    }

    private async Task<string?> SendAsync(OutgoingEmail message, CancellationToken cancellationToken)
    {
        try
        {
            await email.SendAsync(message, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "An account email to {To} was not accepted", string.Join(", ", message.To));
            return e.Message;
        }
    }

    private static string? Problem(IdentityResult result) =>
        result.Succeeded ? null : string.Join(" ", result.Errors.Select(e => e.Description));

    private static CommandResult Invalid(string field, string message) =>
        CommandResult.Invalid(new Dictionary<string, string> { [field] = message });
}
