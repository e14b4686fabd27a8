using System.Text;
using Bunit;
using Dashboard.Auth;
using Dashboard.Domain.Organisation;
using Dashboard.Features.Admin.People;
using Dashboard.Import;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Admin;

/// <summary>
/// Starting the list of people from a spreadsheet, against the demo database: what the preview says, what the
/// database holds afterwards (people, accounts, roles), and the invitations sent from the page.
/// </summary>
public class PeopleImportTests : DashboardTestContext
{
    private const string Headings = "Name,Email,Job title,Council,Director,Roles";

    public PeopleImportTests()
    {
        AccountServices.Add(Services, () => Database, () => MailFolder);
        Services.AddScoped<PeopleCommands>();
        Services.AddScoped<PeopleImport>();
    }

    private string MailFolder => Path.Combine(Database.Directory, "mail");

    private PeopleImport Import => Services.GetRequiredService<PeopleImport>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static ImportFile Csv(string rows) => new("people.csv", Encoding.UTF8.GetBytes($"{Headings}\n{rows}"));

    /// <summary>Everything an import could write: if these are unchanged, nothing was written.</summary>
    private async Task<string> StateAsync()
    {
        await using var db = await Database.OpenAsync();
        var people = await db.People.OrderBy(p => p.Id).Select(p => $"{p.Name}|{p.Email}|{p.JobTitle}|{p.CouncilId}|{p.DirectorId}").ToListAsync(Ct);
        return $"{string.Join(";", people)} accounts {await db.Users.CountAsync(Ct)} roles {await db.UserRoles.CountAsync(Ct)} audit {await db.AuditEntries.CountAsync(Ct)}";
    }

    private async Task<(Person Person, IReadOnlyList<string> Roles, ApplicationUser? Account)> PersonAsync(string email)
    {
        await using var db = await Database.OpenAsync();
        var person = await db.People.AsNoTracking().Include(p => p.Director).Include(p => p.Council).SingleAsync(p => p.Email == email, Ct);
        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.PersonId == person.Id, Ct);
        var roles = account is null ? [] : await (from userRole in db.UserRoles
                                                   join role in db.Roles on userRole.RoleId equals role.Id
                                                   where userRole.UserId == account.Id
                                                   select role.Name!).ToListAsync(Ct);
        return (person, roles.Order().ToList(), account);
    }

    [Fact]
    public async Task The_downloaded_list_of_people_imports_back_unchanged()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        ImportFile file;
        await using (var db = await Database.OpenAsync())
        {
            var export = await PeopleSheet.WriteAsync(db, new DateOnly(2010, 12, 9), Ct);
            file = new ImportFile(export.Name, export.Content);
        }

        var outcome = await Import.PreviewAsync(file, Ct);

        Assert.Empty(outcome.Preview.Errors);
        Assert.True(outcome.Preview.Rows.Count > 15, $"Only {outcome.Preview.Rows.Count} people were exported.");
        Assert.All(outcome.Preview.Rows, r => Assert.True(r.Change == RowChange.Unchanged, $"Row {r.Row} ({r.Key}): {string.Join("; ", r.Differences)}"));
    }

    [Fact]
    public async Task New_people_are_added_with_directors_from_further_down_the_file_and_their_roles_ready_for_an_invitation()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        using var announced = new Announcements(Notifier);
        var file = Csv(
            "Jo Bloggs,jo.bloggs@redditch.example,Head of Audit,RBC,Ann Director,\"Service manager, Report owner\"\n" +
            "Ann Director,ann.director@redditch.example,Director of Resources,rbc,Kim Adams,Board member\n" +
            "Alex Morgan,alex.morgan@bromsgroveandredditch.example,Head of ICT and Digital,,,Board member\n");

        var preview = await Import.PreviewAsync(file, Ct);

        Assert.Empty(preview.Preview.Errors);
        Assert.Equal([RowChange.New, RowChange.New, RowChange.Changed], preview.Preview.Rows.Select(r => r.Change));
        Assert.Equal(
            ["Job title: “Head of ICT” → “Head of ICT and Digital”", "Director: “Sam Reid” → none", "Roles given: Board member"],
            preview.Preview.Rows[2].Differences);

        var outcome = await Import.ApplyAsync(file, preview.Preview, Ct);

        Assert.True(outcome.Applied, outcome.Refusal);
        var jo = await PersonAsync("jo.bloggs@redditch.example");
        Assert.Equal(("Jo Bloggs", "Head of Audit", "RBC", "Ann Director"), (jo.Person.Name, jo.Person.JobTitle, jo.Person.Council?.Code, jo.Person.Director?.Name));
        Assert.Equal([Roles.ReportOwner, Roles.ServiceManager], jo.Roles);
        Assert.NotNull(jo.Account);
        Assert.Null(jo.Account.PasswordHash);
        Assert.Equal("JO.BLOGGS@REDDITCH.EXAMPLE", jo.Account.NormalizedUserName);
        var ann = await PersonAsync("ann.director@redditch.example");
        Assert.Equal("Kim Adams", ann.Person.Director?.Name);
        Assert.Equal([Roles.BoardMember], ann.Roles);
        var alex = await PersonAsync("alex.morgan@bromsgroveandredditch.example");
        Assert.Equal(("Head of ICT and Digital", (Person?)null), (alex.Person.JobTitle, alex.Person.Director));
        Assert.Contains(Roles.BoardMember, alex.Roles);
        Assert.Contains(Roles.ServiceManager, alex.Roles);
        Assert.Contains("People imported: 2 new, 1 changed", (await announced.AfterFirstAsync()).Single().Summary, StringComparison.Ordinal);
        await using var db = await Database.OpenAsync();
        Assert.True(await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Person), Ct) >= 3);

        Assert.All((await Import.PreviewAsync(file, Ct)).Preview.Rows, r => Assert.Equal(RowChange.Unchanged, r.Change));
    }

    public static TheoryData<string, string, string> BadRows => new()
    {
        { "no email", "Jo Bloggs,,,,,\n", "Row 2, Email: Give the person's email address: rows are matched to people by it. Someone without one can be added on the People page." },
        { "a malformed email", "Jo Bloggs,jo.bloggs,,,,\n", "Row 2, Email: Enter an email address like name@bromsgrove.gov.uk." },
        { "an unknown role", "Jo Bloggs,jo@redditch.example,,,,Manager\n", "Row 2, Roles: “Manager” is not a role. Give any of Administrator, Board member, Service manager, Report owner, separated by commas." },
        { "an unknown council", "Jo Bloggs,jo@redditch.example,,WCC,,\n", "Row 2, Council: Give BDC or RBC, or leave the cell blank, not “WCC”." },
        { "an unknown director", "Jo Bloggs,jo@redditch.example,,,Jo Nobody,\n", "Row 2, Director: No one called “Jo Nobody” is in the dashboard's list of people. Use a name as the dashboard shows it, or their email address, or leave the cell blank." },
        { "the same email twice", "Jo Bloggs,jo@redditch.example,,,,\nJo Blogs,JO@redditch.example,,,,\n", "Row 3, Email: jo@redditch.example is also on row 2; each Email may appear once." },
        { "directors in a loop", "Jo Bloggs,jo@redditch.example,,,Ann Other,\nAnn Other,ann@redditch.example,,,jo@redditch.example,\n", "already reports, directly or through others, to" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task A_file_with_a_problem_says_which_row_and_imports_nothing(string problem, string rows, string message)
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var before = await StateAsync();
        var file = Csv(rows);

        var preview = await Import.PreviewAsync(file, Ct);
        var outcome = await Import.ApplyAsync(file, preview.Preview, Ct);

        Assert.Contains(preview.Preview.Errors, e => e.ToString().Contains(message, StringComparison.Ordinal));
        Assert.False(outcome.Applied, problem);
        Assert.Equal(before, await StateAsync());
    }

    [Theory]
    [InlineData("Alex Morgan", Roles.ServiceManager)]
    [InlineData("Cllr Jordan Ellis", Roles.BoardMember)]
    public async Task Only_an_administrator_may_import_people_even_calling_the_import_directly(string person, string role)
    {
        await SignInAsAsync(person, role);
        var before = await StateAsync();
        var file = Csv("Jo Bloggs,jo@redditch.example,,,,Administrator\n");

        var preview = await Import.PreviewAsync(file, Ct);
        var outcome = await Import.ApplyAsync(file, new ImportPreview([], [new PreviewRow(2, "jo@redditch.example", RowChange.New, [])]), Ct);

        Assert.Equal(PeopleCommands.AdministratorsOnly, preview.Refusal);
        Assert.Equal(PeopleCommands.AdministratorsOnly, outcome.Refusal);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task The_page_imports_a_file_then_invites_everyone_in_it_who_has_not_been_invited()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var page = Render<PeopleImportPage>();
        WaitUntilSettled(page, () => Assert.NotEmpty(page.FindComponents<InputFile>()));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Encoding.UTF8.GetBytes(
            $"{Headings}\nJo Bloggs,jo.bloggs@redditch.example,Head of Audit,RBC,Sam Reid,Service manager\nAnn Other,ann.other@redditch.example,,BDC,,\n"), "people.csv"));
        page.WaitForAssertion(() => Assert.Contains(": 2 new, 0 changed, 0 unchanged", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal(["New person", "New person"], page.FindAll(".import-preview tbody tr td:nth-child(3)").Select(td => td.TextContent));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Import 2 changes").Click();
        page.WaitForAssertion(() => Assert.Contains("2 people in this file have not been invited to sign in yet.", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("Imported: 2 new and 0 changed people.", page.Markup, StringComparison.Ordinal);

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Invite all 2").Click();

        page.WaitForAssertion(() => Assert.Contains("Invited 2 people: Ann Other, Jo Bloggs.", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var email = Assert.Single(AccountServices.EmailsTo(MailFolder, "jo.bloggs@redditch.example"));
        Assert.StartsWith($"{AccountServices.SiteAddress}/account/set-password?", AccountServices.LinkIn(email).ToString(), StringComparison.Ordinal);
        Assert.Single(AccountServices.EmailsTo(MailFolder, "ann.other@redditch.example"));
    }
}

public sealed class PeopleImportTestsOnPostgres : PeopleImportTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
