using Dashboard.Auth;
using Dashboard.Domain.Audit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Services;
using Dashboard.Features.Admin.People;
using Dashboard.Live;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Admin;

/// <summary>
/// An administrator's commands on people and accounts, called as the pages call them, against the demo database:
/// what the database holds afterwards, what was announced, and what email went out.
/// </summary>
public class PeopleCommandsTests : DashboardTestContext
{
    public PeopleCommandsTests()
    {
        AccountServices.Add(Services, () => Database, () => MailFolder);
        Services.AddScoped<PeopleCommands>();
        Services.AddScoped<PeopleQueries>();
    }

    private string MailFolder => Path.Combine(Database.Directory, "mail");

    private PeopleCommands Commands => Services.GetRequiredService<PeopleCommands>();

    private PeopleQueries Queries => Services.GetRequiredService<PeopleQueries>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<int> PersonIdAsync(string name)
    {
        await using var db = await Database.OpenAsync();
        return await db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<Person> PersonAsync(int id)
    {
        await using var db = await Database.OpenAsync();
        return await db.People.AsNoTracking().SingleAsync(p => p.Id == id, Ct);
    }

    private async Task<ApplicationUser?> AccountAsync(int personId)
    {
        await using var db = await Database.OpenAsync();
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.PersonId == personId, Ct);
    }

    private async Task<List<string>> RolesAsync(int personId) => (await Queries.DetailAsync(personId, Ct))!.Roles.ToList();

    private async Task<bool> LinkWorksAsync(Uri link)
    {
        await using var db = await Database.OpenAsync();
        using var users = Services.GetRequiredService<UserManagers>().For(db);
        var user = await db.Users.SingleAsync(u => u.Id == AccountServices.Query(link, "user"), Ct);
        return await PasswordLinks.IsValidAsync(users, user, PasswordLinks.KindOf(AccountServices.Query(link, "kind"))!.Value, AccountServices.Query(link, "code"));
    }

    private async Task<IdentityResult> SetPasswordAsync(Uri link, string password)
    {
        await using var db = await Database.OpenAsync();
        using var users = Services.GetRequiredService<UserManagers>().For(db);
        var user = await db.Users.SingleAsync(u => u.Id == AccountServices.Query(link, "user"), Ct);
        return await PasswordLinks.SetPasswordAsync(users, user, PasswordLinks.KindOf(AccountServices.Query(link, "kind"))!.Value, AccountServices.Query(link, "code"), password);
    }

    [Fact]
    public async Task An_administrator_adds_a_person_who_is_audited_and_announced()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        using var announced = new Announcements(Notifier);
        var sam = await PersonIdAsync("Sam Reid");

        var (result, id) = await Commands.CreateAsync(new PersonInput { Name = " Jo Bloggs ", JobTitle = "Head of Audit", Email = "jo.bloggs@redditch.example", DirectorId = sam }, Ct);

        Assert.True(result.Succeeded);
        var person = await PersonAsync(id!.Value);
        Assert.Equal(("Jo Bloggs", "Head of Audit", "jo.bloggs@redditch.example", (int?)sam, true), (person.Name, person.JobTitle, person.Email, person.DirectorId, person.IsActive));
        Assert.Equal(AccountState.NoAccount, (await Queries.DetailAsync(id.Value, Ct))!.State);
        await using var db = await Database.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Person) && a.EntityId == id.ToString() && a.Action == AuditAction.Created && a.Changes.Contains("Jo Bloggs"), Ct));
        var change = Assert.Single(await announced.AfterFirstAsync());
        Assert.Equal((ChangeArea.People, id, "Jo Bloggs added"), (change.Area, change.EntityId, change.Summary));
    }

    [Fact]
    public async Task Someone_elses_email_address_in_any_case_and_a_missing_name_are_refused_and_nothing_is_saved()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        await using var before = await Database.OpenAsync();
        var count = await before.People.CountAsync(Ct);

        var (result, id) = await Commands.CreateAsync(new PersonInput { Name = " ", Email = "ALEX.MORGAN@bromsgroveandredditch.example" }, Ct);

        Assert.Null(id);
        Assert.Equal("Alex Morgan already has this email address: each person needs their own.", result.FieldErrors[nameof(PersonInput.Email)]);
        Assert.Equal("Enter the person's name.", result.FieldErrors[nameof(PersonInput.Name)]);
        await using var after = await Database.OpenAsync();
        Assert.Equal(count, await after.People.CountAsync(Ct));
    }

    [Fact]
    public async Task A_director_who_would_make_a_loop_is_refused_and_the_person_is_unchanged()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var kim = await PersonIdAsync("Kim Adams");
        var input = PersonInput.From(await PersonAsync(kim)) with { DirectorId = await PersonIdAsync("Priya Shah") };

        var result = await Commands.UpdateAsync(kim, input, Ct);

        Assert.Equal("Priya Shah already reports, directly or through others, to Kim Adams: choosing them would make a loop.", result.FieldErrors[nameof(PersonInput.DirectorId)]);
        Assert.Null((await PersonAsync(kim)).DirectorId);
    }

    [Fact]
    public async Task Changing_the_email_address_of_someone_with_an_account_renames_the_account()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var alex = await PersonIdAsync("Alex Morgan");
        var stampBefore = (await AccountAsync(alex))!.SecurityStamp;

        var result = await Commands.UpdateAsync(alex, PersonInput.From(await PersonAsync(alex)) with { Email = "alex.morgan@redditchbc.example" }, Ct);

        Assert.True(result.Succeeded);
        var account = (await AccountAsync(alex))!;
        Assert.Equal(("alex.morgan@redditchbc.example", "alex.morgan@redditchbc.example"), (account.Email, account.UserName));
        Assert.NotEqual(stampBefore, account.SecurityStamp);
        Assert.Equal("alex.morgan@redditchbc.example", (await PersonAsync(alex)).Email);
    }

    [Fact]
    public async Task Called_directly_by_a_service_manager_every_command_is_refused_and_nothing_changes()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var alex = await PersonIdAsync("Alex Morgan");
        var kim = await PersonIdAsync("Kim Adams");
        var sue = await PersonIdAsync("Sue Marsh");
        await using var before = await Database.OpenAsync();
        var people = await before.People.CountAsync(Ct);
        var alexRoles = await RolesAsync(alex);

        Assert.Equal(PeopleCommands.AdministratorsOnly, (await Commands.CreateAsync(new PersonInput { Name = "Jo Bloggs" }, Ct)).Result.Error);
        Assert.Equal(PeopleCommands.AdministratorsOnly, (await Commands.UpdateAsync(kim, new PersonInput { Name = "Kim Changed" }, Ct)).Error);
        Assert.Equal(PeopleCommands.AdministratorsOnly, (await Commands.SetRolesAsync(alex, [Roles.Administrator, Roles.ServiceManager], Ct)).Error);
        Assert.Equal(PeopleCommands.AdministratorsOnly, (await Commands.InviteAsync(kim, Ct)).Result.Error);
        Assert.Equal(PeopleCommands.AdministratorsOnly, (await Commands.SendPasswordResetAsync(sue, Ct)).Result.Error);
        Assert.Equal(PeopleCommands.AdministratorsOnly, (await Commands.DeactivateAsync(sue, Ct)).Error);
        Assert.Equal(PeopleCommands.AdministratorsOnly, (await Commands.ReactivateAsync(sue, Ct)).Error);
        Assert.Equal(PeopleCommands.AdministratorsOnly, (await Commands.HandOverAsync(sue, alex, Ct)).Result.Error);

        await using var after = await Database.OpenAsync();
        Assert.Equal(people, await after.People.CountAsync(Ct));
        Assert.Equal("Kim Adams", (await PersonAsync(kim)).Name);
        Assert.Equal(alexRoles, await RolesAsync(alex));
        Assert.Null(await AccountAsync(kim));
        Assert.True((await PersonAsync(sue)).IsActive);
        Assert.Empty(AccountServices.EmailsTo(MailFolder, $"sue.marsh@{Dashboard.Data.DemoSeed.Domain}"));
        Assert.Contains((await Queries.OwnedByAsync(sue, Ct)).Services, s => s.Label == "Environmental Services");
    }

    [Fact]
    public async Task Giving_roles_to_someone_without_an_account_makes_one_and_changing_roles_renews_its_security_stamp()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var kim = await PersonIdAsync("Kim Adams");

        Assert.True((await Commands.SetRolesAsync(kim, [Roles.BoardMember], Ct)).Succeeded);
        var account = (await AccountAsync(kim))!;
        Assert.Equal(($"kim.adams@{Dashboard.Data.DemoSeed.Domain}", (string?)null), (account.Email, account.PasswordHash));
        Assert.Equal([Roles.BoardMember], await RolesAsync(kim));
        Assert.Equal(AccountState.NoAccount, (await Queries.DetailAsync(kim, Ct))!.State);

        Assert.True((await Commands.SetRolesAsync(kim, [Roles.ReportOwner, Roles.BoardMember], Ct)).Succeeded);

        Assert.Equal([Roles.BoardMember, Roles.ReportOwner], await RolesAsync(kim));
        Assert.NotEqual(account.SecurityStamp, (await AccountAsync(kim))!.SecurityStamp);
        await using var db = await Database.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Role assignment" && a.EntityId.StartsWith(account.Id) && a.Action == AuditAction.Created, Ct));
    }

    [Fact]
    public async Task Roles_need_an_email_address_to_name_the_account()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var (_, id) = await Commands.CreateAsync(new PersonInput { Name = "Jo Bloggs" }, Ct);

        var result = await Commands.SetRolesAsync(id!.Value, [Roles.ReportOwner], Ct);

        Assert.Equal("Add Jo Bloggs's email address first: roles belong to their sign-in account, which is named by their email address.", result.FieldErrors[PeopleCommands.RolesField]);
        Assert.Null(await AccountAsync(id.Value));
    }

    [Fact]
    public async Task The_last_active_administrator_cannot_remove_their_own_role_or_deactivate_themselves_until_there_is_another()
    {
        var priya = await SignInAsAsync("Priya Shah", Roles.Administrator);
        var sam = await PersonIdAsync("Sam Reid");

        Assert.Equal("You are the only active administrator, so you cannot remove your own Administrator role: give someone else the role first.",
            (await Commands.SetRolesAsync(priya, [Roles.BoardMember], Ct)).Error);
        Assert.Equal("You are the only active administrator, so you cannot deactivate yourself: give someone else the Administrator role first.",
            (await Commands.DeactivateAsync(priya, Ct)).Error);
        Assert.Equal([Roles.Administrator], await RolesAsync(priya));
        Assert.True((await PersonAsync(priya)).IsActive);

        Assert.True((await Commands.SetRolesAsync(sam, [Roles.Administrator], Ct)).Succeeded);
        Assert.True((await Commands.SetRolesAsync(priya, [Roles.BoardMember], Ct)).Succeeded);
        Assert.Equal([Roles.BoardMember], await RolesAsync(priya));
    }

    [Fact]
    public async Task An_invitation_makes_an_account_and_emails_a_link_that_works_once_and_a_second_invitation_replaces_it()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        using var announced = new Announcements(Notifier);
        var kim = await PersonIdAsync("Kim Adams");
        var address = $"kim.adams@{Dashboard.Data.DemoSeed.Domain}";

        var (result, sentTo) = await Commands.InviteAsync(kim, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(address, sentTo);
        var account = (await AccountAsync(kim))!;
        Assert.Null(account.PasswordHash);
        Assert.NotNull(account.InvitedAt);
        Assert.Equal(AccountState.Invited, (await Queries.DetailAsync(kim, Ct))!.State);
        Assert.Equal("Kim Adams invited to sign in", Assert.Single(await announced.AfterFirstAsync()).Summary);
        var email = Assert.Single(AccountServices.EmailsTo(MailFolder, address));
        Assert.Equal("[Shared Services] Your invitation to the Shared Services Dashboard", email.Subject);
        Assert.Contains("Dear Kim Adams,", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Priya Shah has invited you", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{AccountServices.SiteAddress}/account/forgot-password", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Choose my password</a>", email.HtmlBody, StringComparison.Ordinal);
        var first = AccountServices.LinkIn(email);
        Assert.True(await LinkWorksAsync(first));

        Assert.True((await Commands.InviteAsync(kim, Ct)).Result.Succeeded);
        var second = AccountServices.LinkIn(AccountServices.EmailsTo(MailFolder, address)[1]);
        Assert.False(await LinkWorksAsync(first));
        Assert.True(await LinkWorksAsync(second));

        Assert.True((await SetPasswordAsync(second, "Chief-exec-2026!")).Succeeded);
        Assert.False(await LinkWorksAsync(second));
        account = (await AccountAsync(kim))!;
        Assert.True(account.EmailConfirmed);
        Assert.NotEqual(PasswordVerificationResult.Failed, Services.GetRequiredService<IPasswordHasher<ApplicationUser>>()
            .VerifyHashedPassword(account, account.PasswordHash!, "Chief-exec-2026!"));
    }

    [Fact]
    public async Task A_link_refuses_a_password_the_rules_do_not_allow_and_still_works_afterwards()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var kim = await PersonIdAsync("Kim Adams");
        await Commands.InviteAsync(kim, Ct);
        var link = AccountServices.LinkIn(Assert.Single(AccountServices.EmailsTo(MailFolder, $"kim.adams@{Dashboard.Data.DemoSeed.Domain}")));

        var refused = await SetPasswordAsync(link, "short");

        Assert.Contains(refused.Errors, e => e.Code == nameof(IdentityErrorDescriber.PasswordTooShort));
        Assert.True(await LinkWorksAsync(link));
    }

    [Fact]
    public async Task Someone_who_has_signed_in_is_not_invited_again_but_can_be_sent_a_password_reset()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var alex = await PersonIdAsync("Alex Morgan");
        var address = $"alex.morgan@{Dashboard.Data.DemoSeed.Domain}";

        Assert.Equal("Alex Morgan already has an account they have used: send them a password reset instead.", (await Commands.InviteAsync(alex, Ct)).Result.Error);
        var (result, sentTo) = await Commands.SendPasswordResetAsync(alex, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(address, sentTo);
        var email = Assert.Single(AccountServices.EmailsTo(MailFolder, address));
        Assert.Contains("Priya Shah, an administrator of the Shared Services Dashboard, has sent you a link", email.TextBody, StringComparison.Ordinal);
        var link = AccountServices.LinkIn(email);
        Assert.Equal("reset", AccountServices.Query(link, "kind"));
        Assert.True(await LinkWorksAsync(link));
        var account = (await AccountAsync(alex))!;
        Assert.NotEqual(PasswordVerificationResult.Failed, Services.GetRequiredService<IPasswordHasher<ApplicationUser>>()
            .VerifyHashedPassword(account, account.PasswordHash!, Dashboard.Data.DemoSeed.ManagerPassword));
    }

    [Fact]
    public async Task A_deactivated_person_cannot_sign_in_and_their_sessions_are_told_until_they_are_reactivated()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        using var announced = new Announcements(Notifier);
        var alex = await PersonIdAsync("Alex Morgan");
        var stampBefore = (await AccountAsync(alex))!.SecurityStamp;
        var rolesBefore = await RolesAsync(alex);
        var access = Services.GetRequiredService<AccountAccess>();

        Assert.True((await Commands.DeactivateAsync(alex, Ct)).Succeeded);

        Assert.NotNull((await PersonAsync(alex)).DeactivatedAt);
        var account = (await AccountAsync(alex))!;
        Assert.NotEqual(stampBefore, account.SecurityStamp);
        Assert.Equal(AccountAccess.Deactivated, await access.RefusalAsync(account, Ct));
        Assert.Equal(AccountState.Deactivated, (await Queries.DetailAsync(alex, Ct))!.State);
        Assert.Equal("Alex Morgan deactivated", Assert.Single(await announced.AfterFirstAsync()).Summary);
        Assert.Equal("Alex Morgan has been deactivated: reactivate them before inviting them.", (await Commands.InviteAsync(alex, Ct)).Result.Error);
        Assert.Equal("Alex Morgan has been deactivated: reactivate them first.", (await Commands.SendPasswordResetAsync(alex, Ct)).Result.Error);
        Assert.Empty(AccountServices.EmailsTo(MailFolder, $"alex.morgan@{Dashboard.Data.DemoSeed.Domain}"));
        Assert.Equal(rolesBefore, await RolesAsync(alex));

        Assert.True((await Commands.ReactivateAsync(alex, Ct)).Succeeded);
        Assert.Null(await access.RefusalAsync((await AccountAsync(alex))!, Ct));
    }

    [Fact]
    public async Task Handing_over_moves_everything_a_person_owns_to_someone_else_in_one_step()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var sam = await PersonIdAsync("Sam Reid");
        var sue = await PersonIdAsync("Sue Marsh");
        var alex = await PersonIdAsync("Alex Morgan");
        var owned = await Queries.OwnedByAsync(alex, Ct);
        Assert.Contains(owned.Services, s => s.Label == "ICT");
        using var announced = new Announcements(Notifier);

        var (result, count) = await Commands.HandOverAsync(alex, sue, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(owned.Count, count);
        Assert.Equal(0, (await Queries.OwnedByAsync(alex, Ct)).Count);
        await using var db = await Database.OpenAsync();
        Assert.Equal(sue, await db.SharedServices.Where(s => s.Name == "ICT").Select(s => s.OwnerId).SingleAsync(Ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SharedService) && a.Changes.Contains("OwnerId"), Ct));
        Assert.Contains(await announced.AfterFirstAsync(), c => c.Area == ChangeArea.People && c.Summary == $"{count} items handed over from Alex Morgan to Sue Marsh");

        // Sam directs most people; handing to Kim moves them all, and Sam is left owning nothing.
        Assert.True((await Commands.HandOverAsync(sam, await PersonIdAsync("Kim Adams"), Ct)).Result.Succeeded);
        Assert.Equal(0, (await Queries.OwnedByAsync(sam, Ct)).Count);
        Assert.Equal(await PersonIdAsync("Kim Adams"), (await PersonAsync(alex)).DirectorId);
    }

    [Fact]
    public async Task A_handover_includes_the_savings_lines_a_person_owns()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var alex = await PersonIdAsync("Alex Morgan");
        var sue = await PersonIdAsync("Sue Marsh");
        await using (var setUp = await Database.OpenAsync())
        {
            await setUp.SavingsLines.Where(l => l.Description == "Single management team").ExecuteUpdateAsync(u => u.SetProperty(l => l.OwnerId, alex), Ct);
        }

        var owned = await Queries.OwnedByAsync(alex, Ct);
        Assert.Contains(owned.SavingsLines, l => l.Label == "2010/11 both councils: Single management team");
        Assert.Contains(owned.Groups, g => g.Heading == "Savings lines");

        var (result, _) = await Commands.HandOverAsync(alex, sue, Ct);
        Assert.True(result.Succeeded, result.Error);

        await using var db = await Database.OpenAsync();
        Assert.All(await db.SavingsLines.Where(l => l.Description == "Single management team").Select(l => l.OwnerId).ToListAsync(Ct), owner => Assert.Equal(sue, owner));
        Assert.Empty((await Queries.OwnedByAsync(alex, Ct)).SavingsLines);
    }

    [Fact]
    public async Task Nothing_is_handed_to_a_deactivated_person()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var sue = await PersonIdAsync("Sue Marsh");
        var alex = await PersonIdAsync("Alex Morgan");
        Assert.True((await Commands.DeactivateAsync(sue, Ct)).Succeeded);
        var before = (await Queries.OwnedByAsync(alex, Ct)).Count;

        var (result, _) = await Commands.HandOverAsync(alex, sue, Ct);

        Assert.Equal("Sue Marsh has been deactivated: choose an active person to take over.", result.Error);
        Assert.Equal(before, (await Queries.OwnedByAsync(alex, Ct)).Count);
    }
}

public sealed class PeopleCommandsTestsOnPostgres : PeopleCommandsTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
