using System.Text;
using Bunit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Services;
using Dashboard.Features.Admin.ServicesAndProjects;
using Dashboard.Import;
using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Admin;

/// <summary>Setting up services and projects from a spreadsheet, against the demo database, by the service form's rules.</summary>
public class ServiceImportTests : DashboardTestContext
{
    private const string Headings = "Name,Board report table,Arrangement,Hosting council,Received from,Manager,Director,Description,Project started,Go-live";

    public ServiceImportTests() => Services.AddScoped<ServiceImport>();

    private ServiceImport Import => Services.GetRequiredService<ServiceImport>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static ImportFile Csv(string rows, string headings = Headings) => new("services.csv", Encoding.UTF8.GetBytes($"{headings}\n{rows}"));

    private async Task<string> StateAsync()
    {
        await using var db = await Database.OpenAsync();
        var services = await db.SharedServices.OrderBy(s => s.Id).Select(s => $"{s.Name}|{s.Phase}|{s.Arrangement}|{s.OwnerId}|{s.Order}|{s.Description}").ToListAsync(Ct);
        return $"{string.Join(";", services)} audit {await db.AuditEntries.CountAsync(Ct)}";
    }

    private async Task<List<string>> TableAsync(ReportSection section)
    {
        await using var db = await Database.OpenAsync();
        return (await db.SharedServices.Where(s => s.ArchivedOn == null).ToListAsync(Ct))
            .Where(s => ReportOrder.SectionOf(s.Phase, s.Arrangement) == section).OrderBy(s => s.Order).ThenBy(s => s.Id).Select(s => s.Name).ToList();
    }

    [Fact]
    public async Task The_downloaded_services_import_back_unchanged()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        ImportFile file;
        await using (var db = await Database.OpenAsync())
        {
            var export = await ServiceSheet.WriteAsync(db, new DateOnly(2010, 12, 9), Ct);
            file = new ImportFile(export.Name, export.Content);
        }

        var outcome = await Import.PreviewAsync(file, Ct);

        Assert.Empty(outcome.Preview.Errors);
        Assert.True(outcome.Preview.Rows.Count >= 10, $"Only {outcome.Preview.Rows.Count} services were exported.");
        Assert.All(outcome.Preview.Rows, r => Assert.True(r.Change == RowChange.Unchanged, $"Row {r.Row} ({r.Key}): {string.Join("; ", r.Differences)}"));
    }

    [Fact]
    public async Task New_services_join_the_end_of_their_tables_and_a_known_one_is_updated()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        using var announced = new Announcements(Notifier);
        var file = Csv(
            "Legal Services,Project,Between the councils,BDC,,alex.morgan@bromsgroveandredditch.example,Sam Reid,Shared legal team,2010-11-01,1 April 2011\n" +
            "Building Control,Live shared service,WETT,,Wyre Forest District Council,Ian Brooks,,,,2010-06-01\n" +
            "ICT,Live shared service,Shared between the councils,,,Alex Morgan,,Shared ICT support and the councils' websites,,\n");

        var preview = await Import.PreviewAsync(file, Ct);

        Assert.Empty(preview.Preview.Errors);
        Assert.Equal([RowChange.New, RowChange.New, RowChange.Changed], preview.Preview.Rows.Select(r => r.Change));
        Assert.Equal("Description: “Shared ICT support, systems and network across both counc…” → “Shared ICT support and the councils' websites”", Assert.Single(preview.Preview.Rows[2].Differences));

        var outcome = await Import.ApplyAsync(file, preview.Preview, Ct);

        Assert.True(outcome.Applied, outcome.Refusal);
        Assert.Equal("Legal Services", (await TableAsync(ReportSection.ProjectsUnderway))[^1]);
        Assert.Equal("Building Control", (await TableAsync(ReportSection.WettServicesReceived))[^1]);
        await using var db = await Database.OpenAsync();
        var legal = await db.SharedServices.Include(s => s.Owner).Include(s => s.Director).Include(s => s.HostCouncil).SingleAsync(s => s.Name == "Legal Services", Ct);
        Assert.Equal(("Alex Morgan", "Sam Reid", "BDC", new DateOnly(2011, 4, 1)), (legal.Owner!.Name, legal.Director!.Name, legal.HostCouncil!.Code, legal.GoLiveDate!.Value));
        Assert.Equal("Shared ICT support and the councils' websites", (await db.SharedServices.SingleAsync(s => s.Name == "ICT", Ct)).Description);
        Assert.Contains("Services imported: 2 new, 1 changed", (await announced.AfterFirstAsync()).Single().Summary, StringComparison.Ordinal);
        Assert.All((await Import.PreviewAsync(file, Ct)).Preview.Rows, r => Assert.Equal(RowChange.Unchanged, r.Change));
    }

    public static TheoryData<string, string> BadRows => new()
    {
        { "Legal,Live,Between the councils,,,,,,,\n", "Row 2, Manager: Name the manager, as the dashboard shows them or by email address." },
        { "Legal,Pilot,Between the councils,,,Alex Morgan,,,,\n", "Row 2, Board report table: Give Live shared service or Project underway, not “Pilot”." },
        { "Legal,Live,Outsourced,,,Alex Morgan,,,,\n", "Row 2, Arrangement: Give Shared between the councils, Received from another council under WETT or Wider partnership, not “Outsourced”." },
        { "Legal,Live,WETT,,,Alex Morgan,,,,\n", "Row 2, Received from: Say which council provides it, e.g. Worcester City Council." },
        { "Legal,Project,Between the councils,,,Alex Morgan,,,,\n", "Row 2, Project started: Give the date the project started." },
        { "Legal,Live,Between the councils,,,Alex Morgan,,,,2011-06-01\n", "Row 2, Go-live: A live service cannot go live in the future: set it up as a project underway until then." },
        { "Legal,Live,Between the councils,,,Alex Morgan,,,,31/31/2010\n", "Row 2, Go-live: “31/31/2010” is not a date; write it as 9 Mar 2011 or 2011-03-09." },
        { "Legal,Live,Between the councils,,,Jo Nobody,,,,\n", "Row 2, Manager: No one called “Jo Nobody” is in the dashboard's list of people." },
        { "Legal,Live,Between the councils,,,Alex Morgan,,,,\nlegal,Live,Between the councils,,,Alex Morgan,,,,\n", "Row 3, Name: Legal is also on row 2; each Name may appear once." },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task A_file_with_a_problem_says_which_row_and_imports_nothing(string rows, string message)
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var before = await StateAsync();
        var file = Csv(rows);

        var preview = await Import.PreviewAsync(file, Ct);
        var outcome = await Import.ApplyAsync(file, preview.Preview, Ct);

        Assert.Contains(preview.Preview.Errors, e => e.ToString().Contains(message, StringComparison.Ordinal));
        Assert.False(outcome.Applied);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task A_deactivated_manager_cannot_be_given_a_service()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        await using (var db = await Database.OpenAsync())
        {
            (await db.People.SingleAsync(p => p.Name == "Sue Marsh", Ct)).DeactivatedAt = Time.GetUtcNow();
            await db.SaveChangesAsync(Ct);
        }

        var preview = await Import.PreviewAsync(Csv("Legal,Live,Between the councils,,,Sue Marsh,,,,\n"), Ct);

        Assert.Equal("Row 2, Manager: “Sue Marsh” has been deactivated: name an active person as manager.", Assert.Single(preview.Preview.Errors).ToString());
    }

    [Fact]
    public async Task Only_an_administrator_may_import_services()
    {
        await SignInAsAsync("Alex Morgan", Roles.ServiceManager);
        var before = await StateAsync();
        var file = Csv("Legal,Live,Between the councils,,,Alex Morgan,,,,\n");

        var outcome = await Import.ApplyAsync(file, new ImportPreview([], [new PreviewRow(2, "Legal", RowChange.New, [])]), Ct);

        Assert.Equal(ServiceSetupCommands.OnlyAdministrators, outcome.Refusal);
        Assert.Equal(before, await StateAsync());
    }

    [Fact]
    public async Task The_page_previews_and_imports_a_file()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var page = Render<ServiceImportPage>();
        WaitUntilSettled(page, () => Assert.NotEmpty(page.FindComponents<InputFile>()));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Encoding.UTF8.GetBytes($"{Headings}\nLegal,Live,Between the councils,,,Alex Morgan,,,,\n"), "services.csv"));
        page.WaitForAssertion(() => Assert.Contains(": 1 new, 0 changed, 0 unchanged", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Import 1 change").Click();

        page.WaitForAssertion(() => Assert.Contains("Imported: 1 new and 0 changed services.", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal("Legal", (await TableAsync(ReportSection.LiveServices))[^1]);
    }
}

public sealed class ServiceImportTestsOnPostgres : ServiceImportTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
