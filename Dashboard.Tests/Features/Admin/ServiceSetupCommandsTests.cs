using Dashboard.Domain.Audit;
using Dashboard.Domain.Organisation;
using Dashboard.Domain.Reminders;
using Dashboard.Domain.Risks;
using Dashboard.Domain.Services;
using Dashboard.Features.Admin.ServicesAndProjects;
using Dashboard.Features.Reminders;
using Dashboard.Features.Reporting;
using Dashboard.Features.Services;
using Dashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Features.Admin;

/// <summary>Administrators set up, order, archive and restore services on the demo data; nobody else can, whatever page they call from.</summary>
public class ServiceSetupCommandsTests : DashboardTestContext
{
    public ServiceSetupCommandsTests()
    {
        Services.AddScoped<ServiceSetupCommands>();
        Services.AddScoped<StatusCardCommands>();
        Services.AddScoped<ProjectCommands>();
    }

    private ServiceSetupCommands Commands => Services.GetRequiredService<ServiceSetupCommands>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<int> PersonAsync(string name)
    {
        await using var db = await Database.OpenAsync();
        return await db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<SharedService> ServiceAsync(string name)
    {
        await using var db = await Database.OpenAsync();
        return await db.SharedServices.AsNoTracking().SingleAsync(s => s.Name == name, Ct);
    }

    /// <summary>What the board's tables show, in order.</summary>
    private async Task<List<string>> BoardTableAsync(ServicePhase phase)
    {
        await using var db = await Database.OpenAsync();
        return [.. (await ServiceStatusQueries.LatestStatusesAsync(db, new DateOnly(2010, 12, 9), Ct)).Where(r => r.Phase == phase).Select(r => r.Name)];
    }

    private async Task<(int Services, int Audit)> CountsAsync()
    {
        await using var db = await Database.OpenAsync();
        return (await db.SharedServices.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct));
    }

    private async Task<ServiceInput> LegalServicesProjectAsync() => new()
    {
        Name = "Shared Legal Services",
        Phase = ServicePhase.ProjectUnderway,
        Arrangement = ServiceArrangement.BetweenTheCouncils,
        HostCouncilId = null,
        OwnerId = await PersonAsync("Ian Brooks"),
        DirectorId = await PersonAsync("Sam Reid"),
        Description = "Business case for a shared legal team.",
        ProjectStartDate = new DateOnly(2010, 12, 1),
        GoLiveDate = new DateOnly(2011, 10, 1),
    };

    [Fact]
    public async Task An_administrator_sets_up_a_project_at_the_end_of_the_projects_table_audited_and_announced()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        using var announced = new Announcements(Notifier);

        var (result, id) = await Commands.CreateAsync(await LegalServicesProjectAsync(), Ct);

        Assert.True(result.Succeeded);
        Assert.Equal("Shared Legal Services", (await BoardTableAsync(ServicePhase.ProjectUnderway)).Last());
        var saved = await ServiceAsync("Shared Legal Services");
        Assert.Equal((id, await PersonAsync("Sam Reid"), new DateOnly(2011, 10, 1)), ((int?)saved.Id, saved.DirectorId, saved.GoLiveDate));
        await using var db = await Database.OpenAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(SharedService) && a.EntityId == id.ToString() && a.Action == AuditAction.Created, Ct));
        Assert.Equal("Shared Legal Services set up as a project underway", Assert.Single(await announced.AfterFirstAsync()).Summary);
    }

    [Theory]
    [InlineData("Alex Morgan", Roles.ServiceManager)]
    [InlineData("Cllr Jordan Ellis", Roles.BoardMember)]
    public async Task Anyone_but_an_administrator_is_refused_even_calling_the_commands_directly(string person, string role)
    {
        await SignInAsAsync(person, role);
        var ict = await ServiceAsync("ICT");
        var before = await CountsAsync();

        Assert.Equal(ServiceSetupCommands.OnlyAdministrators, (await Commands.CreateAsync(await LegalServicesProjectAsync(), Ct)).Result.Error);
        Assert.Equal(ServiceSetupCommands.OnlyAdministrators, (await Commands.UpdateAsync(ict.Id, ict.Version, ServiceInput.From(ict) with { Name = "ICT Services" }, Ct)).Error);
        Assert.Equal(ServiceSetupCommands.OnlyAdministrators, (await Commands.MoveAsync(ict.Id, MoveDirection.Up, Ct)).Result.Error);
        Assert.Equal(ServiceSetupCommands.OnlyAdministrators, (await Commands.ArchiveAsync(ict.Id, Ct)).Error);

        Assert.Equal(before, await CountsAsync());
        var after = await ServiceAsync("ICT");
        Assert.Equal((ict.Order, ict.ArchivedOn, ict.Version), (after.Order, after.ArchivedOn, after.Version));
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_saves_nothing()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        await using (var db = await Database.OpenAsync())
        {
            var gone = await db.People.SingleAsync(p => p.Name == "Ian Brooks", Ct);
            gone.DeactivatedAt = new DateTimeOffset(2010, 12, 1, 9, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync(Ct);
        }

        var before = await CountsAsync();
        var input = await LegalServicesProjectAsync() with { Name = " elections ", GoLiveDate = new DateOnly(2010, 11, 30), Arrangement = ServiceArrangement.WettReceived };

        var (result, id) = await Commands.CreateAsync(input, Ct);

        Assert.Null(id);
        Assert.Equal("There is already a service or project called Elections: choose another name.", result.FieldErrors["Name"]);
        Assert.Equal("That person has been deactivated or is not in the dashboard: choose an active person.", result.FieldErrors["OwnerId"]);
        Assert.Equal("The expected go-live cannot be before the project started (1 December 2010).", result.FieldErrors["GoLiveDate"]);
        Assert.Equal("Say which council provides it, e.g. Worcester City Council.", result.FieldErrors["ProviderName"]);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Saving_a_stale_copy_is_refused_and_keeps_the_newer_edit()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var opened = await ServiceAsync("Climate Change");
        Assert.True((await Commands.UpdateAsync(opened.Id, opened.Version, ServiceInput.From(opened) with { Description = "First edit" }, Ct)).Succeeded);

        var second = await Commands.UpdateAsync(opened.Id, opened.Version, ServiceInput.From(opened) with { Description = "Second edit from a stale page" }, Ct);

        Assert.Equal(ServiceSetupCommands.ChangedMeanwhile, second.Error);
        Assert.Equal("First edit", (await ServiceAsync("Climate Change")).Description);
    }

    [Fact]
    public async Task Moving_a_service_changes_the_order_of_the_board_tables_within_its_own_section()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var climate = await ServiceAsync("Climate Change");

        var (result, moved) = await Commands.MoveAsync(climate.Id, MoveDirection.Up, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal("Climate Change moved up: now 6 of 7 in Live shared services", moved);
        Assert.Equal(
            ["Community Safety", "Elections", "ICT", "CCTV & Lifeline", "Payroll", "Climate Change", "Procurement", "Internal Audit", "Property Services"],
            await BoardTableAsync(ServicePhase.Live));

        // The councils' own services stay above those received under WETT.
        var (refused, _) = await Commands.MoveAsync((await ServiceAsync("Procurement")).Id, MoveDirection.Down, Ct);
        Assert.Equal("Procurement is already last in Live shared services.", refused.Error);
    }

    [Fact]
    public async Task A_service_changed_to_one_received_under_WETT_joins_the_end_of_that_sub_heading()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var procurement = await ServiceAsync("Procurement");

        var result = await Commands.UpdateAsync(procurement.Id, procurement.Version,
            ServiceInput.From(procurement) with { Arrangement = ServiceArrangement.WettReceived, ProviderName = "Worcestershire County Council" }, Ct);

        Assert.True(result.Succeeded);
        var live = await BoardTableAsync(ServicePhase.Live);
        Assert.Equal(["Internal Audit", "Property Services", "Procurement"], live.Skip(6));
    }

    [Fact]
    public async Task An_archived_service_leaves_the_tables_reminders_and_card_editing_and_a_restored_one_comes_back_at_the_end()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var payroll = await ServiceAsync("Payroll");
        var rules = new ReminderRules(DeadlineRules.Default, ReminderLadder.Default, new WorkingCalendar([]), new Uri("http://dashboard.example/"));
        var reminders = new ReminderQueries(Database.Factory, rules);
        async Task<bool> OwesCardAsync() => (await reminders.OutstandingAsync(new DateOnly(2010, 11, 1), new DateOnly(2011, 1, 31), cancellationToken: Ct))
            .Any(o => o.Kind == ObligationKind.StatusCard && o.SubjectId == payroll.Id);
        Assert.True(await OwesCardAsync());

        Assert.True((await Commands.ArchiveAsync(payroll.Id, Ct)).Succeeded);

        Assert.DoesNotContain("Payroll", await BoardTableAsync(ServicePhase.Live));
        Assert.False(await OwesCardAsync());
        Assert.Equal(new DateOnly(2010, 12, 9), (await ServiceAsync("Payroll")).ArchivedOn);
        var (card, _) = await Services.GetRequiredService<StatusCardCommands>().SaveAsync(payroll.Id, null, new StatusCardInput(Rag.Green, "Trying anyway", null), Ct);
        Assert.Equal("Payroll is archived: an administrator must restore it before its status card can be updated.", card.Error);
        await using (var db = await Database.OpenAsync())
        {
            var meeting = await db.BoardMeetings.SingleAsync(m => m.Date == new DateOnly(2010, 12, 9), Ct);
            Assert.DoesNotContain((await BoardPackBuilder.BuildAsync(db, meeting, ScoreBandSet.Default, Dashboard.Domain.Performance.PerformanceRules.Default, Ct)).LiveServices, s => s.Name == "Payroll");
            var november = await db.BoardMeetings.SingleAsync(m => m.Date == new DateOnly(2010, 11, 11), Ct);
            Assert.Contains((await BoardPackBuilder.BuildAsync(db, november, ScoreBandSet.Default, Dashboard.Domain.Performance.PerformanceRules.Default, Ct)).LiveServices, s => s.Name == "Payroll");
            Assert.Equal(2, await db.StatusUpdates.CountAsync(u => u.SharedServiceId == payroll.Id, Ct));
        }

        Assert.True((await Commands.RestoreAsync(payroll.Id, Ct)).Succeeded);

        Assert.Null((await ServiceAsync("Payroll")).ArchivedOn);
        Assert.Equal("Payroll", (await BoardTableAsync(ServicePhase.Live))[6]);
        Assert.True(await OwesCardAsync());
    }

    [Fact]
    public async Task A_project_that_goes_live_joins_the_end_of_the_live_services()
    {
        await SignInAsAsync("Priya Shah", Roles.Administrator);
        var environment = await ServiceAsync("Environmental Services");

        Assert.True((await Services.GetRequiredService<ProjectCommands>().GoLiveAsync(environment.Id, new DateOnly(2010, 12, 9), Ct)).Succeeded);

        Assert.Equal(["Climate Change", "Environmental Services", "Internal Audit"], (await BoardTableAsync(ServicePhase.Live)).Skip(6).Take(3));
    }
}

/// <summary>The same set-up commands (authorization, validation, order, archive) on PostgreSQL.</summary>
public sealed class ServiceSetupCommandsTestsOnPostgres : ServiceSetupCommandsTests
{
    protected override Dashboard.Data.DatabaseProvider Provider => Dashboard.Data.DatabaseProvider.Postgres;
}
